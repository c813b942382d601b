using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
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
        var (criteria, errors) = await filter.ParseAsync(db, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var request = PageRequest.From(page, pageSize);
        var result = await LearnerNameSearch.PageAsync(db, criteria, request, ct)
            ?? await LearnerAreaPage.PageAsync(db, criteria, request, ct)
            ?? await criteria.Query(db).ToCappedPageAsync(q => Named(db, q.OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).ThenBy(l => l.LearnerNumber)), request, ct);
        // The pages read their school names with their rows (a school hidden from the caller, or deleted, gives none);
        // the rest, and a name search's whole-list read, are looked up here, deleted schools included.
        var unnamed = result.Items.Where(l => l.InstitutionName is null).Select(l => l.InstitutionId).ToList();
        var schools = unnamed.Count == 0 ? [] : await db.InstitutionLabelsAsync(unnamed, ct);
        return TypedResults.Ok(result.Map(l => l.InstitutionName is null ? l with { InstitutionName = schools.GetValueOrDefault(l.InstitutionId).Name } : l));
    }

    /// <summary>
    /// The list's columns with each learner's school name, from the institutions as the caller sees them: ignoring
    /// their query filters here would drop the learners' own (scope and deletion) from the whole statement.
    /// </summary>
    private static IQueryable<LearnerSummary> Named(LnemisDbContext db, IQueryable<Learner> learners) =>
        learners.LeftJoin(
            db.Institutions(),
            l => l.InstitutionId,
            i => i.Id,
            (l, i) => new LearnerSummary(l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.Sex, l.DateOfBirth, l.InstitutionId, i!.Name, l.Status));
}
