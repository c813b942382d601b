using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>A file that cannot be read as a table; the message says why, in words a clerk can act on.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>A data row: its number as a spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record SourceRow(int Number, string[] Cells);

/// <summary>
/// Reads CSV (UTF-8, comma, semicolon or tab separated, RFC 4180 quoting) or XLSX (first sheet)
/// row by row with bounded memory, refusing what is not a table: binary data, other encodings,
/// absurd line or field lengths.
/// </summary>
public static class TabularReader
{
    public const int MaxColumns = 200;
    public const int MaxFieldLength = 10_000;
    private const int MaxHeaderLength = 64 * 1024;

    /// <summary>Errors a damaged workbook can raise while its rows are read.</summary>
    public static bool IsDamagedWorkbook(Exception ex) =>
        ex is OpenXmlPackageException or InvalidDataException or FormatException or System.Xml.XmlException or InvalidOperationException;

    public static string DetectFormat(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? "xlsx" : "csv";

    public static async IAsyncEnumerable<string[]> ReadAsync(Stream source, string format, [EnumeratorCancellation] CancellationToken ct)
    {
        if (format == "xlsx")
        {
            await foreach (var row in ReadXlsxAsync(source, ct))
            {
                yield return row;
            }
        }
        else
        {
            await foreach (var row in ReadCsvAsync(source, ct))
            {
                yield return row;
            }
        }
    }

    private static async IAsyncEnumerable<string[]> ReadCsvAsync(Stream source, [EnumeratorCancellation] CancellationToken ct)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var reader = new StreamReader(source, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var buffer = new char[64 * 1024];
        var length = 0;
        var position = 0;
        var eof = false;
        char? delimiter = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var first = true;

        async ValueTask<bool> FillAsync()
        {
            if (eof)
            {
                return false;
            }

            int read;
            try
            {
                read = await reader.ReadAsync(buffer.AsMemory(), ct);
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileException("The file is not UTF-8 text. Save it as \"CSV UTF-8\" (or as an Excel workbook) and upload it again.");
            }

            if (read == 0)
            {
                eof = true;
                return false;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\0')
                {
                    throw new ImportFileException("The file contains binary data; upload a CSV or an Excel (.xlsx) file.");
                }
            }

            length = read;
            position = 0;
            return true;
        }

        while (true)
        {
            // One record (which may span lines inside quotes).
            fields.Clear();
            field.Clear();
            var quoted = false;
            var atFieldStart = true;
            var recordChars = 0;
            var any = false;
            while (true)
            {
                if (position >= length && !await FillAsync())
                {
                    break;
                }

                var c = buffer[position++];
                if (first && c == '\uFEFF' && !any)
                {
                    continue;
                }

                any = true;
                recordChars++;
                if (first && recordChars > MaxHeaderLength)
                {
                    throw new ImportFileException("No header row was found in the first 64 KB; this does not look like a table.");
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position >= length)
                        {
                            await FillAsync();
                        }

                        if (position < length && buffer[position] == '"')
                        {
                            field.Append('"');
                            position++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && atFieldStart)
                {
                    quoted = true;
                    atFieldStart = false;
                }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r')
                    {
                        if (position >= length)
                        {
                            await FillAsync();
                        }

                        if (position < length && buffer[position] == '\n')
                        {
                            position++;
                        }
                    }

                    break;
                }
                else
                {
                    if (first && delimiter is null && c is ',' or ';' or '\t')
                    {
                        delimiter = c;
                    }

                    if (c == delimiter)
                    {
                        AddField();
                        atFieldStart = true;
                        continue;
                    }

                    field.Append(c);
                    atFieldStart = false;
                }

                if (field.Length > MaxFieldLength)
                {
                    throw new ImportFileException($"A value longer than {MaxFieldLength} characters was found (an unclosed quote, or not a table).");
                }
            }

            if (quoted)
            {
                throw new ImportFileException("The file ends inside a quoted value; a closing quote is missing.");
            }

            if (!any)
            {
                if (eof)
                {
                    yield break;
                }

                continue;
            }

            AddField();
            first = false;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                // A blank line.
                yield return [];
                continue;
            }

            yield return fields.ToArray();
        }

        void AddField()
        {
            if (fields.Count >= MaxColumns)
            {
                throw new ImportFileException($"A row has more than {MaxColumns} columns; this does not look like a registry table.");
            }

            fields.Add(field.ToString());
            field.Clear();
        }
    }

    private static async IAsyncEnumerable<string[]> ReadXlsxAsync(Stream source, [EnumeratorCancellation] CancellationToken ct)
    {
        // The package format needs a seekable file.
        var path = Path.Combine(Path.GetTempPath(), $"lnemis-import-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                await source.CopyToAsync(file, ct);
            }

            foreach (var row in ReadXlsxRows(path))
            {
                ct.ThrowIfCancellationRequested();
                yield return row;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string[]> ReadXlsxRows(string path)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportFileException("The file looks like an Excel workbook but cannot be opened; it may be damaged. Save it again from Excel, or as CSV UTF-8.");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException("The workbook has no sheets.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            using var reader = OpenXmlReader.Create(sheet);
            var expected = 1;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var number = (int)(row.RowIndex?.Value ?? (uint)expected);
                for (; expected < number; expected++)
                {
                    yield return [];
                }

                expected = number + 1;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column >= MaxColumns)
                    {
                        throw new ImportFileException($"A row has more than {MaxColumns} columns; this does not look like a registry table.");
                    }

                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    cells.Add(CellText(cell, shared));
                }

                yield return cells.ToArray();
            }
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return index >= 0 && index < shared.Count ? shared[index] : "";
        }

        return raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
