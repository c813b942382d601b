using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Auth;

/// <summary>Who am I: the signed-in user, their grants and what they may do (the web app shapes its menus by it).</summary>
public static class GetMe
{
    public sealed record GrantView(Guid Id, string Role, ScopeKind ScopeKind, Guid? ScopeId, string ScopeName);

    public sealed record Me(Guid Id, string Email, string DisplayName, bool MfaEnabled, bool MfaEnrolmentRequired, bool MfaRequired, IReadOnlyList<GrantView> Grants, IReadOnlyList<string> Permissions);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/auth/me", HandleAsync).RequireAuthorization(IdentityModule.AnyStagePolicy).WithTags("Identity");

    internal static async Task<IResult> HandleAsync(HttpContext http, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have a profile.", detail: "This token belongs to an API client.");
        }

        var user = await db.Users().AsNoTracking().Include(u => u.Grants).SingleAsync(u => u.Id == userId, ct);
        var stage = http.User.FindFirst(LnemisClaims.Stage)?.Value;
        return TypedResults.Ok(new Me(
            user.Id,
            user.Email,
            user.DisplayName,
            user.MfaEnabled,
            stage == SessionStage.Enrolment,
            stage == SessionStage.MfaPending,
            user.Grants.OrderBy(g => g.Role).Select(g => new GrantView(g.Id, g.Role, g.ScopeKind, g.ScopeId, g.ScopeName)).ToList(),
            actor.Access.Permissions.Order(StringComparer.Ordinal).ToList()));
    }
}
