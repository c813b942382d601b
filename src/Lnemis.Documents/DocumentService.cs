using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text.Json;
using Lnemis.Documents.Data;
using Lnemis.Documents.Domain;
using Lnemis.Documents.Encryption;
using Lnemis.Documents.Safety;
using Lnemis.Documents.Storage;
using Lnemis.Platform.Access;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents;

/// <summary>
/// The document pipeline: an upload is read once, in chunks; each chunk is hashed, sent to the
/// virus scanner and encrypted into a pending object in storage. Only a clean file of an allowed
/// type is committed to storage and then recorded (its data key wrapped in the row); anything else
/// is discarded and leaves no trace but an audit entry when it was malware.
/// </summary>
internal sealed class DocumentService(
    LnemisDbContext db,
    IBlobStorage storage,
    DirectTransfer direct,
    IKeyWrapper keys,
    IVirusScanner scanner,
    DownloadLinks links,
    AuditLog audit,
    CurrentActor actor,
    TimeProvider clock,
    IOptions<DocumentsOptions> options,
    ILogger<DocumentService> logger) : IDocumentStore
{
    private const int ChunkBytes = 64 * 1024;

    public Task<StoreOutcome> StoreAsync(NewDocument request, Stream content, CancellationToken ct) =>
        StoreAsync(request, content, actor.UserId, null, ct);

    /// <summary>
    /// The pipeline, for callers that act for someone else (<paramref name="createdBy"/>: the worker
    /// releasing a direct upload) or must record more in the same transaction as the new version
    /// (<paramref name="beforeSave"/>, run just before the commit).
    /// </summary>
    internal async Task<StoreOutcome> StoreAsync(NewDocument request, Stream content, Guid? createdBy, Action<DocumentVersion>? beforeSave, CancellationToken ct)
    {
        var fileName = FileNames.Sanitise(request.FileName);
        if (fileName is null)
        {
            return StoreOutcome.Rejected("fileName", "Give the file a name.");
        }

        if (request.Classification is not (Classification.Official or Classification.OfficialSensitive))
        {
            return StoreOutcome.Rejected("classification", $"Use {Classification.Official} or {Classification.OfficialSensitive}.");
        }

        Document? document = null;
        if (request.DocumentId is { } existingId)
        {
            document = await db.Documents().FirstOrDefaultAsync(d => d.Id == existingId, ct);
            if (document is null)
            {
                return StoreOutcome.Rejected("documentId", "No such document.");
            }
        }

        var head = new byte[FileTypes.HeaderBytes];
        var headLength = await FillAsync(content, head, ct);
        if (headLength == 0)
        {
            return StoreOutcome.Rejected("file", "The file is empty.");
        }

        var type = FileTypes.Detect(head.AsSpan(0, headLength), fileName);
        var allowed = options.Value.AllowedTypes;
        if (type is null || !allowed.Contains(type.Name, StringComparer.OrdinalIgnoreCase))
        {
            return StoreOutcome.Rejected("file", $"{(type is null ? "This kind of file" : "The file is " + type.Description + "; that")} is not accepted. Accepted: {string.Join(", ", allowed)}.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension.Length == 0)
        {
            fileName += type.Extensions[0];
        }
        else if (!type.Extensions.Contains(extension))
        {
            return StoreOutcome.Rejected("fileName", $"The file is {type.Description} but its name ends in '{extension}'.");
        }

        var documentId = document?.Id ?? Guid.CreateVersion7();
        var versionId = Guid.CreateVersion7();
        var storageKey = $"documents/{documentId:N}/{versionId:N}";
        // OFFICIAL files may be left to S3's server-side encryption so that they can be downloaded with a presigned URL (ADR 0021).
        var serverSideEncryption = direct.StoresWithServerSideEncryption(request.Classification);
        var dataKey = serverSideEncryption is null ? ChunkedEncryption.NewDataKey() : [];
        try
        {
            long size;
            string sha256;
            ScanVerdict verdict;
            await using (var scan = await scanner.BeginAsync(ct))
            await using (var upload = await storage.BeginUploadAsync(storageKey, ct))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await using var encrypted = serverSideEncryption is null ? new EncryptingStream(upload.Content, dataKey) : null;
                var sink = encrypted ?? upload.Content;
                size = headLength;
                await PassAsync(head.AsMemory(0, headLength));
                var buffer = new byte[ChunkBytes];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > options.Value.MaxFileBytes)
                    {
                        return StoreOutcome.Rejected("file", $"The file is larger than {options.Value.MaxFileBytes / (1024 * 1024.0):0.#} MB.");
                    }

                    await PassAsync(buffer.AsMemory(0, n));
                }

                if (encrypted is not null)
                {
                    await encrypted.FinishAsync(ct);
                }

                verdict = await scan.FinishAsync(ct);
                if (verdict.Infected)
                {
                    // Disposing the upload uncommitted discards it: the file never reaches storage.
                    await audit.RecordAsync("reject", nameof(Document), documentId.ToString(),
                        JsonSerializer.Serialize(new { fileName, reason = "malware", signature = verdict.Signature, ownerRef = request.OwnerRef }), ct);
                    return StoreOutcome.Rejected("file", $"The file contains malware ({verdict.Signature}) and was refused.");
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                await upload.CommitAsync(ct);

                async Task PassAsync(ReadOnlyMemory<byte> chunk)
                {
                    hash.AppendData(chunk.Span);
                    await scan.WriteAsync(chunk, ct);
                    await sink.WriteAsync(chunk, ct);
                }
            }

            var wrapped = serverSideEncryption is null ? await keys.WrapAsync(keys.ActiveKeyId, dataKey, ct) : [];
            var now = clock.GetUtcNow();
            if (document is null)
            {
                document = new Document
                {
                    Id = documentId,
                    OwnerRef = request.OwnerRef,
                    Classification = request.Classification,
                    ScopePath = request.ScopePath,
                    DisposeAfter = request.DisposeAfter,
                    CreatedAt = now,
                    CreatedBy = createdBy,
                };
                db.Documents().Add(document);
            }

            document.LatestVersion++;
            document.FileName = fileName;
            var version = new DocumentVersion
            {
                Id = versionId,
                DocumentId = documentId,
                Number = document.LatestVersion,
                FileName = fileName,
                ContentType = type.ContentType,
                Size = size,
                Sha256 = sha256,
                StorageKey = storageKey,
                KeyId = serverSideEncryption is null ? keys.ActiveKeyId : "",
                WrappedKey = wrapped,
                ServerSideEncryption = serverSideEncryption,
                ScanStatus = verdict.Scanned ? ScanStatus.Clean : ScanStatus.NotScanned,
                ScopePath = document.ScopePath,
                CreatedAt = now,
                CreatedBy = createdBy,
            };
            db.DocumentVersions().Add(version);
            beforeSave?.Invoke(version);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                // The row did not commit: remove the object so no unreferenced file stays behind.
                await DeleteQuietlyAsync(storageKey);
                throw;
            }

            return StoreOutcome.Success(Info(version));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public async Task<IReadOnlyList<DocumentVersionInfo>> ListVersionsAsync(Guid documentId, CancellationToken ct)
    {
        var document = await FindDocumentAsync(documentId, ct);
        return document is null ? [] : await VersionsOfAsync(documentId, ct);
    }

    public async Task<DownloadLink?> IssueDownloadLinkAsync(Guid documentId, int? version, CancellationToken ct) =>
        (await IssueLinkAsync(documentId, version, ct))?.Link;

    /// <summary>
    /// A link to a version the caller may read: a presigned S3 GET for an OFFICIAL version stored with
    /// server-side encryption (audited: the app will not see the download), else the app's own signed link.
    /// </summary>
    internal async Task<(DownloadLink Link, bool Direct)?> IssueLinkAsync(Guid documentId, int? version, CancellationToken ct)
    {
        var found = await FindVersionAsync(documentId, version, ct);
        if (found is not { } f)
        {
            return null;
        }

        if (direct.PresignDownload(f.Document, f.Version) is { } presigned)
        {
            await audit.RecordAsync("download-link", nameof(Document), f.Document.Id.ToString(),
                JsonSerializer.Serialize(new { classification = f.Document.Classification, version = f.Version.Number, via = "s3-presigned", expiresAt = presigned.ExpiresAt }), ct);
            return (presigned, true);
        }

        var (url, expires) = links.Issue(f.Version.Id, actor.UserId);
        return (new DownloadLink(url, expires), false);
    }

    /// <summary>Always the app's own link (never presigned S3): the app sets the headers that make showing it inline safe.</summary>
    public async Task<PreviewOutcome?> IssuePreviewLinkAsync(Guid documentId, int? version, CancellationToken ct)
    {
        var found = await FindVersionAsync(documentId, version, ct);
        if (found is not { } f)
        {
            return null;
        }

        if (!InlinePreview.Supports(f.Version.ContentType))
        {
            return PreviewOutcome.Refused(
                $"Files of type {InlinePreview.MediaType(f.Version.ContentType)} are not shown in the browser (only PDF, PNG, JPEG and plain text); download it instead.");
        }

        var (url, expires) = links.Issue(f.Version.Id, actor.UserId, DownloadLinks.PreviewPath);
        return PreviewOutcome.Issued(new PreviewLink(url, expires, f.Version.ContentType));
    }

    public Task<int> DisposeOwnerAsync(string ownerRef, CancellationToken ct) =>
        DisposeAsync(db.Documents().Where(d => d.OwnerRef == ownerRef), "owner disposal", ct);

    internal async Task<IReadOnlyList<DocumentVersionInfo>> VersionsOfAsync(Guid documentId, CancellationToken ct) =>
        (await db.DocumentVersions().AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number).ToListAsync(ct))
            .Select(Info).ToList();

    internal Task<Document?> FindDocumentAsync(Guid documentId, CancellationToken ct) =>
        Readable(db.Documents().AsNoTracking()).FirstOrDefaultAsync(d => d.Id == documentId, ct);

    /// <summary>A version the caller may read (scope and classification), with its document; the latest when <paramref name="number"/> is null.</summary>
    internal async Task<(Document Document, DocumentVersion Version)?> FindVersionAsync(Guid documentId, int? number, CancellationToken ct)
    {
        var document = await FindDocumentAsync(documentId, ct);
        if (document is null)
        {
            return null;
        }

        var wanted = number ?? document.LatestVersion;
        var version = await db.DocumentVersions().AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == wanted, ct);
        return version is null ? null : (document, version);
    }

    /// <summary>The plain content of a version, authenticated chunk by chunk; the first chunk is checked before this returns.</summary>
    internal async Task<Stream> OpenAsync(DocumentVersion version, CancellationToken ct)
    {
        if (version.ServerSideEncryption is not null)
        {
            // S3 decrypts server-side encrypted objects as it serves them.
            return await storage.OpenReadAsync(version.StorageKey, ct);
        }

        var dataKey = await keys.UnwrapAsync(version.KeyId, version.WrappedKey, ct);
        var source = await storage.OpenReadAsync(version.StorageKey, ct);
        try
        {
            return await DecryptingStream.OpenAsync(source, dataKey, ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Deletes the documents, all their versions and so their wrapped keys in one transaction (audited),
    /// then the stored objects. An object that cannot be deleted now is unreadable without its key,
    /// and is logged for the operator.
    /// </summary>
    internal async Task<int> DisposeAsync(IQueryable<Document> which, string reason, CancellationToken ct)
    {
        var documents = await which.ToListAsync(ct);
        if (documents.Count == 0)
        {
            return 0;
        }

        var ids = documents.Select(d => d.Id).ToList();
        var versions = await db.DocumentVersions().Where(v => ids.Contains(v.DocumentId)).ToListAsync(ct);
        db.DocumentVersions().RemoveRange(versions);
        db.Documents().RemoveRange(documents);
        foreach (var document in documents)
        {
            db.AddAudit(new PendingAudit("dispose", nameof(Document), document.Id.ToString(),
                JsonSerializer.Serialize(new { reason, versions = versions.Count(v => v.DocumentId == document.Id) })));
        }

        await db.SaveChangesAsync(ct);
        foreach (var version in versions)
        {
            await DeleteQuietlyAsync(version.StorageKey);
        }

        return documents.Count;
    }

    /// <summary>Documents the caller may read: OFFICIAL-SENSITIVE ones only under paths where the caller holds documents.read-sensitive.</summary>
    internal IQueryable<Document> Readable(IQueryable<Document> query)
    {
        var access = actor.Access;
        if (access.IsUnrestricted(DocumentsPermissions.ReadSensitive))
        {
            return query;
        }

        var paths = access.PathsFor(DocumentsPermissions.ReadSensitive);
        var document = Expression.Parameter(typeof(Document), "d");
        Expression allowed = Expression.Equal(Expression.Property(document, nameof(Document.Classification)), Expression.Constant(Classification.Official));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var path in paths)
        {
            allowed = Expression.OrElse(allowed, Expression.Call(Expression.Property(document, nameof(Document.ScopePath)), startsWith, Expression.Constant(path)));
        }

        return query.Where(Expression.Lambda<Func<Document, bool>>(allowed, document));
    }

    internal static DocumentVersionInfo Info(DocumentVersion v) =>
        new(v.DocumentId, v.Id, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.ScanStatus.ToString(), v.CreatedAt);

    internal async Task DeleteQuietlyAsync(string storageKey)
    {
        try
        {
            await storage.DeleteAsync(storageKey, CancellationToken.None);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogError(ex, "Stored object {Key} could not be deleted; its key is gone, delete it by hand", storageKey);
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await source.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += n;
        }

        return total;
    }
}

public static class DocumentsPermissions
{
    public const string Read = "documents.read";
    public const string ReadSensitive = "documents.read-sensitive";
    public const string Manage = "documents.manage";
}
