namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// A letter ready to be written out: the letterhead, the date and reference lines, the title (the
/// letter's subject line) and the body's paragraphs of lines, all plain text. The writers escape
/// everything, so nothing here can become markup.
/// </summary>
public sealed record LetterDocument(
    string MinistryName,
    IReadOnlyList<string> Letterhead,
    string Date,
    string Reference,
    string Title,
    IReadOnlyList<IReadOnlyList<string>> Paragraphs);

public enum LetterFormat
{
    Docx,
    Pdf,
}

public static class LetterFormats
{
    public static string ContentType(this LetterFormat format) => format switch
    {
        LetterFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/pdf",
    };

    public static string Extension(this LetterFormat format) => format == LetterFormat.Docx ? "docx" : "pdf";

    public static byte[] Write(this LetterFormat format, LetterDocument letter) =>
        format == LetterFormat.Docx ? DocxLetter.Write(letter) : PdfLetter.Write(letter);

    public static LetterFormat? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "docx" => LetterFormat.Docx,
        "pdf" => LetterFormat.Pdf,
        _ => null,
    };
}
