using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>
/// Removes an institution registered by mistake (soft delete; the audit log keeps it). A real school
/// that stops is closed or merged instead; one that others were merged into cannot be removed.
/// </summary>
public static class DeleteInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/institutions/{id:guid}", HandleAsync).RequirePermission(InstitutionPermissions.Manage).WithTags("Institutions");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var institution = await db.Institutions().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Problems.NotFound("The institution");
        }

        if (!actor.Access.Covers(InstitutionPermissions.Manage, Institution.AreaPathOf(institution.ScopePath)))
        {
            return Problems.Forbidden("Removing an institution is decided by the area that manages it.");
        }

        if (await db.Institutions().IgnoreQueryFilters().AnyAsync(i => i.SuccessorId == id, ct))
        {
            return Problems.Conflict("Other institutions were merged into this one; it cannot be removed.");
        }

        db.Institutions().Remove(institution);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
