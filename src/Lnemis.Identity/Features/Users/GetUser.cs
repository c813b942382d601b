using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

public static class GetUser
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/{id:guid}", HandleAsync).RequirePermission(IdentityPermissions.UsersRead).WithTags("Users");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var user = await db.VisibleUsers(actor, IdentityPermissions.UsersRead).AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? Problems.NotFound("The user") : TypedResults.Ok(UserVisibility.ToDetail(user));
    }
}
