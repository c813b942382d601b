using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>Learners the caller may see, filtered as <see cref="LearnerFilter"/> describes, by name, paged.</summary>
public static class ListLearners
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learners", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Learners");

    internal static async Task<IResult> HandleAsync([AsParameters] LearnerFilter filter, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).ThenBy(l => l.LearnerNumber)
                .Select(l => new LearnerSummary(l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.Sex, l.DateOfBirth, l.InstitutionId, null, l.Status)),
            PageRequest.From(page, pageSize),
            ct);
        var schools = await db.InstitutionLabelsAsync(result.Items.Select(l => l.InstitutionId), ct);
        return TypedResults.Ok(result.Map(l => l with { InstitutionName = schools.GetValueOrDefault(l.InstitutionId).Name }));
    }
}
