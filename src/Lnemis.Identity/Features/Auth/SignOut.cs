using Lnemis.Identity.Auth;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Identity.Features.Auth;

/// <summary>Ends this browser's session, or every session of the user ("sign out everywhere").</summary>
public static class SignOut
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/sign-out", SignOutHereAsync).RequireAuthorization(IdentityModule.AnyStagePolicy).WithTags("Identity");
        api.MapPost("/auth/sign-out-everywhere", SignOutEverywhereAsync).RequireAuthorization(IdentityModule.AnyStagePolicy).WithTags("Identity");
    }

    internal static async Task<IResult> SignOutHereAsync(HttpContext http, LnemisDbContext db, CurrentActor actor, SessionService sessions, CancellationToken ct)
    {
        AccessAudit.Add(db, http, AccessAudit.SignOut, actor.UserId);
        await db.SaveChangesAsync(ct);
        await sessions.EndAsync(http, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> SignOutEverywhereAsync(HttpContext http, LnemisDbContext db, CurrentActor actor, SessionService sessions, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have sessions to end.");
        }

        var ended = await sessions.RevokeAllAsync(userId, ct);
        AccessAudit.Add(db, http, AccessAudit.SignOutEverywhere, userId, new { sessions = ended });
        await db.SaveChangesAsync(ct);
        await sessions.EndAsync(http, ct);
        return TypedResults.NoContent();
    }
}
