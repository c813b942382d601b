using System.Text.Json;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Files;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>A case's retention record as the API shows it (also the tombstone of a disposed case).</summary>
public sealed record CaseRetentionView(
    Guid CaseId, string Number, string Type, DateOnly? ClosedOn, DateOnly? DueOn, RetentionAction? Action, bool Due, bool OnHold, string? HoldReason,
    DateTimeOffset? AnonymisedAt, DateTimeOffset? DisposedAt, long Version)
{
    public static CaseRetentionView From(CaseRetention r) =>
        new(r.Id, r.Number, r.Type.Code(), r.ClosedOn, r.DueOn, r.Action, r.AwaitsDecision, r.OnHold, r.HoldReason, r.AnonymisedAt, r.DisposedAt, r.Version);
}

/// <summary>
/// What anonymisation, disposal and the review share: the rule in force for a type, a case's
/// retention record, and the two irreversible actions, each one transaction with its audit entry.
/// </summary>
internal static class CaseRetentionWork
{
    public const string Anonymised = "[anonymised]";

    /// <summary>The case fields anonymisation overwrites (named in its audit entry; their values never are).</summary>
    public static IReadOnlyList<string> PersonalFields { get; } =
        [nameof(Case.Subject), nameof(Case.RequesterName), nameof(Case.RequesterEmail), nameof(Case.ResponseFileName), nameof(Case.DeletedReason)];

    /// <summary>The time of a decision as the database keeps it (microseconds), so a repeat answers the same instant.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => AuditChain.Normalise(clock.GetUtcNow());

    public static async Task<RetentionRule> RuleAsync(LnemisDbContext db, CaseType type, CancellationToken ct) =>
        await db.RetentionRules().AsNoTracking().FirstOrDefaultAsync(r => r.Type == type, ct) ?? RetentionRules.Default(type);

    /// <summary>The day the retention clock starts: closure, or the deletion of a case deleted with a reason.</summary>
    public static DateOnly? StartOf(Case c) => c.ClosedOn ?? (c.DeletedAt is { } deleted ? DateOnly.FromDateTime(deleted.UtcDateTime) : null);

    /// <summary>A case that is finished with (closed or deleted), so retention may act on it.</summary>
    public static bool IsFinished(Case c) => c.State == WorkflowDefinitions.Closed || c.DeletedAt is not null;

    /// <summary>Finds a case the caller may see, deleted ones included (they are retained too).</summary>
    public static Task<Case?> FindCaseAsync(LnemisDbContext db, Guid id, CancellationToken ct) =>
        db.Cases().IgnoreQueryFilters([LnemisDbContext.SoftDeleteFilter]).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The case's stored record, or a new one (added to the context) holding its dates under the rule.</summary>
    public static async Task<CaseRetention> RecordForAsync(LnemisDbContext db, Case c, CancellationToken ct)
    {
        var record = db.CaseRetentions().Local.FirstOrDefault(r => r.Id == c.Id)
            ?? await db.CaseRetentions().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == c.Id, ct);
        if (record is not null)
        {
            return record;
        }

