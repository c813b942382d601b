using System.Globalization;
using System.Text;

namespace Lnemis.Documents.Safety;

/// <summary>
/// Makes a client's file name safe to store and to send back in Content-Disposition: only the last
/// path segment is kept (no "../", no drive or folder), control and reserved characters are dropped,
/// leading dots removed (no hidden files, no ".."), and the length capped keeping the extension.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;
    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>The safe name, or null when nothing usable is left.</summary>
    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalised = name.Normalize(NormalizationForm.FormC);
        var lastSeparator = normalised.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? normalised[(lastSeparator + 1)..] : normalised;
        var builder = new StringBuilder(segment.Length);
        foreach (var rune in segment.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length is > 0 and <= 16 ? extension : "";
            cleaned = cleaned[..(MaxLength - extension.Length)] + extension;
        }

        return cleaned;
    }
}
