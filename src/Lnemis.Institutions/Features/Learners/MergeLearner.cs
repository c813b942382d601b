using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Merges a duplicate learner record into the one that stays. Nothing is deleted: the duplicate
/// is marked Merged with a pointer to the survivor, both keep their histories (audit, and
/// enrolments once they exist), and a lookup of the old learner number leads to the survivor.
/// </summary>
public static class MergeLearner
{
    public sealed record Request(Guid IntoId, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.IntoId).NotEmpty();
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learners/{id:guid}/merge", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<Request>().WithTags("Learners");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (request.IntoId == id)
        {
            return Problems.Field("intoId", "A learner cannot be merged into itself.");
        }

        var learners = await db.Learners().Where(l => l.Id == id || l.Id == request.IntoId).ToListAsync(ct);
        var duplicate = learners.FirstOrDefault(l => l.Id == id);
        var survivor = learners.FirstOrDefault(l => l.Id == request.IntoId);
        if (duplicate is null)
        {
            return Problems.NotFound("The learner");
        }

        if (survivor is null)
        {
            return Problems.Field("intoId", "No such learner.");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, duplicate.ScopePath) || !actor.Access.Covers(LearnerPermissions.Manage, survivor.ScopePath))
        {
            return Problems.Forbidden("Merging needs the right to manage both records.");
        }

        if (duplicate.Status != LearnerStatus.Active || survivor.Status != LearnerStatus.Active)
        {
            return Problems.Conflict("Only two active records can be merged.");
        }

        db.Entry(duplicate).Property(l => l.Version).OriginalValue = request.Version;
        duplicate.Status = LearnerStatus.Merged;
        duplicate.MergedIntoId = survivor.Id;
        if (!survivor.HasNationalId && duplicate.HasNationalId)
        {
            survivor.NationalIdProtected = duplicate.NationalIdProtected;
            survivor.HasNationalId = true;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LearnerDetail.From(duplicate));
    }
}
