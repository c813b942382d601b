using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>A status change request: why, from when, and (for a merge) into which institution.</summary>
public sealed record StatusChangeRequest(string Reason, DateOnly? EffectiveOn, Guid? SuccessorId, long Version);

public sealed class StatusChangeRequestValidator : AbstractValidator<StatusChangeRequest>
{
    public StatusChangeRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
        RuleFor(r => r.Version).GreaterThan(0);
    }
}

/// <summary>
/// Closing, merging and reopening: decided at the area level (a head teacher cannot close their
/// own school), recorded as a status change with its reason, the record kept, an event published.
/// </summary>
internal static class StatusChanges
{
    public static async Task<IResult> ApplyAsync(
        Guid id, StatusChangeRequest request, InstitutionStatus to, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var institution = await db.Institutions().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Problems.NotFound("The institution");
        }

        if (!actor.Access.Covers(InstitutionPermissions.Manage, Institution.AreaPathOf(institution.ScopePath)))
        {
            return Problems.Forbidden("Closing, merging or reopening an institution is decided by the area that manages it.");
        }

        var allowed = to == InstitutionStatus.Open ? institution.Status != InstitutionStatus.Open : institution.Status == InstitutionStatus.Open;
        if (!allowed)
        {
            return Problems.Conflict($"The institution is {institution.Status.ToString().ToLowerInvariant()}; it cannot become {to.ToString().ToLowerInvariant()}.");
        }

        Guid? successorId = null;
        if (to == InstitutionStatus.Merged)
        {
            if (request.SuccessorId is not { } wanted || wanted == id)
            {
                return Problems.Field("successorId", "Choose the institution it merges into.");
            }

            var successor = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == wanted, ct);
            if (successor is null)
            {
                return Problems.Field("successorId", "No such institution.");
            }

            if (successor.Status != InstitutionStatus.Open)
            {
                return Problems.Field("successorId", "An institution can only merge into an open one.");
            }

            successorId = successor.Id;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var effective = request.EffectiveOn ?? today;
        db.Entry(institution).Property(i => i.Version).OriginalValue = request.Version;
        db.InstitutionStatusChanges().Add(new InstitutionStatusChange
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institution.Id,
            From = institution.Status,
            To = to,
            SuccessorId = successorId,
            EffectiveOn = effective,
            Reason = request.Reason.Trim(),
            ChangedBy = actor.UserId,
            ChangedAt = clock.GetUtcNow(),
        });
        institution.Status = to;
        institution.SuccessorId = successorId;
        institution.StatusChangedOn = effective;
        institution.StatusReason = request.Reason.Trim();
        events.Publish(to == InstitutionStatus.Open ? InstitutionEvents.Updated : InstitutionEvents.Closed, institution.Id, institution.ScopePath, InstitutionMapping.EventData(institution));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await InstitutionMapping.DetailAsync(db, institution, ct));
    }
}
