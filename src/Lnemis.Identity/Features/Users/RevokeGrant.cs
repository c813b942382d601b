using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

public static class RevokeGrant
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/users/{id:guid}/grants/{grantId:guid}", HandleAsync).RequirePermission(IdentityPermissions.UsersManage).WithTags("Users");

    internal static async Task<IResult> HandleAsync(Guid id, Guid grantId, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (!await db.VisibleUsers(actor, IdentityPermissions.UsersManage).AnyAsync(u => u.Id == id, ct))
        {
            return Problems.NotFound("The user");
        }

        var grant = await db.RoleGrants().FirstOrDefaultAsync(g => g.Id == grantId && g.UserId == id, ct);
        if (grant is null)
        {
            return Problems.NotFound("The grant");
        }

        var permissions = RoleCatalog.PermissionsOf(grant.Role);
        if (!actor.Access.Covers(IdentityPermissions.UsersManage, grant.ScopePath) || permissions.Any(p => !actor.Access.Covers(p, grant.ScopePath)))
        {
            return Problems.Forbidden("You can only revoke roles within your scope and with permissions you hold there.");
        }

        if (id == actor.UserId && grant.Role == RoleCatalog.SystemAdministrator)
        {
            return Problems.Conflict("You cannot revoke your own administrator role; ask another administrator.");
        }

        db.RoleGrants().Remove(grant);
        await db.SaveChangesAsync(ct);
        await AccessVersion.ChangedAsync(db, ct);
        return TypedResults.NoContent();
    }
}
