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
/// Undoes a year-end promotion in one transaction: the enrolments it created are removed (the
/// audit log keeps them) and the class's enrolments are active again. Refused once any created
/// enrolment has changed since (transferred, withdrawn, edited): undo that first.
/// </summary>
public static class UndoPromotion
{
    public sealed record Response(int Restored, int Removed);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrolments/promotions/{id:guid}/undo", HandleAsync).RequirePermission(LearnerPermissions.Manage).WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var ended = await db.Enrolments().Where(e => e.EndedByPromotion == id).ToListAsync(ct);
        if (ended.Count == 0)
        {
            return Problems.NotFound("The promotion");
        }

        if (ended.Any(e => !actor.Access.Covers(LearnerPermissions.Manage, e.ScopePath)))
        {
            return Problems.Forbidden("You do not manage all the learners of this promotion.");
        }

        var created = await db.Enrolments().Where(e => e.CreatedByPromotion == id).ToListAsync(ct);
        if (created.Any(e => e.Status != EnrolmentStatus.Enrolled || e.Version != 1))
        {
            return Problems.Conflict("Some enrolments of the promotion have changed since (transfer, withdrawal, edit); undo those first.");
        }

        db.Enrolments().RemoveRange(created);
        foreach (var enrolment in ended)
        {
            enrolment.Status = EnrolmentStatus.Enrolled;
            enrolment.EndedOn = null;
            enrolment.EndedByPromotion = null;
            enrolment.EndReason = null;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(ended.Count, created.Count));
    }
}
