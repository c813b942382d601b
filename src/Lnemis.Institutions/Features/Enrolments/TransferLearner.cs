using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>
/// Transfers a learner out of one school into another, in one transaction: the current
/// enrolment ends (TransferredOut), a new one starts at the receiving school in the same grade and
/// year, the learner record moves to that school's scope. Publishes learner.transferred.
/// Needs the right to manage learners at both schools.
/// </summary>
public static class TransferLearner
{
    public sealed record Request(Guid InstitutionId, DateOnly? On, string? Reason, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.InstitutionId).NotEmpty();
            RuleFor(r => r.Reason).MaximumLength(500);
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrolments/{id:guid}/transfer", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<Request>().WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var target = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (target is null)
        {
            return Problems.Field("institutionId", "No such institution.");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, target.ScopePath))
        {
            return Problems.Forbidden("You do not manage learners at the receiving institution.");
        }

        if (target.Status != InstitutionStatus.Open)
        {
            return Problems.Field("institutionId", "The receiving institution is not open.");
        }

        var (ended, problem) = await Endings.EndAsync(db, actor, clock, id, new EndingRequest(request.On, request.Reason, request.Version), EnrolmentStatus.TransferredOut, reasonRequired: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (ended!.InstitutionId == target.Id)
        {
            return Problems.Field("institutionId", "The learner is already at this institution.");
        }

        var learner = await db.Learners().SingleAsync(l => l.Id == ended.LearnerId, ct);
        var next = new Enrolment
        {
            Id = Guid.CreateVersion7(),
            LearnerId = learner.Id,
            AcademicYearId = ended.AcademicYearId,
            InstitutionId = target.Id,
            GradeId = ended.GradeId,
            Repeater = ended.Repeater,
            Status = EnrolmentStatus.Enrolled,
            StartsOn = ended.EndedOn!.Value,
            ScopePath = target.ScopePath,
        };
        db.Enrolments().Add(next);
        var from = learner.InstitutionId;
        learner.InstitutionId = target.Id;
        learner.ScopePath = target.ScopePath;
        events.Publish(EnrolmentEvents.Transferred, learner.Id, target.ScopePath, new { learnerId = learner.Id, learner.LearnerNumber, from, to = target.Id, on = ended.EndedOn });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EnrolmentView.From(next));
    }
}
