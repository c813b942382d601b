using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>
/// Legal hold: while a case is held it cannot be disposed of, by a person or by an automatic rule
/// (litigation, an ICO investigation). Placing needs a reason; placing a held case or releasing
/// one that is not held changes nothing and answers the record. Both are audited (the record is).
/// </summary>
public static class HoldCase
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/correspondence/retention/cases/{id:guid}/hold", (Guid id, RetentionDecision request, LnemisDbContext db, TimeProvider clock, CancellationToken ct) =>
            SetAsync(id, request, hold: true, db, clock, ct)).RequirePermission(CorrespondencePermissions.Retention).Validate<RetentionDecision>().WithTags("Correspondence retention");
        api.MapPost("/correspondence/retention/cases/{id:guid}/release", (Guid id, RetentionDecision request, LnemisDbContext db, TimeProvider clock, CancellationToken ct) =>
            SetAsync(id, request, hold: false, db, clock, ct)).RequirePermission(CorrespondencePermissions.Retention).Validate<RetentionDecision>().WithTags("Correspondence retention");
    }

    internal static async Task<IResult> SetAsync(Guid id, RetentionDecision request, bool hold, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (hold && request.Trimmed is null)
        {
            return Problems.Field("reason", "Say why the case is held (the matter or proceedings).");
        }

        if (await CaseRetentionWork.FindCaseAsync(db, id, ct) is not { } c)
        {
            return await RetentionDecision.TombstoneAsync(db, id, ct) is { } tombstone ? RetentionDecision.Disposed(tombstone) : Problems.NotFound("The case");
        }

        var record = await CaseRetentionWork.RecordForAsync(db, c, ct);
        if (record.OnHold != hold)
        {
            record.OnHold = hold;
            record.HoldReason = hold ? request.Trimmed : null;
            record.HeldAt = hold ? CaseRetentionWork.Now(clock) : null;
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(CaseRetentionView.From(record));
    }
}
