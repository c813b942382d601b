using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>Renames or re-codes a team. Its kind, place and role stay (a new unit is a new team). A stale version gets 409.</summary>
public static class UpdateTeam
{
    public sealed record Request(string Code, string Name, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
                .WithMessage("Use letters, digits, dots, dashes and underscores.");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/teams/{id:guid}", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var team = await db.Teams().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Problems.NotFound("The team");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, team.ScopePath))
        {
            return Problems.Forbidden("You do not manage this team.");
        }

        var code = request.Code.Trim().ToUpperInvariant();
        if (code != team.Code && await db.Teams().IgnoreQueryFilters().AnyAsync(t => t.Code == code, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
        team.Code = code;
        team.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TeamView.From(team));
    }
}
