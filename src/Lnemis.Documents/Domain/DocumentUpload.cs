using Lnemis.Platform.Data;

namespace Lnemis.Documents.Domain;

/// <summary>
/// A direct-to-storage upload (ADR 0021): the client was given a presigned PUT to a quarantine key;
/// after it says the PUT is done, the worker streams the object through the document pipeline
/// (type, size, scan, encryption) into a new document (or a new version of
/// <see cref="VersionOf"/>), or rejects it. The quarantine object is
/// deleted either way and is never served.
/// </summary>
public sealed class DocumentUpload : IAudited, IScoped
{
    public Guid Id { get; set; }

    /// <summary>The sanitised name the document will get.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The size the client declared (and the PUT URL was signed for).</summary>
    public long DeclaredSize { get; set; }

    /// <summary>The content type the PUT URL was signed for; the stored type is read from the content.</summary>
    public string DeclaredContentType { get; set; } = "";

    public string Classification { get; set; } = Platform.Data.Classification.Official;
    public string OwnerRef { get; set; } = "documents";
    public string ScopePath { get; set; } = "/";
    public DateOnly? DisposeAfter { get; set; }

    /// <summary>Where the client PUTs the file; never a key the app reads documents from.</summary>
    public string QuarantineKey { get; set; } = "";

    public UploadStatus Status { get; set; }

    /// <summary>Why it was rejected (shown to the uploader).</summary>
    public string? Reason { get; set; }

    /// <summary>The document this upload becomes a new version of; null for a new document.</summary>
    public Guid? VersionOf { get; set; }

    /// <summary>The document and version it was stored as (once stored).</summary>
    public Guid? DocumentId { get; set; }
    public int? VersionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>When the presigned URL stops working.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum UploadStatus
{
    /// <summary>The URL was issued; nothing is known about the file yet.</summary>
    AwaitingUpload,

    /// <summary>The client said the PUT is done; the release job is queued.</summary>
    Quarantined,

    /// <summary>The worker is streaming it through the pipeline.</summary>
    Scanning,

    Stored,
    Rejected,

    /// <summary>Never completed in time; swept.</summary>
    Expired,
}
