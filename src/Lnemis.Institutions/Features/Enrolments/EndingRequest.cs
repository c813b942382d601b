using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>Ending an enrolment: on which day, why, and the version read.</summary>
public sealed record EndingRequest(DateOnly? On, string? Reason, long Version);

public sealed class EndingRequestValidator : AbstractValidator<EndingRequest>
{
    public EndingRequestValidator()
    {
        RuleFor(r => r.Reason).MaximumLength(500);
        RuleFor(r => r.Version).GreaterThan(0);
    }
}

internal static class Endings
{
    /// <summary>Loads an active enrolment the caller manages and ends it with the status; the caller saves.</summary>
    public static async Task<(Enrolment? Enrolment, IResult? Problem)> EndAsync(
        LnemisDbContext db, CurrentActor actor, TimeProvider clock, Guid id, EndingRequest request, EnrolmentStatus status, bool reasonRequired, CancellationToken ct)
    {
        var enrolment = await db.Enrolments().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enrolment is null)
        {
            return (null, Problems.NotFound("The enrolment"));
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, enrolment.ScopePath))
        {
            return (null, Problems.Forbidden("You do not manage this enrolment."));
        }

        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            return (null, Problems.Conflict($"The enrolment has ended already ({enrolment.Status})."));
        }

        if (reasonRequired && string.IsNullOrWhiteSpace(request.Reason))
        {
            return (null, Problems.Field("reason", "Give the reason."));
        }

        var on = request.On ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (on < enrolment.StartsOn)
        {
            return (null, Problems.Field("on", "The enrolment cannot end before it started."));
        }

        db.Entry(enrolment).Property(e => e.Version).OriginalValue = request.Version;
        enrolment.Status = status;
        enrolment.EndedOn = on;
        enrolment.EndReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        return (enrolment, null);
    }
}
