using Lnemis.Documents.Data;
using Lnemis.Documents.Domain;
using Lnemis.Documents.Storage;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents.Features.Uploads;

public sealed record ReleaseUploadMessage(Guid UploadId);

/// <summary>
/// The worker's half of a direct upload: streams the quarantine object through the document
/// pipeline (size, type by content, clamd, envelope encryption) into a new document or a new version
/// of one (a document disposed meanwhile rejects it) — the upload
/// marked stored in the same transaction as the version — or marks it rejected with the reason;
/// then deletes the quarantine object. S3 or clamd down throws, and the job retries with backoff.
/// </summary>
internal sealed class ReleaseUpload(LnemisDbContext db, DocumentService documents, DirectTransfer direct, IBlobStorage storage, TimeProvider clock)
    : IJobHandler<ReleaseUploadMessage>
{
    public async Task HandleAsync(ReleaseUploadMessage message, JobContext context, CancellationToken ct)
    {
        var upload = await db.DocumentUploads().FirstOrDefaultAsync(u => u.Id == message.UploadId, ct);
        if (upload is null || upload.Status is not (UploadStatus.Quarantined or UploadStatus.Scanning))
        {
            return; // a repeat of a job that finished
        }

        if (upload.Status == UploadStatus.Quarantined)
        {
            upload.Status = UploadStatus.Scanning;
            await db.SaveChangesAsync(ct);
        }

        var outcome = await ReleaseAsync(upload, ct);
        if (!outcome.Ok)
        {
            upload.Status = UploadStatus.Rejected;
            upload.Reason = outcome.Reason;
            upload.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        await documents.DeleteQuietlyAsync(upload.QuarantineKey);
    }

    private async Task<StoreOutcome> ReleaseAsync(DocumentUpload upload, CancellationToken ct)
    {
        var size = await direct.SizeAsync(upload.QuarantineKey, ct);
        if (size is null)
        {
            return StoreOutcome.Rejected("file", "The uploaded file is no longer in quarantine.");
        }

        if (size != upload.DeclaredSize)
        {
            return StoreOutcome.Rejected("file", $"The file has {size} bytes, not the {upload.DeclaredSize} declared.");
        }

        await using var content = await storage.OpenReadAsync(upload.QuarantineKey, ct);
        return await documents.StoreAsync(
            new NewDocument(upload.OwnerRef, upload.FileName, upload.Classification, upload.ScopePath, upload.DisposeAfter, upload.VersionOf),
            content,
            upload.CreatedBy,
            version =>
            {
                upload.Status = UploadStatus.Stored;
                upload.DocumentId = version.DocumentId;
                upload.VersionNumber = version.Number;
                upload.FinishedAt = clock.GetUtcNow();
            },
            ct);
    }
}

/// <summary>
/// Uploads whose URL was issued but that were never completed within DirectUploads:AbandonAfterMinutes
/// are marked expired (audited) and whatever reached quarantine is deleted. The bucket's lifecycle
/// rule on the quarantine prefix is the backstop (runbook).
/// </summary>
internal sealed class SweepUploads(TimeProvider clock) : IRecurringTask
{
    private const int Batch = 100;

    public string Name => "documents-upload-sweep";
    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct) => await SweepAsync(services, clock.GetUtcNow(), ct);

    /// <summary>Sweeps uploads abandoned as of <paramref name="now"/>; returns how many.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var documents = services.GetRequiredService<DocumentService>();
        var minutes = services.GetRequiredService<IOptions<DocumentsOptions>>().Value.DirectUploads.AbandonAfterMinutes;
        var cutoff = now.AddMinutes(-minutes);
        var total = 0;
        while (true)
        {
            var abandoned = await db.DocumentUploads().IgnoreQueryFilters()
                .Where(u => u.Status == UploadStatus.AwaitingUpload && u.CreatedAt < cutoff)
                .OrderBy(u => u.CreatedAt).Take(Batch).ToListAsync(ct);
            if (abandoned.Count == 0)
            {
                return total;
            }

            foreach (var upload in abandoned)
            {
                upload.Status = UploadStatus.Expired;
                upload.Reason = $"Not completed within {minutes} minutes.";
                upload.FinishedAt = now;
            }

            await db.SaveChangesAsync(ct);
            foreach (var upload in abandoned)
            {
                await documents.DeleteQuietlyAsync(upload.QuarantineKey);
            }

            db.ChangeTracker.Clear();
            total += abandoned.Count;
        }
    }
}
