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
            while (true)
            {
                var alreadyMarked = db.CaseRetentions().IgnoreQueryFilters().Where(r => r.MarkedDueAt != null).Select(r => r.Id);
                var batch = await db.Cases().IgnoreQueryFilters()
                    .Where(c => c.Type == type
                        && ((c.ClosedOn != null && c.ClosedOn <= closedBy) || (c.ClosedOn == null && c.DeletedAt != null && c.DeletedAt < deletedBefore))
                        && !alreadyMarked.Contains(c.Id))
                    .OrderBy(c => c.Number)
                    .Take(BatchSize)
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                var now = CaseRetentionWork.Now(clock);
                foreach (var c in batch)
                {
                    CaseRetentionWork.MarkDue(await CaseRetentionWork.RecordForAsync(db, c, ct), c, rule, now);
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
