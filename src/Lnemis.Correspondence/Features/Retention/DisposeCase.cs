using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>
/// Secure disposal, decided by a correspondence administrator: a finished case whose retention
/// period is over and that is not on legal hold is deleted with its history and its files (every document version and key); the retention record
/// stays as the tombstone with the number, and the audit log records the disposal. A repeat
/// answers the tombstone.
/// </summary>
public static class DisposeCase
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/retention/cases/{id:guid}/dispose", HandleAsync).RequirePermission(CorrespondencePermissions.Retention)
            .Validate<RetentionDecision>().WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(Guid id, RetentionDecision request, LnemisDbContext db, CurrentActor actor, IDocumentStore documents, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CaseRetentionWork.FindCaseAsync(db, id, ct) is not { } c)
        {
            return await RetentionDecision.TombstoneAsync(db, id, ct) is { } tombstone ? TypedResults.Ok(CaseRetentionView.From(tombstone)) : Problems.NotFound("The case");
        }

        var record = await CaseRetentionWork.RecordForAsync(db, c, ct);
        if (record.OnHold)
        {
            return Problems.Conflict($"Case {c.Number} is on legal hold ({record.HoldReason}); release the hold before disposing of it.");
        }

        if (!CaseRetentionWork.IsFinished(c))
        {
            return RetentionDecision.Refused($"Case {c.Number} is still open; it cannot be disposed of.");
        }

        var today = CaseDetails.Today(clock);
        if (record.DueOn is not { } due || due > today)
        {
            return RetentionDecision.Refused($"Case {c.Number} is kept until {record.DueOn:yyyy-MM-dd} under its retention rule; it cannot be disposed of before then.");
        }

        await CaseRetentionWork.DisposeAsync(db, documents, c, record, request.Trimmed, actor.UserId, CaseRetentionWork.Now(clock), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(CaseRetentionView.From(record));
    }
}
