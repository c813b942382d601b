using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>A case file as lists show it; a file removed on anonymisation has no name.</summary>
public sealed record CaseFileView(
    Guid Id, Guid CaseId, Guid DocumentId, string Kind, string? FileName, long Size, string ContentType, Guid? UploadedBy, DateTimeOffset UploadedAt,
    int VersionCount, bool Removed, string? RemovedNote, bool IsResponse)
{
    public const string RemovedOnAnonymisation = "removed on anonymisation";

    internal static CaseFileView From(CaseFile f, Guid? responseFileId) => new(
        f.Id, f.CaseId, f.DocumentId, KindName(f.Kind), f.FileName, f.Size, f.ContentType, f.UploadedBy, f.UploadedAt, f.VersionCount,
        f.RemovedAt is not null, f.RemovedAt is null ? null : RemovedOnAnonymisation, f.Id == responseFileId);

    internal static string KindName(CaseFileKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>What storing a case file came to: the file, or the field and reason it was refused for.</summary>
internal sealed record CaseFileOutcome(CaseFile? File, string? Field, string? Reason)
{
    public static CaseFileOutcome Refused(string field, string reason) => new(null, field, reason);
}

/// <summary>
/// Stores a case's files through the Documents module (<see cref="IDocumentStore"/>: type check,
/// virus scan, encryption) and keeps a <see cref="CaseFile"/> row beside each. The document and the
/// row are saved in one transaction: a refused file or a storage failure leaves neither. Callers
/// decide access first; letters call <see cref="AttachAsync"/> to file what they generate.
/// </summary>
internal sealed class CaseFiles(LnemisDbContext db, IDocumentStore documents, CurrentActor actor)
{
    /// <summary>The Documents module's owner of every file of a case (disposal goes by it).</summary>
    public static string OwnerRef(Guid caseId) => $"correspondence.case:{caseId}";

    /// <summary>FOI files are OFFICIAL; SAR files, and reviews and appeals of SARs, hold personal data: OFFICIAL-SENSITIVE.</summary>
    public static string ClassificationOf(CaseType type) =>
        type is CaseType.Sar or CaseType.SarInternalReview or CaseType.IcoAppealSar or CaseType.OverturnedSar
            ? Classification.OfficialSensitive
            : Classification.Official;

    public static CaseFileKind? ParseKind(string? kind) =>
        Enum.TryParse<CaseFileKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _) ? parsed : null;

    /// <summary>Stores a new file on a case (found as the system: the caller has already decided access).</summary>
    public async Task<CaseFileOutcome> AttachAsync(Guid caseId, Stream content, string fileName, CaseFileKind kind, CancellationToken ct)
    {
        var c = await db.Cases().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new InvalidOperationException($"No case {caseId}.");
        return await StoreAsync(c, null, content, fileName, kind, ct);
    }

    /// <summary>Stores a new file on <paramref name="c"/>, or a new version of <paramref name="existing"/>.</summary>
    public async Task<CaseFileOutcome> StoreAsync(Case c, CaseFile? existing, Stream content, string fileName, CaseFileKind kind, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var outcome = await documents.StoreAsync(
            new NewDocument(OwnerRef(c.Id), fileName, ClassificationOf(c.Type), c.ScopePath, DocumentId: existing?.DocumentId), content, ct);
        if (outcome.Stored is not { } stored)
        {
            // Nothing was stored; keep what the store audited about the refusal (malware).
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return CaseFileOutcome.Refused(outcome.Field!, outcome.Reason!);
        }

        var file = existing ?? new CaseFile { Id = Guid.CreateVersion7(), CaseId = c.Id, DocumentId = stored.DocumentId, Kind = kind, ScopePath = c.ScopePath };
        file.FileName = stored.FileName;
        file.Size = stored.Size;
        file.ContentType = stored.ContentType;
        file.UploadedBy = actor.UserId;
        file.UploadedAt = stored.CreatedAt;
        file.VersionCount = stored.Number;
        if (existing is null)
        {
            db.CaseFiles().Add(file);
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new CaseFileOutcome(file, null, null);
    }

    /// <summary>
    /// Retention: disposes of every document of the case (all versions and their keys) and, for
    /// anonymisation, keeps the rows with no name as "removed"; for disposal deletes them. Returns how many files there were.
    /// </summary>
    public static async Task<int> RemoveAllAsync(LnemisDbContext db, IDocumentStore documents, Guid caseId, bool keepRows, DateTimeOffset now, CancellationToken ct)
    {
        // The Documents module audits each disposal itself (counts, no names); the usual before-values
        // of the deleted rows would copy file names, which may be personal data, into the log.
        var suppressed = db.RowAuditSuppressed;
        db.RowAuditSuppressed = true;
        try
        {
            await documents.DisposeOwnerAsync(OwnerRef(caseId), ct);
        }
        finally
        {
            db.RowAuditSuppressed = suppressed;
        }

        var rows = db.CaseFiles().IgnoreQueryFilters().Where(f => f.CaseId == caseId);
        if (!keepRows)
        {
            return await rows.ExecuteDeleteAsync(ct);
        }

        var files = await rows.ToListAsync(ct);
        foreach (var file in files.Where(f => f.RemovedAt is null))
        {
            file.FileName = null;
            file.RemovedAt = now;
        }

        return files.Count;
    }

    /// <summary>
    /// The case when the caller may see it (its scope, not deleted), and whether they may act on it
    /// now: they play a role on it and the workflow lets one of their roles fire an event.
    /// </summary>
    public static async Task<(Case? Case, bool MayAct)> FindAsync(LnemisDbContext db, CurrentActor actor, Guid caseId, CaseClock caseClock, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (null, false);
        }

        var caller = await CaseCaller.ForAsync(db, actor, c, ct);
        if (caller.Roles.Count == 0)
        {
            return (c, false);
        }

        var facts = await CaseFacts.LoadAsync(db, c, caseClock, CaseDetails.Today(clock), ct);
        var snapshot = facts.Snapshot(caller);
        var definition = WorkflowDefinitions.For(c.Type);
        return (c, caller.Roles.Any(r => Workflow.AllowedEvents(definition, snapshot, r.Role).Count > 0));
    }
}
