using Lnemis.Institutions.Data;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>Enrolments the caller may see, filtered as <see cref="EnrolmentFilter"/> describes, newest first, with learner, school and grade labels.</summary>
public static class ListEnrolments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enrolments", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync([AsParameters] EnrolmentFilter filter, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
                .Select(e => new EnrolmentView(e.Id, e.LearnerId, e.AcademicYearId, e.InstitutionId, e.GradeId, e.Repeater, e.Status, e.StartsOn, e.EndedOn, e.EndReason, e.CreatedByPromotion, e.Version)),
            PageRequest.From(page, pageSize),
            ct);
        var learnerIds = result.Items.Select(e => e.LearnerId).Distinct().ToList();
        var learners = await db.Learners().IgnoreQueryFilters().AsNoTracking().Where(l => learnerIds.Contains(l.Id))
            .Select(l => new { l.Id, l.LearnerNumber, Name = l.GivenName + " " + l.FamilyName }).ToDictionaryAsync(l => l.Id, ct);
        var schools = await db.InstitutionLabelsAsync(result.Items.Select(e => e.InstitutionId), ct);
        var grades = await db.Grades().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        return TypedResults.Ok(result.Map(e => e with
        {
            LearnerNumber = learners.GetValueOrDefault(e.LearnerId)?.LearnerNumber,
            LearnerName = learners.GetValueOrDefault(e.LearnerId)?.Name,
            InstitutionName = schools.GetValueOrDefault(e.InstitutionId).Name,
            GradeName = grades.GetValueOrDefault(e.GradeId),
        }));
    }
}
