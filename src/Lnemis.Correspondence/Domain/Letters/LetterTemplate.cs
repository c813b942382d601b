using System.Text.RegularExpressions;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain.Letters;

/// <summary>
/// A letter template for one case type and kind (acknowledgement, dispatch …). Its text lives in
/// <see cref="LetterTemplateVersion"/>s: every save appends one, none is ever changed, and the
/// latest is used for new letters, so a letter already sent can always be traced to its wording.
/// </summary>
public sealed class LetterTemplate : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public CaseType Type { get; set; }
    public required string Kind { get; set; }

    /// <summary>The number of the newest version (1, 2, 3 …).</summary>
    public int LatestVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One saved wording of a template; appended, never updated.</summary>
public sealed class LetterTemplateVersion : IAudited
{
    public Guid Id { get; set; }
    public Guid TemplateId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>Who saved it; null for the wording shipped with the system.</summary>
    public Guid? AuthorId { get; set; }

    public string? ChangeNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static partial class LetterKinds
{
    public const string Acknowledgement = "acknowledgement";
    public const string Dispatch = "dispatch";

    /// <summary>Kinds are open (an administrator may add "clock_stop", "extension" …) but shaped like codes.</summary>
    public static bool IsValid(string kind) => Code().IsMatch(kind);

    [GeneratedRegex("^[a-z][a-z0-9_]{1,39}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Code();
}
