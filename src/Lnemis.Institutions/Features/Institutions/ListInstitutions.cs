using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>Institutions the caller may see, filtered and paged, by name (or ?sort=code).</summary>
public static class ListInstitutions
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/institutions", HandleAsync).RequirePermission(InstitutionPermissions.Read).WithTags("Institutions");

    internal static async Task<Results<Ok<Page<InstitutionSummary>>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        [AsParameters] InstitutionFilter filter, string? sort, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        if (sort is not (null or "" or "name" or "code"))
        {
            errors["sort"] = ["Sort by name or code."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");
        }

        var result = await query.ToCappedPageAsync(
            q => (sort == "code" ? q.OrderBy(i => i.Code) : q.OrderBy(i => i.Name).ThenBy(i => i.Code))
                .Select(i => new { i.Id, i.Code, i.Name, i.Type, i.Ownership, i.Status, i.AreaId, i.Levels, i.Latitude, i.Longitude, i.Version }),
            PageRequest.From(page, pageSize),
            ct);
        var areas = await db.AreaLabelsAsync(result.Items.Select(i => i.AreaId), ct);
        return TypedResults.Ok(new Page<InstitutionSummary>(
            result.Items.Select(i => new InstitutionSummary(
                i.Id, i.Code, i.Name, i.Type, i.Ownership, i.Status, i.AreaId, areas.GetValueOrDefault(i.AreaId).Name ?? "",
                i.Levels.Split(' ', StringSplitOptions.RemoveEmptyEntries), i.Latitude, i.Longitude, i.Version)).ToList(),
            result.PageNumber, result.PageSize, result.Total, result.TotalExact));
    }
}
