using Lnemis.Correspondence.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>A team with its members, each with the user's display name (pickers and member lists show names, not ids).</summary>
public static class GetTeam
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/teams/{id:guid}", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsRead).WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, IUserDirectory users, CancellationToken ct)
    {
        var team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Problems.NotFound("The team");
        }

        var members = await db.TeamMembers().AsNoTracking().Where(m => m.TeamId == id)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new TeamMemberView(m.Id, m.TeamId, m.UserId, m.Role, m.DeactivatedAt == null))
            .ToListAsync(ct);
        var names = await users.FindAsync(members.Select(m => m.UserId).Distinct(), ct);
        members = members.ConvertAll(m => names.TryGetValue(m.UserId, out var user) ? m with { Name = user.DisplayName } : m);
        return TypedResults.Ok(new TeamDetail(TeamView.From(team), members));
    }
}
