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

/// <summary>Enrols a learner of the institution in a grade for an academic year (one active enrolment per learner and year).</summary>
public static class Enrol
{
    public sealed record Request(Guid LearnerId, Guid AcademicYearId, Guid GradeId, bool Repeater, DateOnly? StartsOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.LearnerId).NotEmpty();
            RuleFor(r => r.AcademicYearId).NotEmpty();
            RuleFor(r => r.GradeId).NotEmpty();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrolments", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<Request>().WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var learner = await db.Learners().AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LearnerId, ct);
        if (learner is null)
        {
            return Problems.Field("learnerId", "No such learner.");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, learner.ScopePath))
        {
            return Problems.Forbidden("You do not manage this learner's records.");
        }

        if (learner.Status != LearnerStatus.Active)
        {
            return Problems.Field("learnerId", "The learner record was merged into another; enrol that one.");
        }

        var year = await db.AcademicYears().AsNoTracking().FirstOrDefaultAsync(y => y.Id == request.AcademicYearId, ct);
        var grade = await db.Grades().AsNoTracking().FirstOrDefaultAsync(g => g.Id == request.GradeId, ct);
        var errors = new Dictionary<string, string[]>();
        if (year is null)
        {
            errors["academicYearId"] = ["No such academic year."];
        }

        if (grade is null)
        {
            errors["gradeId"] = ["No such grade."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await db.Enrolments().AnyAsync(e => e.LearnerId == learner.Id && e.AcademicYearId == year!.Id && e.Status == EnrolmentStatus.Enrolled, ct))
        {
            return Problems.Conflict("The learner is already enrolled this academic year; transfer or withdraw that enrolment first.");
        }

        var enrolment = new Enrolment
        {
            Id = Guid.CreateVersion7(),
            LearnerId = learner.Id,
            AcademicYearId = year!.Id,
            InstitutionId = learner.InstitutionId,
            GradeId = grade!.Id,
            Repeater = request.Repeater,
            Status = EnrolmentStatus.Enrolled,
            StartsOn = request.StartsOn ?? year.StartsOn,
            ScopePath = learner.ScopePath,
        };
        db.Enrolments().Add(enrolment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/enrolments/{enrolment.Id}", EnrolmentView.From(enrolment));
    }
}
