using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Cases the caller may see, soonest final deadline first, filtered as <see cref="CaseFilter"/>
/// says. The count stops at 1,000 and pages end at 10,000 rows (ADR 0009); each row names its
/// responder, looked up once for the page.
/// </summary>
public static class ListCases
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");

    internal static async Task<IResult> HandleAsync(
        [AsParameters] CaseFilter filter, int? page, int? pageSize, ReplicaDbContext db, CurrentActor actor, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var (query, errors, overCountLimit) = await filter.ApplyAsync(db, actor, clock, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await query.ToCappedPageAsync(
            q => CaseFilter.InListOrder(q, db).Select(c => new Row(
                c.Id, c.Number, c.Type, c.Subject, c.State, c.ReceivedOn, c.FinalDeadline, c.ManagingTeamId, c.RespondingTeamId, c.ResponderId, c.RespondedOn, c.Version)),
            PageRequest.From(page, pageSize),
            ct,
            knownOverLimit: overCountLimit);
        var names = await users.FindAsync(result.Items.Where(r => r.ResponderId is not null).Select(r => r.ResponderId!.Value), ct);
        return TypedResults.Ok(result.Map(c => new CaseSummary(
            c.Id, c.Number, c.Type.Code(), c.Subject, c.State, c.ReceivedOn, c.FinalDeadline, c.ManagingTeamId, c.RespondingTeamId, c.ResponderId,
            c.RespondedOn, c.Version, CaseNames.Of(names, c.ResponderId))));
    }

    private sealed record Row(
        Guid Id, string Number, CaseType Type, string Subject, string State, DateOnly ReceivedOn, DateOnly? FinalDeadline,
        Guid ManagingTeamId, Guid? RespondingTeamId, Guid? ResponderId, DateOnly? RespondedOn, long Version);
}
