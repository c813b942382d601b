using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>What a file is on a case: a response document, correspondence received or sent, or a generated letter.</summary>
public enum CaseFileKind
{
    Response,
    Correspondence,
    Letter,
}

/// <summary>
/// A file of a case, held by the Documents module (<see cref="DocumentId"/>, owner
/// "correspondence.case:{case id}"): the row keeps what lists show without asking the store.
/// Anonymisation disposes of the document and keeps the row as "removed on anonymisation" with no
/// name; disposal deletes the rows with the case.
/// </summary>
public sealed class CaseFile : IAudited, IScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid DocumentId { get; set; }
    public CaseFileKind Kind { get; set; }

    /// <summary>The latest version's (sanitised) name; null once removed on anonymisation (a name may be personal data).</summary>
    public string? FileName { get; set; }

    public long Size { get; set; }
    public string ContentType { get; set; } = "";

    /// <summary>Who uploaded the latest version, and when.</summary>
    public Guid? UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
    public int VersionCount { get; set; }

    /// <summary>When anonymisation removed the file's content (the row stays so the case still shows a file was there).</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    public required string ScopePath { get; set; }
}
