using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>
/// Every six hours in the worker: marks finished cases whose retention period is over as due for
/// review (they appear on the review list). It acts on them itself only where the type's rule is
/// automatic — anonymising, or disposing of cases not on legal hold; otherwise a person decides.
/// Safe to run concurrently or again: a marked case is not marked twice, each action checks the
/// record first and runs in its own transaction.
/// </summary>
internal sealed class RetentionReview(TimeProvider clock, ILogger<RetentionReview> logger) : IRecurringTask
{
    private const int BatchSize = 500;

    public sealed record Outcome(int Marked, int Anonymised, int Disposed);

    public string Name => "correspondence-retention-review";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await ReviewAsync(services.GetRequiredService<LnemisDbContext>(), services.GetRequiredService<CaseObservers>(), services.GetRequiredService<IDocumentStore>(), clock, ct);
        if (outcome.Marked > 0)
        {
            logger.LogInformation("Retention review: {Marked} cases due, {Anonymised} anonymised and {Disposed} disposed of automatically", outcome.Marked, outcome.Anonymised, outcome.Disposed);
        }
    }

    public static async Task<Outcome> ReviewAsync(LnemisDbContext db, CaseObservers observers, IDocumentStore documents, TimeProvider clock, CancellationToken ct)
    {
        var today = CaseDetails.Today(clock);
        int marked = 0, anonymised = 0, disposed = 0;
        foreach (var type in CaseTypes.All)
        {
            var rule = await CaseRetentionWork.RuleAsync(db, type, ct);
            var closedBy = today.AddYears(-rule.KeepYears);
            var deletedBefore = new DateTimeOffset(closedBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // Keyset pages by case number: each batch starts where the last ended. Excluding the cases already
            // marked with NOT IN over the whole retention table instead made every batch slower than the last
            // (past 200,000 marked at 1,000,000 cases a batch took over 30 s and the task failed).
            var after = "";
            while (true)
            {
                var from = after;
                var batch = await db.Cases().IgnoreQueryFilters()
                    .Where(c => c.Type == type && string.Compare(c.Number, from) > 0
                        && ((c.ClosedOn != null && c.ClosedOn <= closedBy) || (c.ClosedOn == null && c.DeletedAt != null && c.DeletedAt < deletedBefore))
                        && !db.CaseRetentions().IgnoreQueryFilters().Any(r => r.Id == c.Id && r.MarkedDueAt != null))
                    .OrderBy(c => c.Number)
                    .Take(BatchSize)
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Number;

                // The batch's stored records in one read (a first review of a large archive marks hundreds of
                // thousands of cases: one read per case kept a core busy for minutes).
                var now = CaseRetentionWork.Now(clock);
                var ids = batch.Select(c => c.Id).ToList();
                var records = await db.CaseRetentions().IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
                foreach (var c in batch)
                {
                    if (!records.TryGetValue(c.Id, out var record))
                    {
                        record = CaseRetentionWork.Preview(c, rule);
                        db.CaseRetentions().Add(record);
                    }

                    CaseRetentionWork.MarkDue(record, c, rule, now);
                }

                await db.SaveChangesAsync(ct);
                marked += batch.Count;
                if (rule.Automatic)
                {
                    foreach (var c in batch)
                    {
                        var acted = await ActAsync(db, observers, documents, c, rule.Action, CaseRetentionWork.Now(clock), ct);
                        anonymised += acted == RetentionAction.Anonymise ? 1 : 0;
                        disposed += acted == RetentionAction.Destroy ? 1 : 0;
                    }
                }

                db.ChangeTracker.Clear();
            }
        }

        return new Outcome(marked, anonymised, disposed);
    }

    /// <summary>Applies an automatic rule to one case in its own transaction; null when there was nothing to do (held, already done).</summary>
    private static async Task<RetentionAction?> ActAsync(LnemisDbContext db, CaseObservers observers, IDocumentStore documents, Case c, RetentionAction action, DateTimeOffset now, CancellationToken ct)
    {
        var record = await CaseRetentionWork.RecordForAsync(db, c, ct);
        if (action == RetentionAction.Anonymise && record.AnonymisedAt is not null)
        {
            return null;
        }

        if (action == RetentionAction.Destroy && (record.OnHold || record.DisposedAt is not null))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (action == RetentionAction.Anonymise)
        {
            await CaseRetentionWork.AnonymiseAsync(db, observers, documents, c, record, actorId: null, now, ct);
        }
        else
        {
            await CaseRetentionWork.DisposeAsync(db, documents, c, record, "automatic under the retention rule", actorId: null, now, ct);
        }

        await transaction.CommitAsync(ct);
        return action;
    }
}
