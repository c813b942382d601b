using System.Globalization;
using System.Text;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// A small PDF 1.4 writer for letters: text paragraphs on A4 in the standard Type1 fonts
/// Helvetica and Helvetica-Bold (no font embedded; every reader has them), WinAnsi encoding,
/// lines wrapped by the fonts' advance widths and pages broken when full. Strings are escaped
/// (<c>\ ( )</c>, and every byte outside printable ASCII as octal), so text can never close a
/// string and become a content-stream operator. The mirror has no PDF-writing library (see ADR 0018).
/// </summary>
public static class PdfLetter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 64;
    private const double BodySize = 11;
    private const double Leading = 15;
    private const double ParagraphGap = 8;

    public static byte[] Write(LetterDocument letter)
    {
        var pages = Layout(letter);
        return Assemble(pages, letter.Title);
    }

    private sealed record Line(string Text, bool Bold, double Size, double Y);

    /// <summary>Places every line: wrapped to the text width, a new page when the next line would cross the bottom margin.</summary>
    private static List<List<Line>> Layout(LetterDocument letter)
    {
        var pages = new List<List<Line>> { new() };
        var y = PageHeight - Margin;
        void Add(string text, bool bold, double size, double leading)
        {
            foreach (var wrapped in Wrap(text, bold, size, PageWidth - (2 * Margin)))
            {
                if (y - leading < Margin)
                {
                    pages.Add([]);
                    y = PageHeight - Margin;
                }

                y -= leading;
                pages[^1].Add(new Line(wrapped, bold, size, y));
            }
        }

        void Block(IEnumerable<string> lines, bool bold, double size, double leading, double gap)
        {
            foreach (var line in lines)
            {
                Add(line, bold, size, leading);
            }

            y -= gap;
        }

        Block([letter.MinistryName], bold: true, 14, 18, 0);
        Block(letter.Letterhead, bold: false, 10, 13, 18);
        Block([letter.Date, letter.Reference], bold: false, BodySize, Leading, ParagraphGap * 2);
        Block([letter.Title], bold: true, BodySize, Leading, ParagraphGap * 2);
        foreach (var paragraph in letter.Paragraphs)
        {
            Block(paragraph, bold: false, BodySize, Leading, ParagraphGap);
        }

        return pages;
    }

    /// <summary>Greedy word wrap; a word longer than the line is cut where it no longer fits.</summary>
    internal static IEnumerable<string> Wrap(string text, bool bold, double size, double width)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }

        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Measure(candidate, bold, size) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
                line.Clear();
            }

            var rest = word;
            while (Measure(rest, bold, size) > width)
            {
                var cut = 1;
                while (cut < rest.Length && Measure(rest[..(cut + 1)], bold, size) <= width)
                {
                    cut++;
                }

                yield return rest[..cut];
                rest = rest[cut..];
            }

            line.Append(rest);
        }

        yield return line.ToString();
    }

    internal static double Measure(string text, bool bold, double size) =>
        WinAnsi.Encode(text).Sum(b => bold ? FontMetrics.HelveticaBold(b) : FontMetrics.Helvetica(b)) * size / 1000;

    private static byte[] Assemble(List<List<Line>> pages, string title)
    {
        // Objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info, then a page and its content per page.
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + (2 * i)} 0 R"))}] /Count {pages.Count} >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
            Ascii($"<< /Title {PdfString(title)} /Producer (LNEMIS) >>"),
        };
        for (var i = 0; i < pages.Count; i++)
        {
            var content = new StringBuilder();
            foreach (var line in pages[i])
            {
                content.Append(CultureInfo.InvariantCulture, $"BT /{(line.Bold ? "F2" : "F1")} {N(line.Size)} Tf 1 0 0 1 {N(Margin)} {N(line.Y)} Tm {PdfString(line.Text)} Tj ET\n");
            }

            var stream = Ascii(content.ToString());
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + (2 * i)} 0 R >>"));
            objects.Add([.. Ascii($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. Ascii("\nendstream")]);
        }

        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.4\n"));
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // binary marker, so transfers treat the file as binary
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    /// <summary>A literal string: WinAnsi bytes, with the delimiters and the escape character escaped and every other byte outside printable ASCII written in octal.</summary>
    internal static string PdfString(string text)
    {
        var s = new StringBuilder("(");
        foreach (var b in WinAnsi.Encode(text))
        {
            switch (b)
            {
                case (byte)'\\' or (byte)'(' or (byte)')':
                    s.Append('\\').Append((char)b);
                    break;
                case < 0x20 or > 0x7E:
                    s.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
                default:
                    s.Append((char)b);
                    break;
            }
        }

        return s.Append(')').ToString();
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
