using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Lnemis.Correspondence.Tests.Letters;

/// <summary>Opens rendered letters with independent readers: the OpenXml SDK for DOCX, PdfPig for PDF.</summary>
internal static class LetterFiles
{
    /// <summary>The DOCX body's paragraphs as text (line breaks as "\n"), and the raw document part.</summary>
    public static (IReadOnlyList<string> Paragraphs, string Xml) ReadDocx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch
            {
                DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
                DocumentFormat.OpenXml.Wordprocessing.Break => "\n",
                _ => "",
            })))
            .ToList();
        using var reader = new StreamReader(document.MainDocumentPart.GetStream());
        return (paragraphs, reader.ReadToEnd());
    }

    /// <summary>Each page's lines of text, in reading order, as PdfPig finds them (it parses the xref and the content streams).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadPdf(byte[] file)
    {
        using var pdf = PdfDocument.Open(file);
        return pdf.GetPages().Select(page => (IReadOnlyList<string>)page.Letters
                .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
                .ToList())
            .ToList();
    }

    /// <summary>All text with whitespace removed, so a sentence matches however it was wrapped.</summary>
    public static string Squeezed(IEnumerable<string> lines) => Squeeze(string.Concat(lines));

    public static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static string Latin1(byte[] file) => Encoding.Latin1.GetString(file);
}
