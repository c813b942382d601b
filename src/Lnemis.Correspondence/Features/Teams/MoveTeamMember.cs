using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Moves a user from one business unit to another, keeping their role unless a new one is given:
/// the old membership goes and the new one comes in one transaction (both audited). Their open
/// cases stay where they are; move those with the bulk reassignment.
/// </summary>
public static class MoveTeamMember
{
    public sealed record Request(Guid ToTeamId, CaseRole? Role);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ToTeamId).NotEmpty();
            RuleFor(r => r.Role).IsInEnum();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/teams/{id:guid}/members/{userId:guid}/move", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, Guid userId, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
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

        var target = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ToTeamId, ct);
        if (target is null || target.Kind != TeamKind.BusinessUnit)
        {
            return Problems.Field("toTeamId", "Choose a business unit.");
        }

        if (target.Id == id)
        {
            return Problems.Field("toTeamId", "The user is already in this team.");
        }

        if (target.DeactivatedAt is not null)
        {
            return Problems.Field("toTeamId", $"{target.Name} is deactivated.");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, target.ScopePath))
        {
            return Problems.Forbidden("You can only move a user into a team you manage.");
        }

        if (await db.TeamMembers().IgnoreQueryFilters().AnyAsync(m => m.TeamId == target.Id && m.UserId == userId, ct))
        {
            return Problems.Field("toTeamId", "The user is already a member of that team.");
        }

        var moved = new TeamMember
        {
            Id = Guid.CreateVersion7(),
            TeamId = target.Id,
            UserId = userId,
            Role = request.Role ?? member.Role,
            ScopePath = target.ScopePath,
            CreatedAt = clock.GetUtcNow(),
        };
        db.TeamMembers().Remove(member);
        db.TeamMembers().Add(moved);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TeamMemberView.From(moved));
    }
}
