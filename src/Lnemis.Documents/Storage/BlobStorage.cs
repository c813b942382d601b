namespace Lnemis.Documents.Storage;

/// <summary>
/// Where encrypted files live. Writes go to a pending upload that becomes visible only on
/// <see cref="IBlobUpload.CommitAsync"/> (so a failed or refused upload leaves nothing under its key);
/// reads stream. Errors reaching the backend surface as <see cref="Platform.Documents.StorageUnavailableException"/>.
/// </summary>
public interface IBlobStorage
{
    Task<IBlobUpload> BeginUploadAsync(string key, CancellationToken ct);

    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Deletes the object; no error when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);
}

/// <summary>A write in progress. Disposing it without a commit discards what was written.</summary>
public interface IBlobUpload : IAsyncDisposable
{
    Stream Content { get; }

    Task CommitAsync(CancellationToken ct);
}

/// <summary>
/// A backend that can hand out presigned URLs, so that bytes travel between the browser and the
/// bucket without passing through the web role (S3 only). What may be signed is decided by the
/// caller: quarantine keys for uploads, server-side-encrypted plain objects for downloads (ADR 0021).
/// </summary>
public interface IPresigningStorage
{
    /// <summary>True when objects are written with S3 server-side encryption (SSE-S3 or SSE-KMS).</summary>
    bool ServerSideEncrypted { get; }

    /// <summary>The SSE method objects are written with ("AES256", "aws:kms"), or null.</summary>
    string? ServerSideEncryption { get; }

    /// <summary>A URL that accepts one PUT of exactly <paramref name="size"/> bytes of <paramref name="contentType"/> to <paramref name="key"/> until <paramref name="expires"/>.</summary>
    string PresignPut(string key, string contentType, long size, DateTimeOffset expires);

    /// <summary>A URL that reads <paramref name="key"/> until <paramref name="expires"/>, answered as an attachment named <paramref name="fileName"/>.</summary>
    string PresignGet(string key, string fileName, string contentType, DateTimeOffset expires);

    /// <summary>The size of the object, or null when there is none.</summary>
    Task<long?> SizeAsync(string key, CancellationToken ct);
}
