using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Cases the caller may see, soonest final deadline first. Filters: type (code), state, teamId
/// (managing or responding), mine=true (the caller is the responder), open=true (not closed), timeliness=late|in_time
/// (responded after / on or before the final deadline, or still open past / before it), and a
/// final-deadline window (deadlineFrom, deadlineTo).
/// </summary>
public static class ListCases
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");

    internal static async Task<IResult> HandleAsync(
        ReplicaDbContext db, CurrentActor actor, TimeProvider clock, string? type, string? state, Guid? teamId, bool? mine, bool? open, string? timeliness,
        DateOnly? deadlineFrom, DateOnly? deadlineTo, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Cases().AsQueryable();
        if (type is not null)
        {
            if (CreateCase.ParseType(type) is not { } parsed)
            {
                return Problems.Field("type", $"Case types are: {string.Join(", ", CaseTypes.All.Select(t => t.Code()))}.");
            }

            query = query.Where(c => c.Type == parsed);
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            query = query.Where(c => c.State == state);
        }

        if (teamId is not null)
        {
            query = query.Where(c => c.ManagingTeamId == teamId || c.RespondingTeamId == teamId);
        }

        if (open == true)
        {
            query = query.Where(c => c.State != WorkflowDefinitions.Closed);
        }

        if (mine == true)
        {
            var me = actor.UserId;
            query = query.Where(c => c.ResponderId != null && c.ResponderId == me);
        }

        var today = CaseDetails.Today(clock);
        switch (timeliness)
        {
            case null:
                break;
            case "late":
                query = query.Where(c => c.FinalDeadline != null
                    && ((c.RespondedOn != null && c.RespondedOn > c.FinalDeadline) || (c.RespondedOn == null && c.FinalDeadline < today)));
                break;
            case "in_time":
                query = query.Where(c => c.FinalDeadline != null
                    && ((c.RespondedOn != null && c.RespondedOn <= c.FinalDeadline) || (c.RespondedOn == null && c.FinalDeadline >= today)));
                break;
            default:
                return Problems.Field("timeliness", "Use late or in_time.");
        }

        if (deadlineFrom is not null)
        {
            query = query.Where(c => c.FinalDeadline >= deadlineFrom);
        }

        if (deadlineTo is not null)
        {
            query = query.Where(c => c.FinalDeadline <= deadlineTo);
        }

        var result = await query
            .OrderBy(c => c.FinalDeadline == null).ThenBy(c => c.FinalDeadline).ThenBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Type, c.Subject, c.State, c.ReceivedOn, c.FinalDeadline, c.ManagingTeamId, c.RespondingTeamId, c.ResponderId, c.RespondedOn, c.Version })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(c => new CaseSummary(c.Id, c.Number, c.Type.Code(), c.Subject, c.State, c.ReceivedOn, c.FinalDeadline,
            c.ManagingTeamId, c.RespondingTeamId, c.ResponderId, c.RespondedOn, c.Version)));
    }
}
