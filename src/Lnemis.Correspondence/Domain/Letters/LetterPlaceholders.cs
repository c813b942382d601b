using System.Text.RegularExpressions;

namespace Lnemis.Correspondence.Domain.Letters;

/// <summary>A field a template may use, written <c>{{name}}</c>, with what it holds and a sample for previews.</summary>
public sealed record LetterPlaceholder(string Name, string Description, string Sample);

/// <summary>
/// The template syntax: plain paragraphs separated by a blank line (a single line break stays a
/// line break) with <c>{{placeholder}}</c> fields. Only the names below exist; a template naming
/// any other is refused when it is saved, so a letter never goes out with a hole in it.
/// </summary>
public static partial class LetterPlaceholders
{
    public static IReadOnlyList<LetterPlaceholder> All { get; } =
    [
        new("ministry_name", "The ministry's name, as in the letterhead", "Ministry of Education"),
        new("case_number", "The case number", "260319001"),
        new("case_type", "The case type's name", "FOI request"),
        new("received_date", "The date the request was received", "Thursday 19 March 2026"),
        new("requester_name", "Who made the request", "Alex Requester"),
        new("subject", "The subject of the request", "School transport contracts"),
        new("final_deadline", "The final (statutory) deadline", "Monday 20 April 2026"),
        new("deadline_explanation", "How the final deadline was counted", "received Thu 19 Mar 2026; day 1 = Fri 20 Mar 2026; 20 working days, skipping weekends, Good Friday 3 Apr and Easter Monday 6 Apr → Mon 20 Apr 2026"),
        new("managing_team", "The unit that manages the case", "Correspondence Triage"),
        new("responding_team", "The unit answering the case (the managing unit until one is assigned)", "School Transport Unit"),
        new("responder_name", "The person answering the case", "Sam Responder"),
        new("today", "The date the letter is produced", "Monday 20 April 2026"),
        new("response_date", "The date the response was sent", "Monday 20 April 2026"),
        new("information_held", "At closure: whether the information is held", "held"),
        new("outcome", "At closure: the outcome", "granted in full"),
        new("exemptions", "At closure: the exemptions applied", "none"),
        new("appeal_outcome", "At closure of a review or appeal: its outcome", "upheld"),
        new("closed_date", "The date the case was closed", "Monday 20 April 2026"),
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Samples { get; } = All.ToDictionary(p => p.Name, p => p.Sample, StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Field();

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlankLines();

    /// <summary>What is wrong with a template text: unknown names (listed), or braces that open or close no field.</summary>
    public static string? Problem(string text)
    {
        var unknown = Field().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Names.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return $"Unknown placeholder{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown.Select(n => "{{" + n + "}}"))}. Known placeholders are: {string.Join(", ", All.Select(p => p.Name))}.";
        }

        var rest = Field().Replace(text, "");
        return rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal)
            ? "A placeholder is not closed: write fields as {{name}}."
            : null;
    }

    /// <summary>
    /// The body as paragraphs of lines, each field replaced by its value as plain text. The
    /// structure comes from the template alone: a value's own line breaks become spaces, so no
    /// value can add a paragraph (and the writers escape it, so none can add markup).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string body, IReadOnlyDictionary<string, string> values) =>
        BlankLines().Split(body.Trim())
            .Where(p => p.Trim().Length > 0)
            .Select(p => (IReadOnlyList<string>)p.Split('\n').Select(line => Fill(line.TrimEnd('\r', ' ', '\t'), values)).ToList())
            .ToList();

    /// <summary>One line with its fields filled.</summary>
    public static string Fill(string line, IReadOnlyDictionary<string, string> values) =>
        Field().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var value) ? OneLine(value) : "");

    // Control characters cannot be written to XML at all, and mean nothing on paper.
    private static string OneLine(string value) =>
        string.Join(' ', new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
