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
