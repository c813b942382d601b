using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Audit;

/// <summary>Writes audit entries that are not entity changes: access events and reads of sensitive records.</summary>
public sealed class AuditLog(LnemisDbContext db)
{
    /// <summary>Appends the entry now, in its own transaction (or the caller's, when one is open).</summary>
    public async Task RecordAsync(string action, string entityType, string? entityId, string? details, CancellationToken ct)
    {
        db.AddAudit(new PendingAudit(action, entityType, entityId, details));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records that the caller read a record classified OFFICIAL-SENSITIVE.</summary>
    public Task RecordSensitiveReadAsync(string entityType, Guid id, CancellationToken ct) =>
        RecordAsync(AuditActions.Read, entityType, id.ToString(), $$"""{"classification":"{{Classification.OfficialSensitive}}"}""", ct);
}

/// <summary>Walks the chain from the first entry and recomputes every hash.</summary>
public static class AuditVerifier
{
    public sealed record Result(bool Valid, long Checked, long? FirstBrokenSequence, string? Reason);

    public static async Task<Result> VerifyAsync(LnemisDbContext db, CancellationToken ct)
    {
        long expected = 0;
        var previous = "";
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            expected++;
            if (record.Sequence != expected)
            {
                return new Result(false, expected - 1, expected, "An entry is missing.");
            }

            if (record.PreviousHash != previous || AuditChain.ComputeHash(record) != record.Hash)
            {
                return new Result(false, expected - 1, record.Sequence, "An entry was altered.");
            }

            previous = record.Hash;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        if (head.LastSequence != expected || head.LastHash != previous)
        {
            return new Result(false, expected, expected + 1, "Entries at the end of the chain are missing.");
        }

        return new Result(true, expected, null, null);
    }
}
