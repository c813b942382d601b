using System.Text;

namespace Lnemis.Documents.Safety;

/// <summary>A kind of file the module can recognise from its first bytes.</summary>
public sealed record FileType(string Name, string ContentType, string Description, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises a file by its content (magic bytes), never by its name; the name's extension must
/// then agree with what the content is. Office formats are ZIP containers and are told apart by
/// extension only after the ZIP signature matched.
/// </summary>
public static class FileTypes
{
    public const int HeaderBytes = 8 * 1024;

    private static readonly FileType Pdf = new("pdf", "application/pdf", "a PDF document", [".pdf"]);
    private static readonly FileType Png = new("png", "image/png", "a PNG image", [".png"]);
    private static readonly FileType Jpeg = new("jpeg", "image/jpeg", "a JPEG image", [".jpg", ".jpeg"]);
    private static readonly FileType Gif = new("gif", "image/gif", "a GIF image", [".gif"]);
    private static readonly FileType Text = new("txt", "text/plain; charset=utf-8", "plain text", [".txt"]);
    private static readonly FileType Csv = new("csv", "text/csv; charset=utf-8", "CSV text", [".csv"]);
    private static readonly FileType Executable = new("exe", "application/octet-stream", "a program", [".exe", ".dll", ".so", ".elf"]);
    private static readonly FileType Zip = new("zip", "application/zip", "a ZIP archive", [".zip"]);

    private static readonly FileType[] ZipContainers =
    [
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", [".docx"]),
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", [".xlsx"]),
        new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "a PowerPoint presentation", [".pptx"]),
        new("odt", "application/vnd.oasis.opendocument.text", "an OpenDocument text", [".odt"]),
        new("ods", "application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", [".ods"]),
    ];

    /// <summary>What the content is, given its first bytes and the (sanitised) name; null when unknown.</summary>
    public static FileType? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return Executable;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ZipContainers.FirstOrDefault(t => t.Extensions.Contains(extension)) ?? Zip;
        }

        if (IsText(head))
        {
            return extension == ".csv" ? Csv : Text;
        }

        return null;
    }

    /// <summary>UTF-8 without NUL or control characters other than tab, CR, LF (a cut at the end of the sample is allowed).</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return false;
            }
        }

        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            var chars = new char[head.Length];
            decoder.GetChars(head, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
