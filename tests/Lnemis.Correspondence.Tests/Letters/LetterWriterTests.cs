using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Correspondence.Features.Letters;
using UglyToad.PdfPig;

namespace Lnemis.Correspondence.Tests.Letters;

/// <summary>The PDF writer's layout (wrapping within the margins, page breaks) and the template syntax, without a server.</summary>
public sealed class LetterWriterTests
{
    private static LetterDocument Letter(int paragraphs) => new(
        "Ministry of Education",
        ["1 Example Street", "Capital City"],
        "Monday 20 April 2026",
        "Our reference: 260319001",
        "A long letter",
        Enumerable.Range(1, paragraphs)
            .Select(i => (IReadOnlyList<string>)[$"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("Wide words WWWW mmmm and narrow iiii llll fill the line.", 4))])
            .ToList());

    [Fact]
    public void Pdf_WrapsEveryLineInsideTheMargins_AndBreaksPages()
    {
        using var pdf = PdfDocument.Open(PdfLetter.Write(Letter(60)));
        Assert.True(pdf.NumberOfPages > 2);
        foreach (var page in pdf.GetPages())
        {
            Assert.All(page.Letters, l =>
            {
                Assert.InRange(l.BoundingBox.Right, 0, page.Width - 60);
                Assert.InRange(l.StartBaseLine.Y, 60, page.Height - 60);
            });
        }

        var text = LetterFiles.Squeezed(LetterFiles.ReadPdf(PdfLetter.Write(Letter(60))).SelectMany(p => p));
        Assert.Contains("Paragraph1:", text, StringComparison.Ordinal);
        Assert.Contains("Paragraph60:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_WritesWinAnsiCharactersAndEscapesStringDelimiters()
    {
        var letter = Letter(1) with { Title = "Café – “quoted” (paren) back\\slash £5 → done" };
        var raw = LetterFiles.Latin1(PdfLetter.Write(letter));
        Assert.Contains(@"(Caf\351 \226 \223quoted\224 \(paren\) back\\slash \2435 -> done) Tj", raw, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(PdfLetter.Write(letter));
        Assert.Contains("Café–“quoted”(paren)back\\slash£5->done", LetterFiles.Squeezed(LetterFiles.ReadPdf(PdfLetter.Write(letter))[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_ComeFromTheTemplate_ValuesCannotAddAny()
    {
        var values = new Dictionary<string, string> { ["requester_name"] = "Eve\n\nNew paragraph", ["subject"] = "x" };
        var paragraphs = LetterPlaceholders.Paragraphs("Dear {{requester_name}}\nLine two\n\n\n  \nAbout {{ subject }}.", values);
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(["Dear Eve New paragraph", "Line two"], paragraphs[0]);
        Assert.Equal(["About x."], paragraphs[1]);
        Assert.Null(LetterPlaceholders.Problem("{{case_number}} {{ today }}"));
        Assert.Contains("{{shoe}}", LetterPlaceholders.Problem("{{shoe}} {{case_number}}"), StringComparison.Ordinal);
        Assert.NotNull(LetterPlaceholders.Problem("{{case_number"));
        Assert.NotNull(LetterPlaceholders.Problem("case_number}}"));
    }

    [Fact]
    public void ShippedTemplates_UseOnlyKnownPlaceholders()
    {
        Assert.Equal(16, DefaultLetterTemplates.All.Count);
        Assert.All(DefaultLetterTemplates.All, t =>
        {
            Assert.Null(LetterPlaceholders.Problem(t.Title));
            Assert.Null(LetterPlaceholders.Problem(t.Body));
        });
    }
}
