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
/// A correspondence administrator anonymises a finished (closed or deleted) case: the requester's
/// name, e-mail, the subject, the response file name and all message text in its history are
/// overwritten, and its files' documents disposed of (the rows stay as "removed on anonymisation"); the number, dates, outcome and the report row stay. Once done, a repeat answers
/// the same record and changes nothing.
/// </summary>
public static class AnonymiseCase
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/retention/cases/{id:guid}/anonymise", HandleAsync).RequirePermission(CorrespondencePermissions.Retention)
            .Validate<RetentionDecision>().WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(Guid id, RetentionDecision request, LnemisDbContext db, CurrentActor actor, CaseObservers observers, IDocumentStore documents, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CaseRetentionWork.FindCaseAsync(db, id, ct) is not { } c)
        {
            return await RetentionDecision.TombstoneAsync(db, id, ct) is { } tombstone ? RetentionDecision.Disposed(tombstone) : Problems.NotFound("The case");
        }

        var record = await CaseRetentionWork.RecordForAsync(db, c, ct);
        if (record.AnonymisedAt is null)
        {
            if (!CaseRetentionWork.IsFinished(c))
            {
                return RetentionDecision.Refused($"Case {c.Number} is still open; close it (or delete it) before anonymising.");
            }

            await CaseRetentionWork.AnonymiseAsync(db, observers, documents, c, record, actor.UserId, CaseRetentionWork.Now(clock), ct);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.Ok(CaseRetentionView.From(record));
    }
}
