using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// Writes a letter as a WordprocessingML (.docx) package with the OpenXml SDK: A4, one paragraph
/// per template paragraph, line breaks kept. Text goes in <c>w:t</c> elements, which the SDK
/// XML-escapes, so a value such as "&lt;w:p&gt;" stays text.
/// </summary>
public static class DocxLetter
{
    public static byte[] Write(LetterDocument letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph([letter.MinistryName], bold: true, size: 28));
            body.Append(Paragraph(letter.Letterhead, bold: false, size: 20, after: 360));
            body.Append(Paragraph([letter.Date, letter.Reference], bold: false, size: 22, after: 240));
            body.Append(Paragraph([letter.Title], bold: true, size: 22, after: 240));
            foreach (var paragraph in letter.Paragraphs)
            {
                body.Append(Paragraph(paragraph, bold: false, size: 22, after: 200));
            }

            // A4 with 2.25 cm margins (twentieths of a point).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1276, Bottom = 1276, Left = 1276U, Right = 1276U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            document.PackageProperties.Title = letter.Title;
            document.PackageProperties.Creator = letter.MinistryName;
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(IReadOnlyList<string> lines, bool bold, int size, int after = 0)
    {
        var run = new Run();
        var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        run.Append(properties);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            run);
    }
}
