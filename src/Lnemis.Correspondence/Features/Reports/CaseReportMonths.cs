using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// Keeps and rebuilds the monthly pre-aggregate (<see cref="CaseReportMonth"/>, ADR 0020): a move of
/// one report row between buckets is one decrement and one increment, in the transaction that
/// changes the row; a rebuild recomputes every bucket from the rows under a table lock.
/// </summary>
internal static class CaseReportMonths
{
    /// <summary>Moves one row's count from the bucket it was in (null: it was counted nowhere) to the bucket it is in now.</summary>
    public static Task MoveAsync(LnemisDbContext db, CaseReportMonth.Key? before, CaseReportMonth.Key? after, CancellationToken ct)
    {
        if (before == after)
        {
            return Task.CompletedTask;
        }

        var changes = new List<CaseReportMonth>(2);
        if (before is not null)
        {
            changes.Add(Row(before, -1));
        }

        if (after is not null)
        {
            changes.Add(Row(after, 1));
        }

        // The same lock order in every transaction: two cases moving in opposite directions cannot deadlock.
        var ordered = changes.OrderBy(c => KeyOf(c).SortKey, StringComparer.Ordinal);
        return CounterUpsert.AddAsync(db, ordered, nameof(CaseReportMonth.Cases), ct);
    }

    /// <summary>
    /// Replaces every bucket with counts taken from the live report rows, in one transaction. On
    /// PostgreSQL the table is locked first (EXCLUSIVE: readers go on, writers wait): a case changing
    /// meanwhile either committed before (its row is counted as it is now) or moves its count after
    /// the rebuild commits (from the bucket its old row was counted in), so no change is lost.
    /// </summary>
    public static async Task<int> RebuildAsync(LnemisDbContext db, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var table = SqlNames.Table(db, db.Model.FindEntityType(typeof(CaseReportMonth))!);
            if (db.Provider == DatabaseProvider.Postgres)
            {
#pragma warning disable EF1002 // The table name comes from the model.
                await db.Database.ExecuteSqlRawAsync($"LOCK TABLE {table} IN EXCLUSIVE MODE", ct);
#pragma warning restore EF1002
            }

            // On SQLite the delete takes the write lock before the rows are read, to the same effect.
            await db.CaseReportMonths().IgnoreQueryFilters().ExecuteDeleteAsync(ct);
            var groups = await db.CaseReportRows().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.DeletedAt == null)
                .GroupBy(r => new { r.ScopePath, r.ReceivedMonth, r.Type, r.ManagingTeamId, r.TeamId, r.Timeliness, r.IsOpen, r.Outcome, r.AppealOutcome })
                .Select(g => new { g.Key, Cases = g.Count() })
                .ToListAsync(ct);
            var buckets = groups
                .GroupBy(g => new CaseReportMonth.Key(g.Key.ScopePath, g.Key.ReceivedMonth, g.Key.Type, g.Key.ManagingTeamId, g.Key.TeamId, g.Key.Timeliness,
                    CaseReportMonth.AppealResultOf(g.Key.Type, g.Key.IsOpen, g.Key.Outcome, g.Key.AppealOutcome)))
                .Select(g => Row(g.Key, g.Sum(x => x.Cases)))
                .ToList();
            await BulkInsert.InsertAsync(db, buckets, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            await BulkInsert.AnalyzeAsync<CaseReportMonth>(db, ct);
            return buckets.Count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Whether the reports can read the buckets: they are filled, or there is nothing to count.
    /// Right after the migration that added them (before the first rebuild) the reports read the rows.
    /// </summary>
    public static async Task<bool> ReadyAsync(LnemisDbContext db, CancellationToken ct) =>
        await db.CaseReportMonths().IgnoreQueryFilters().AnyAsync(ct)
        || !await db.CaseReportRows().IgnoreQueryFilters().AnyAsync(r => r.DeletedAt == null, ct);

    private static CaseReportMonth.Key KeyOf(CaseReportMonth m) =>
        new(m.ScopePath, m.ReceivedMonth, m.Type, m.ManagingTeamId, m.TeamId, m.Timeliness, m.AppealResult);

    private static CaseReportMonth Row(CaseReportMonth.Key key, int cases) => new()
    {
        ScopePath = key.ScopePath,
        ReceivedMonth = key.ReceivedMonth,
        Type = key.Type,
        ManagingTeamId = key.ManagingTeamId,
        TeamId = key.TeamId,
        Timeliness = key.Timeliness,
        AppealResult = key.AppealResult,
        Cases = cases,
    };
}
