using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Areas;

public static class GetArea
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/areas/{id:guid}", HandleAsync).RequirePermission(AreaPermissions.Read).WithTags("Areas");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var area = await db.Areas().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return area is null ? Problems.NotFound("The area") : TypedResults.Ok(AreaView.From(area));
    }
}
