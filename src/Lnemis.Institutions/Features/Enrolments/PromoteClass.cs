using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>
/// Year-end promotion of a whole class, in one transaction: every learner enrolled in the grade at
/// the institution moves to the next grade (the first grade of the next level after a level's last
/// grade; graduated after the last level) in the next academic year, except the listed repeaters,
/// who stay in the grade flagged as repeaters. Learners already enrolled next year are skipped.
/// The promotion has an id; undoing it restores the class as it was.
/// </summary>
public static class PromoteClass
{
    public sealed record Request(Guid InstitutionId, Guid AcademicYearId, Guid NextAcademicYearId, Guid GradeId, IReadOnlyList<Guid>? Repeaters);

    public sealed record Response(Guid PromotionId, int Promoted, int Repeating, int Graduated, IReadOnlyList<Guid> Skipped);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.InstitutionId).NotEmpty();
            RuleFor(r => r.AcademicYearId).NotEmpty();
            RuleFor(r => r.NextAcademicYearId).NotEmpty().NotEqual(r => r.AcademicYearId).WithMessage("Choose the following academic year.");
            RuleFor(r => r.GradeId).NotEmpty();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrolments/promote", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<Request>().WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var institution = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (institution is null)
        {
            return Problems.Field("institutionId", "No such institution.");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, institution.ScopePath))
        {
            return Problems.Forbidden("You do not manage learners at this institution.");
        }

        var years = await db.AcademicYears().AsNoTracking().Where(y => y.Id == request.AcademicYearId || y.Id == request.NextAcademicYearId).ToListAsync(ct);
        var year = years.FirstOrDefault(y => y.Id == request.AcademicYearId);
        var next = years.FirstOrDefault(y => y.Id == request.NextAcademicYearId);
        if (year is null || next is null || next.StartsOn <= year.StartsOn)
        {
            return Problems.Field("nextAcademicYearId", "Choose an existing academic year and one that follows it.");
        }

        var levels = await db.Levels().AsNoTracking().Include(l => l.Grades).OrderBy(l => l.Sequence).ToListAsync(ct);
        var grades = levels.SelectMany(l => l.Grades.OrderBy(g => g.Sequence)).ToList();
        var index = grades.FindIndex(g => g.Id == request.GradeId);
        if (index < 0)
        {
            return Problems.Field("gradeId", "No such grade.");
        }

        var grade = grades[index];
        var nextGrade = index + 1 < grades.Count ? grades[index + 1] : null;
        var enrolled = await db.Enrolments()
            .Where(e => e.InstitutionId == institution.Id && e.AcademicYearId == year.Id && e.GradeId == grade.Id && e.Status == EnrolmentStatus.Enrolled)
            .ToListAsync(ct);
        var learnerIds = enrolled.Select(e => e.LearnerId).ToList();
        var alreadyNextYear = (await db.Enrolments()
            .Where(e => learnerIds.Contains(e.LearnerId) && e.AcademicYearId == next.Id && e.Status == EnrolmentStatus.Enrolled)
            .Select(e => e.LearnerId).ToListAsync(ct)).ToHashSet();
        var repeaters = (request.Repeaters ?? []).ToHashSet();
        var promotionId = Guid.CreateVersion7();
        int promoted = 0, repeating = 0, graduated = 0;
        var skipped = new List<Guid>();
        foreach (var enrolment in enrolled)
        {
            if (alreadyNextYear.Contains(enrolment.LearnerId))
            {
                skipped.Add(enrolment.LearnerId);
                continue;
            }

            var repeats = repeaters.Contains(enrolment.LearnerId);
            enrolment.EndedOn = year.EndsOn;
            enrolment.EndedByPromotion = promotionId;
            if (!repeats && nextGrade is null)
            {
                enrolment.Status = EnrolmentStatus.Graduated;
                graduated++;
                continue;
            }

            enrolment.Status = EnrolmentStatus.Promoted;
            db.Enrolments().Add(new Enrolment
            {
                Id = Guid.CreateVersion7(),
                LearnerId = enrolment.LearnerId,
                AcademicYearId = next.Id,
                InstitutionId = institution.Id,
                GradeId = repeats ? grade.Id : nextGrade!.Id,
                Repeater = repeats,
                Status = EnrolmentStatus.Enrolled,
                StartsOn = next.StartsOn,
                CreatedByPromotion = promotionId,
                ScopePath = enrolment.ScopePath,
            });
            if (repeats)
            {
                repeating++;
            }
            else
            {
                promoted++;
            }
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(promotionId, promoted, repeating, graduated, skipped));
    }
}
