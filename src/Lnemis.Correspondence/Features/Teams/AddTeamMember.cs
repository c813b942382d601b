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
/// Adds a user to a business unit (playing the unit's role on cases unless told otherwise) or
/// removes them. Membership says what a user does on a case; their role grants say where they may.
/// </summary>
public static class AddTeamMember
{
    public sealed record Request(Guid UserId, CaseRole? Role);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.UserId).NotEmpty();
            RuleFor(r => r.Role).IsInEnum();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/teams/{id:guid}/members", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Problems.NotFound("The team");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, team.ScopePath))
        {
            return Problems.Forbidden("You do not manage this team.");
        }

        if (team.DeactivatedAt is not null)
        {
            return Problems.Field("id", "The team is deactivated; reactivate it first.");
        }

        if (team.Kind != TeamKind.BusinessUnit || team.Role is not { } unitRole)
        {
            return Problems.Field("id", "Only business units have members.");
        }

        if (await db.TeamMembers().IgnoreQueryFilters().AnyAsync(m => m.TeamId == id && m.UserId == request.UserId, ct))
        {
            return Problems.Conflict("The user is already a member of this team.");
        }

        var member = new TeamMember
        {
            Id = Guid.CreateVersion7(),
            TeamId = id,
            UserId = request.UserId,
            Role = request.Role ?? unitRole,
            ScopePath = team.ScopePath,
            CreatedAt = clock.GetUtcNow(),
        };
        db.TeamMembers().Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/teams/{id}/members/{member.UserId}", TeamMemberView.From(member));
    }
}
