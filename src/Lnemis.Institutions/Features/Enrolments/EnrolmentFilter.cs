using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>
/// The filters shared by the enrolment list and its exports: ?learnerId= (a learner's history)
/// &amp;institutionId= &amp;areaId= (and below) &amp;academicYearId= &amp;gradeId= &amp;status=. Always within the caller's scope.
/// </summary>
public sealed class EnrolmentFilter
{
    public Guid? LearnerId { get; set; }
    public Guid? InstitutionId { get; set; }
    public Guid? AreaId { get; set; }
    public Guid? AcademicYearId { get; set; }
    public Guid? GradeId { get; set; }
    public string? Status { get; set; }

    /// <summary>Applies the filters; errors name the query parameter that is wrong.</summary>
    internal async Task<(IQueryable<Enrolment> Query, Dictionary<string, string[]> Errors)> ApplyAsync(LnemisDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Enrolments().AsNoTracking();
        if (LearnerId is { } learner)
        {
            query = query.Where(e => e.LearnerId == learner);
        }

        if (InstitutionId is { } institution)
        {
            query = query.Where(e => e.InstitutionId == institution);
        }

        if (AreaId is { } area)
        {
            var path = await db.AreaPathAsync(area, ct);
            if (path is null)
            {
                errors["areaId"] = ["No such area."];
            }
            else
            {
                query = query.Where(e => e.ScopePath.StartsWith(path));
            }
        }

        if (AcademicYearId is { } year)
        {
            query = query.Where(e => e.AcademicYearId == year);
        }

        if (GradeId is { } grade)
        {
            query = query.Where(e => e.GradeId == grade);
        }

        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Enum.TryParse<EnrolmentStatus>(Status, true, out var parsed) && Enum.IsDefined(parsed))
            {
                query = query.Where(e => e.Status == parsed);
            }
            else
            {
                errors["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<EnrolmentStatus>())}."];
            }
        }

        return (query, errors);
    }
}
