using Lnemis.Documents.Domain;
using Lnemis.Documents.Storage;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents;

/// <summary>
/// The rules for presigned S3 URLs (ADR 0021): uploads go only to quarantine keys; downloads only
/// for OFFICIAL versions stored with S3 server-side encryption, never for app ciphertext and never
/// for OFFICIAL-SENSITIVE documents. Every URL expires after a few minutes.
/// </summary>
internal sealed class DirectTransfer(IBlobStorage storage, IOptions<DocumentsOptions> options, TimeProvider clock)
{
    private IPresigningStorage? Presigning => storage as IPresigningStorage;

    public bool UploadsEnabled => options.Value.DirectUploads.Enabled && Presigning is not null;

    /// <summary>The SSE method a new version of this classification is stored with instead of app encryption, or null (app envelope encryption).</summary>
    public string? StoresWithServerSideEncryption(string classification) =>
        options.Value.DirectDownloads.Enabled && classification == Classification.Official && Presigning is { ServerSideEncrypted: true } s3
            ? s3.ServerSideEncryption
            : null;

    /// <summary>A presigned GET for the version, or null when it must stream through the app.</summary>
    public DownloadLink? PresignDownload(Document document, DocumentVersion version)
    {
        if (!options.Value.DirectDownloads.Enabled || Presigning is not { } s3
            || version.ServerSideEncryption is null || document.Classification != Classification.Official)
        {
            return null;
        }

        var expires = Expiry(options.Value.DirectDownloads.UrlMinutes);
        return new DownloadLink(s3.PresignGet(version.StorageKey, version.FileName, version.ContentType, expires), expires);
    }

    /// <summary>A presigned PUT of exactly <paramref name="size"/> bytes to a quarantine key.</summary>
    public (string Url, DateTimeOffset ExpiresAt) PresignUpload(string quarantineKey, string contentType, long size)
    {
        var s3 = Presigning ?? throw new InvalidOperationException("Direct uploads need the S3 backend.");
        var expires = Expiry(options.Value.DirectUploads.UrlMinutes);
        return (s3.PresignPut(quarantineKey, contentType, size, expires), expires);
    }

    public Task<long?> SizeAsync(string key, CancellationToken ct) =>
        (Presigning ?? throw new InvalidOperationException("Direct uploads need the S3 backend.")).SizeAsync(key, ct);

    private DateTimeOffset Expiry(int minutes) =>
        DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().AddMinutes(minutes).ToUnixTimeSeconds());
}
