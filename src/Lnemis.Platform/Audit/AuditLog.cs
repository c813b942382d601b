using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

public static class SensitiveReadExtensions
{
    /// <summary>
    /// Audits every successful read through this endpoint of a record classified
    /// OFFICIAL-SENSITIVE; the record's id is the route value "id".
    /// </summary>
    public static RouteHandlerBuilder AuditsSensitiveReadOf(this RouteHandlerBuilder builder, string entityType)
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? context.HttpContext.Response.StatusCode;
            if (status is >= 200 and < 300 && Guid.TryParse(context.HttpContext.GetRouteValue("id")?.ToString(), out var id))
            {
                await context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                    .RecordSensitiveReadAsync(entityType, id, context.HttpContext.RequestAborted);
            }

            return result;
        });
        return builder;
    }
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
