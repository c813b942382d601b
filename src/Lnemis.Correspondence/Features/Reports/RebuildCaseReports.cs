using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// Backfills the reports read model from the cases, in batches ordered by case number: for cases that
/// existed before the read model, or after a change to what it holds. Each batch upserts its rows
/// in one transaction, so the rebuild can stop anywhere and be run again (it only rewrites rows
/// with the cases' current facts). Rows of disposed cases are kept: they carry the figures.
/// After the last batch the monthly buckets are recomputed from the rows (ADR 0020).
/// Runs as a chain of jobs (POST /correspondence/reports/rebuild, national correspondence
/// administrators) or from the command line (`Lnemis.Server correspondence rebuild-reports`).
/// </summary>
public static class RebuildCaseReports
{
    public const int DefaultBatchSize = 1_000;

    /// <summary>The job message: the batch after <paramref name="After"/>, with the count so far for the log.</summary>
    public sealed record Message(string? After, int Done, int BatchSize);

    public sealed record Progress(int Done, int Total);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/reports/rebuild", HandleAsync).RequirePermission(CorrespondencePermissions.Retention).WithTags("Correspondence reports");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CurrentActor actor, Outbox outbox, CancellationToken ct)
    {
        if (!actor.Access.Covers(CorrespondencePermissions.Retention, AccessScope.CountryPath))
        {
            return Problems.Forbidden("Only national correspondence administrators rebuild the reports.");
        }

        var total = await db.Cases().IgnoreQueryFilters().CountAsync(ct);
        var jobId = outbox.Enqueue(new Message(null, 0, DefaultBatchSize));
        db.AddAudit(new Platform.Audit.PendingAudit("rebuild", nameof(CaseReportRow), null, $$"""{"cases":{{total}}}"""));
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/v1/jobs/{jobId}", new { jobId, cases = total });
    }

    /// <summary>Upserts the rows of the next batch of cases numbered after <paramref name="after"/> (case numbers are unique and indexed); returns the last number, or null when done.</summary>
    public static async Task<(string? Last, int Count)> BatchAsync(LnemisDbContext db, string? after, int batchSize, TimeProvider clock, CancellationToken ct)
    {
        var cases = await db.Cases().IgnoreQueryFilters().AsNoTracking()
            .Where(c => after == null || string.Compare(c.Number, after) > 0)
            .OrderBy(c => c.Number)
            .Take(batchSize)
            .ToListAsync(ct);
        if (cases.Count == 0)
        {
            return (null, 0);
        }

        var ids = cases.Select(c => c.Id).ToList();
        var existing = await db.CaseReportRows().IgnoreQueryFilters().Where(r => ids.Contains(r.CaseId)).ToDictionaryAsync(r => r.CaseId, ct);
        var now = clock.GetUtcNow();
        foreach (var c in cases)
        {
            if (existing.TryGetValue(c.Id, out var row))
            {
                row.CopyFrom(c, now);
            }
            else
            {
                db.CaseReportRows().Add(CaseReportRow.For(c, now));
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (cases[^1].Number, cases.Count);
    }

    /// <summary>Runs every batch in this process, reporting progress after each (the command line).</summary>
    public static async Task<int> RunAsync(LnemisDbContext db, TimeProvider clock, int batchSize, IProgress<Progress>? progress, CancellationToken ct)
    {
        var total = await db.Cases().IgnoreQueryFilters().CountAsync(ct);
        var done = 0;
        string? after = null;
        while (true)
        {
            var (last, count) = await BatchAsync(db, after, batchSize, clock, ct);
            if (last is null)
            {
                await CaseReportMonths.RebuildAsync(db, ct);
                return done;
            }

            done += count;
            after = last;
            progress?.Report(new Progress(done, Math.Max(done, total)));
        }
    }

    /// <summary>One batch per job; the next batch is enqueued in the same transaction as this one's rows.</summary>
    internal sealed class Handler(LnemisDbContext db, Outbox outbox, TimeProvider clock, ILogger<Handler> logger) : IJobHandler<Message>
    {
        public async Task HandleAsync(Message message, JobContext context, CancellationToken ct)
        {
            var size = message.BatchSize is > 0 and <= 10_000 ? message.BatchSize : DefaultBatchSize;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (last, count) = await BatchAsync(db, message.After, size, clock, ct);
            var done = message.Done + count;
            if (last is not null)
            {
                outbox.Enqueue(message with { After = last, Done = done });
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Case reports rebuild: {Done} cases done", done);
            }
            else
            {
                var buckets = await CaseReportMonths.RebuildAsync(db, ct);
                logger.LogInformation("Case reports rebuild finished: {Done} cases, {Buckets} monthly buckets", done, buckets);
            }

            await transaction.CommitAsync(ct);
        }
    }
}
