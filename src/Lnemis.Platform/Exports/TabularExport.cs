using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Lnemis.Platform.Exports;

/// <summary>The file formats every list can be exported to.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>One column of an export: its header and how to read it from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// Streams a list as CSV or XLSX, row by row (memory stays flat however long the list).
/// Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
/// return) is prefixed with an apostrophe, so an exported name can never execute.
/// </summary>
public static class TabularExport
{
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>Parses ?format=csv|xlsx (default csv); null when unknown.</summary>
    public static ExportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>Parses ?format=csv|xlsx; when unknown, adds the field error for <c>format</c> and returns null.</summary>
    public static ExportFormat? ParseFormat(string? format, IDictionary<string, string[]> errors)
    {
        var parsed = ParseFormat(format);
        if (parsed is null)
        {
            errors["format"] = ["Use csv or xlsx."];
        }

        return parsed;
    }

    /// <summary>Makes text safe to open in a spreadsheet.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    /// <summary>An endpoint result that writes the rows to the response as a download named <paramref name="baseName"/>.csv/.xlsx.</summary>
    public static IResult Result<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, ExportFormat format, string baseName) =>
        new ExportResult<T>(rows, columns, format, baseName);

    /// <summary>Writes RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding).</summary>
    public static async Task WriteCsvAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(c.Header))));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(Format(c.Value(row))))));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Writes an XLSX workbook with one sheet; numbers stay numbers, text is inline (no shared-string table in memory).</summary>
    public static async Task WriteXlsxAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct)
    {
        // The package format needs a seekable stream: build it in a temporary file, then copy it out.
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new Workbook();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheetPart))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new SheetData());
                    WriteRow(writer, columns.Select(c => (object?)c.Header));
                    await foreach (var row in rows.WithCancellation(ct))
                    {
                        WriteRow(writer, columns.Select(c => c.Value(row)));
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Export" }));
                workbook.Workbook.Save();
            }

            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            await read.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case int or long or short or decimal or double or float:
                    writer.WriteElement(new Cell
                    {
                        DataType = CellValues.Number,
                        CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
                    });
                    break;
                default:
                    writer.WriteElement(new Cell
                    {
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(Format(value)) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => Neutralise(s),
        bool b => b ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString() ?? ""),
    };

    private sealed class ExportResult<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, ExportFormat format, string baseName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
            response.ContentType = format == ExportFormat.Csv
                ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"{baseName}-{DateTime.UtcNow:yyyyMMdd}.{extension}");
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.CacheControl = "no-store";
            var ct = httpContext.RequestAborted;
            if (format == ExportFormat.Csv)
            {
                await WriteCsvAsync(response.Body, rows, columns, ct);
            }
            else
            {
                await WriteXlsxAsync(response.Body, rows, columns, ct);
            }
        }
    }
}
