using Lnemis.Identity.Auth;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

/// <summary>Deactivate (signs the user out everywhere and stops their tokens) or reactivate an account.</summary>
public static class SetUserActive
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/users/{id:guid}/deactivate", (Guid id, LnemisDbContext db, CurrentActor actor, SessionService sessions, CancellationToken ct) => HandleAsync(id, false, db, actor, sessions, ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithTags("Users");
        api.MapPost("/users/{id:guid}/activate", (Guid id, LnemisDbContext db, CurrentActor actor, SessionService sessions, CancellationToken ct) => HandleAsync(id, true, db, actor, sessions, ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithTags("Users");
    }

    internal static async Task<IResult> HandleAsync(Guid id, bool active, LnemisDbContext db, CurrentActor actor, SessionService sessions, CancellationToken ct)
    {
        if (id == actor.UserId)
        {
            return Problems.Conflict("You cannot change whether your own account is active.");
        }

        var user = await db.VisibleUsers(actor, IdentityPermissions.UsersManage).Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("The user");
        }

        user.IsActive = active;
        await db.SaveChangesAsync(ct);
        if (!active)
        {
            await sessions.RevokeAllAsync(user.Id, ct);
        }

        await AccessVersion.ChangedAsync(db, ct);

        return TypedResults.Ok(UserVisibility.ToDetail(user));
    }
}
