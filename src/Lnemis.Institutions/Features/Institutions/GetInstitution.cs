using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>One institution with its status history and the institutions merged into it. Outside the caller's scope: 404.</summary>
public static class GetInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/institutions/{id:guid}", HandleAsync).RequirePermission(InstitutionPermissions.Read).WithTags("Institutions");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var institution = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return institution is null
            ? Problems.NotFound("The institution")
            : TypedResults.Ok(await InstitutionMapping.DetailAsync(db, institution, ct));
    }
}
