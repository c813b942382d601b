using Lnemis.Platform.Data;

namespace Lnemis.Documents.Domain;

/// <summary>
/// A file kept for a record of some module (its owner), with a classification that decides who may
/// read it and the date after which it is disposed of. The content lives in its versions.
/// </summary>
public sealed class Document : IAudited, IVersioned, IScoped
{
    public Guid Id { get; set; }

    /// <summary>The record the document belongs to, "module.kind:id" (e.g. "correspondence.case:…"), or "documents" for a free-standing upload.</summary>
    public string OwnerRef { get; set; } = "";

    /// <summary>The latest version's (sanitised) file name.</summary>
    public string FileName { get; set; } = "";

    /// <summary>OFFICIAL or OFFICIAL-SENSITIVE (<see cref="Platform.Data.Classification"/>).</summary>
    public string Classification { get; set; } = Platform.Data.Classification.Official;

    public string ScopePath { get; set; } = "/";

    public int LatestVersion { get; set; }

    /// <summary>Retention: the document and all its versions are disposed of after this day.</summary>
    public DateOnly? DisposeAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One stored file: encrypted under its own data key, which is kept here wrapped by a master key.
/// Deleting the row deletes the key, so the ciphertext left anywhere can no longer be read.
/// </summary>
public sealed class DocumentVersion : IAudited, IScoped
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";

    /// <summary>Plain size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the plain content, hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where the ciphertext is in the storage backend.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>
    /// Null: the content is envelope-encrypted by the app (the usual case). "AES256" or "aws:kms": an
    /// OFFICIAL version stored plain under S3 server-side encryption, so that it can be downloaded
    /// with a presigned URL (ADR 0021); it has no data key and key rotation skips it.
    /// </summary>
    public string? ServerSideEncryption { get; set; }

    /// <summary>Id of the master key that wrapped <see cref="WrappedKey"/> (empty for server-side encrypted versions).</summary>
    public string KeyId { get; set; } = "";

    [NotAudited]
    public byte[] WrappedKey { get; set; } = [];

    public ScanStatus ScanStatus { get; set; }
    public string ScopePath { get; set; } = "/";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}

/// <summary>
/// Infected files are never stored, so a stored version is either scanned clean or was stored while
/// no scanner was configured.
/// </summary>
public enum ScanStatus
{
    NotScanned,
    Clean,
}
