using System.Linq.Expressions;
using System.Text.Json;
using Lnemis.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Data;

/// <summary>How long finished records of a log (deliveries) are kept: successes briefly, failures longer for investigation.</summary>
public sealed class RetentionPeriods
{
    /// <summary>Days a successful record is kept (0 or less: kept for ever).</summary>
    public int SucceededDays { get; set; } = 90;

    /// <summary>Days a failed record is kept (0 or less: kept for ever).</summary>
    public int FailedDays { get; set; } = 365;

    /// <summary>Rows deleted per statement, so a large purge never holds long locks.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>
/// Deletes old rows of a log in batches (one short statement each) and writes one audit entry
/// with the counts; used by the retention tasks of delivery logs.
/// </summary>
public static class BatchedPurge
{
    /// <summary>Deletes the rows of <paramref name="rows"/> batch by batch (by <paramref name="id"/>); returns how many went.</summary>
    public static async Task<int> DeleteInBatchesAsync<T>(this IQueryable<T> rows, Expression<Func<T, Guid>> id, int batchSize, CancellationToken ct)
        where T : class
    {
        var batch = new IdBatch();
        // rows.Where(r => batch.Ids.Contains(id(r))), with the list as a parameter of the query.
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
            Expression.Property(Expression.Constant(batch), nameof(IdBatch.Ids)), id.Body);
        var inBatch = rows.Where(Expression.Lambda<Func<T, bool>>(contains, id.Parameters[0]));
        var total = 0;
        while (true)
        {
            batch.Ids = await rows.OrderBy(id).Select(id).Take(Math.Max(1, batchSize)).ToListAsync(ct);
            if (batch.Ids.Count == 0)
            {
                return total;
            }

            total += await inBatch.ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>One audit entry for a purge that deleted anything (its counts by kind, and the cut-off dates).</summary>
    public static async Task AuditAsync(LnemisDbContext db, string entityType, object counts, CancellationToken ct)
    {
        db.AddAudit(new PendingAudit("purge", entityType, null, JsonSerializer.Serialize(counts)));
        await db.SaveChangesAsync(ct);
    }

    private sealed class IdBatch
    {
        public List<Guid> Ids { get; set; } = [];
    }
}