        record = await PreviewAsync(db, c, ct);
        db.CaseRetentions().Add(record);
        return record;
    }

    /// <summary>The record a case would have now (not stored): its start date and due date under the rule.</summary>
    public static async Task<CaseRetention> PreviewAsync(LnemisDbContext db, Case c, CancellationToken ct) =>
        Preview(c, await RuleAsync(db, c.Type, ct));

    /// <summary>The record a case would have now under <paramref name="rule"/> (its type's rule in force).</summary>
    public static CaseRetention Preview(Case c, RetentionRule rule)
    {
        var start = StartOf(c);
        return new CaseRetention
        {
            Id = c.Id,
            Number = c.Number,
            Type = c.Type,
            ScopePath = c.ScopePath,
            ClosedOn = start,
            DueOn = start is { } s ? rule.DueOn(s) : null,
            Action = rule.Action,
        };
    }

    public static void MarkDue(CaseRetention record, Case c, RetentionRule rule, DateTimeOffset now)
    {
        var start = StartOf(c)!.Value;
        record.ClosedOn = start;
        record.DueOn = rule.DueOn(start);
        record.Action = rule.Action;
        record.MarkedDueAt ??= now;
    }

    /// <summary>
    /// Overwrites the requester's personal data and all message text of the case and its history,
    /// appends an "anonymise" entry (observers keep the read model and any index in step) and
    /// audits which fields changed — never their old values, which the usual before/after audit
    /// of the case would copy into the log. Saves; the caller owns the transaction.
    /// </summary>
    /// <summary>The history entry anonymisation appends (observers such as the search index start again from it).</summary>
    public const string AnonymiseEvent = "anonymise";

    public static async Task AnonymiseAsync(LnemisDbContext db, CaseObservers observers, IDocumentStore documents, Case c, CaseRetention record, Guid? actorId, DateTimeOffset now, CancellationToken ct)
    {
        // Files are overwritten too: their documents are disposed of (every version and key); the rows stay, nameless, as "removed".
        var files = await CaseFiles.RemoveAllAsync(db, documents, c.Id, keepRows: true, now, ct);
        c.Subject = Anonymised;
        c.RequesterName = Anonymised;
        c.RequesterEmail = null;
        c.ResponseFileName = null;
        c.DeletedReason = c.DeletedReason is null ? null : Anonymised;
        c.LastEventAt = now;

        var history = await db.CaseTransitions().Where(t => t.CaseId == c.Id).OrderBy(t => t.Sequence).ToListAsync(ct);
        var cleared = 0;
        foreach (var entry in history)
        {
            if (entry.Message is not null || entry.DeadlineChange?.Reason is not null || entry.FileName is not null)
            {
                entry.Message = null;
                entry.FileName = null;
                entry.DeadlineChange = entry.DeadlineChange is null ? null : entry.DeadlineChange with { Reason = null };
                cleared++;
            }
        }

        var anonymise = new CaseTransition
        {
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            Sequence = history.Count == 0 ? 1 : history[^1].Sequence + 1,
            Event = AnonymiseEvent,
            FromState = c.State,
            ToState = c.State,
            ActorId = actorId,
            DeadlineBefore = c.FinalDeadline,
            DeadlineAfter = c.FinalDeadline,
            At = now,
        };
        db.CaseTransitions().Add(anonymise);
        await observers.AppendedAsync(db, c, anonymise, ct);
        record.AnonymisedAt = now;
        record.DecidedBy = actorId;

        db.AddAudit(new PendingAudit("anonymise", nameof(Case), c.Id.ToString(), JsonSerializer.Serialize(new
        {
            number = c.Number,
            fields = PersonalFields,
            historyEntriesCleared = cleared,
            filesRemoved = files,
            retention = new { record.DueOn, record.Action, record.AnonymisedAt },
        })));
        db.RowAuditSuppressed = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.RowAuditSuppressed = false;
        }
    }

    /// <summary>
    /// Deletes the case, its whole history and its files (documents included) for good; the retention record stays as the
    /// tombstone (number, type, dates, who decided) and the read-model row keeps the figures.
    /// Saves; the caller owns the transaction, so the deletes and the tombstone commit together.
    /// </summary>
    public static async Task DisposeAsync(LnemisDbContext db, IDocumentStore documents, Case c, CaseRetention record, string? reason, Guid? actorId, DateTimeOffset now, CancellationToken ct)
    {
        // Secure disposal of the files first (every version's object and wrapped key), then their rows with the case.
        var files = await CaseFiles.RemoveAllAsync(db, documents, c.Id, keepRows: false, now, ct);
        var entries = await db.CaseTransitions().Where(t => t.CaseId == c.Id).ExecuteDeleteAsync(ct);
        await db.Set<CaseSearchDocument>().Where(d => d.CaseId == c.Id).ExecuteDeleteAsync(ct);
        await db.CaseDeadlineReminders().Where(r => r.CaseId == c.Id).ExecuteDeleteAsync(ct);
        db.Entry(c).State = EntityState.Detached;
        await db.Cases().IgnoreQueryFilters().Where(x => x.Id == c.Id).ExecuteDeleteAsync(ct);
        record.DisposedAt = now;
        record.DisposalReason = reason;
        record.DecidedBy = actorId;
        db.AddAudit(new PendingAudit("dispose", nameof(Case), c.Id.ToString(), JsonSerializer.Serialize(new
        {
            number = c.Number,
            type = c.Type.Code(),
            closedOn = record.ClosedOn,
            historyEntriesDeleted = entries,
            filesDisposed = files,
            reason,
        })));
        await db.SaveChangesAsync(ct);
    }
}
