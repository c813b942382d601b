using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Areas;

/// <summary>
/// Areas the caller may see, by parent or by name/code search, in level then code order.
/// <c>?top=true</c> gives the caller's top areas: those whose parent they cannot see (the country's
/// regions for a national user, their own district for a district officer) — where a tree view starts.
/// </summary>
public static class ListAreas
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/areas", HandleAsync).RequirePermission(AreaPermissions.Read).WithTags("Areas");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, Guid? parentId, bool? top, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Areas().AsQueryable();
        if (parentId is not null)
        {
            query = query.Where(a => a.ParentId == parentId);
        }

        if (top == true)
        {
            // The subquery carries the same scope filter, so "parent not visible" is per caller.
            query = query.Where(a => a.ParentId == null || !db.Areas().Any(p => p.Id == a.ParentId));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            query = query.Where(a => a.Name.ToUpper().Contains(upper) || a.Code.ToUpper().Contains(upper));
        }

        var result = await query
            .OrderBy(a => a.Level).ThenBy(a => a.Code)
            .Select(a => new AreaView(a.Id, a.Code, a.Name, a.ParentId, a.Level, a.Version))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
