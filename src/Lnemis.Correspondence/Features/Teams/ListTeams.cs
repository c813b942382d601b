using Lnemis.Correspondence.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>Teams the caller may see, by parent, active or not, or name/code search, in tree order.</summary>
public static class ListTeams
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/teams", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsRead).WithTags("Teams");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, Guid? parentId, string? search, bool? active, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Teams().AsQueryable();
        if (parentId is not null)
        {
            query = query.Where(t => t.ParentId == parentId);
        }

        if (active is { } wanted)
        {
            // Pickers for assignment ask for active teams only.
            query = wanted ? query.Where(t => t.DeactivatedAt == null) : query.Where(t => t.DeactivatedAt != null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            query = query.Where(t => t.Name.ToUpper().Contains(upper) || t.Code.ToUpper().Contains(upper));
        }

        var result = await query
            .OrderBy(t => t.Kind).ThenBy(t => t.Code)
            .Select(t => new TeamView(t.Id, t.Code, t.Name, t.Kind, t.ParentId, t.Role, t.ClearanceStep, t.Version, t.DeactivatedAt == null))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
