using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Areas;

/// <summary>Soft-deletes an empty area (registry data is never erased; the audit log keeps the history).</summary>
public static class DeleteArea
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/areas/{id:guid}", HandleAsync).RequirePermission(AreaPermissions.Manage).WithTags("Areas");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var area = await db.Areas().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return Problems.NotFound("The area");
        }

        if (!actor.Access.Covers(AreaPermissions.Manage, area.ScopePath))
        {
            return Problems.Forbidden("You do not manage this area.");
        }

        if (await db.Areas().AnyAsync(a => a.ParentId == id, ct))
        {
            return Problems.Conflict("The area still has areas below it.");
        }

        db.Areas().Remove(area);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
