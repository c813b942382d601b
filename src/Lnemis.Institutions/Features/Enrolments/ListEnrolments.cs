using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>Enrolments the caller may see, by learner (their history), institution, year, grade or status; newest first.</summary>
public static class ListEnrolments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enrolments", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(
        Guid? learnerId, Guid? institutionId, Guid? academicYearId, Guid? gradeId, string? status, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var query = db.Enrolments().AsQueryable();
        if (learnerId is { } learner)
        {
            query = query.Where(e => e.LearnerId == learner);
        }

        if (institutionId is { } institution)
        {
            query = query.Where(e => e.InstitutionId == institution);
        }

        if (academicYearId is { } year)
        {
            query = query.Where(e => e.AcademicYearId == year);
        }

        if (gradeId is { } grade)
        {
            query = query.Where(e => e.GradeId == grade);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<EnrolmentStatus>(status, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Field("status", $"Use one of: {string.Join(", ", Enum.GetNames<EnrolmentStatus>())}.");
            }

            query = query.Where(e => e.Status == parsed);
        }

        var result = await query.OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
            .Select(e => new EnrolmentView(e.Id, e.LearnerId, e.AcademicYearId, e.InstitutionId, e.GradeId, e.Repeater, e.Status, e.StartsOn, e.EndedOn, e.EndReason, e.CreatedByPromotion, e.Version))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
