using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>What the team administration commands share: finding a team the caller manages, and counting what still hangs on it.</summary>
internal static class TeamAdministration
{
    /// <summary>The team (tracked) when it exists and the caller holds <c>teams.manage</c> over it; else the problem to answer.</summary>
    public static async Task<(Team? Team, IResult? Problem)> FindManagedAsync(LnemisDbContext db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var team = await db.Teams().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return (null, Problems.NotFound("The team"));
        }

        return actor.Access.Covers(CorrespondencePermissions.TeamsManage, team.ScopePath)
            ? (team, null)
            : (null, Problems.Forbidden("You do not manage this team."));
    }

    /// <summary>Open (not closed, not deleted) cases a team manages, and those it answers. Counted across scopes: a team's cases are its cases.</summary>
    public static async Task<(int Managed, int Answered)> OpenCasesAsync(LnemisDbContext db, IReadOnlyCollection<Guid> teamIds, CancellationToken ct)
    {
        var open = OpenCases(db);
        var managed = await open.CountAsync(c => teamIds.Contains(c.ManagingTeamId), ct);
        var answered = await open.CountAsync(c => c.RespondingTeamId != null && teamIds.Contains(c.RespondingTeamId.Value), ct);
        return (managed, answered);
    }

    public static IQueryable<Case> OpenCases(LnemisDbContext db) =>
        db.Cases().IgnoreQueryFilters().Where(c => c.DeletedAt == null && c.State != WorkflowDefinitions.Closed);

    /// <summary>The ids of a team and every team below it (by scope path, whatever the caller's scope).</summary>
    public static Task<List<Guid>> SubtreeAsync(LnemisDbContext db, Team team, CancellationToken ct) =>
        db.Teams().IgnoreQueryFilters().Where(t => t.ScopePath.StartsWith(team.ScopePath)).Select(t => t.Id).ToListAsync(ct);

    /// <summary>409 with the reason and the counts, so the screen can say what to do first.</summary>
    public static IResult Refused(string detail, IDictionary<string, object?> counts) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The team cannot be changed yet.", extensions: counts);

    public static string Cases(int count) => count == 1 ? "1 open case" : $"{count} open cases";
}
