using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Corrects a learner's details (with the version read: a stale edit gets 409). The learner number
/// never changes; moving to another school is a transfer (an enrolment action), not an edit.
/// An empty nationalId keeps the stored one.
/// </summary>
public static class UpdateLearner
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/learners/{id:guid}", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<LearnerFields>().WithTags("Learners");

    internal static async Task<IResult> HandleAsync(Guid id, LearnerFields request, LnemisDbContext db, CurrentActor actor, NationalIds nationalIds, CancellationToken ct)
    {
        var learner = await db.Learners().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (learner is null)
        {
            return Problems.NotFound("The learner");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, learner.ScopePath))
        {
            return Problems.Forbidden("You do not manage this learner's records.");
        }

        if (request.Version is not { } version)
        {
            return Problems.Field("version", "Send the version you read.");
        }

        if (request.InstitutionId != learner.InstitutionId)
        {
            return Problems.Field("institutionId", "Use a transfer to move a learner to another institution.");
        }

        var institution = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking().SingleAsync(i => i.Id == learner.InstitutionId, ct);
        db.Entry(learner).Property(l => l.Version).OriginalValue = version;
        LearnerMapping.Apply(learner, request, institution, nationalIds);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LearnerDetail.From(learner));
    }
}
