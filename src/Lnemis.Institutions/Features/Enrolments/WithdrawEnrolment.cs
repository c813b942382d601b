using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>Withdraws a learner (dropout, moved abroad, death …): the reason is required; the record stays.</summary>
public static class WithdrawEnrolment
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrolments/{id:guid}/withdraw", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<EndingRequest>().WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync(Guid id, EndingRequest request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var (enrolment, problem) = await Endings.EndAsync(db, actor, clock, id, request, EnrolmentStatus.Withdrawn, reasonRequired: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EnrolmentView.From(enrolment!));
    }
}
