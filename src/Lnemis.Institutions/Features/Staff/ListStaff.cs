using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>Staff the caller may see, filtered as <see cref="StaffFilter"/> describes, paged by name.</summary>
public static class ListStaff
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/staff", HandleAsync).RequirePermission(StaffPermissions.Read).WithTags("Staff");

    internal static async Task<IResult> HandleAsync([AsParameters] StaffFilter filter, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).ThenBy(m => m.StaffNumber)
                .Select(m => new StaffSummary(m.Id, m.StaffNumber, m.GivenName, m.FamilyName, m.Category, m.InstitutionId, null)),
            PageRequest.From(page, pageSize),
            ct);
        var schools = await db.InstitutionLabelsAsync(result.Items.Select(m => m.InstitutionId), ct);
        return TypedResults.Ok(result.Map(m => m with { InstitutionName = schools.GetValueOrDefault(m.InstitutionId).Name }));
    }
}
