using Lnemis.Correspondence.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>Removes a user from a team; the history of cases they acted on still names them.</summary>
public static class RemoveTeamMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/teams/{id:guid}/members/{userId:guid}", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, Guid userId, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var member = await db.TeamMembers().FirstOrDefaultAsync(m => m.TeamId == id && m.UserId == userId, ct);
        if (member is null)
        {
            return Problems.NotFound("The membership");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, member.ScopePath))
        {
            return Problems.Forbidden("You do not manage this team.");
        }

        db.TeamMembers().Remove(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
