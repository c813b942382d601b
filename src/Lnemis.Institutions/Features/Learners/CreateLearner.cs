using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Registers a learner at an institution and issues the learner number. Possible duplicates in
/// the district stop the registration (409 listing them) unless the user confirms it is another
/// person (confirmedNotDuplicate). Publishes learner.created.
/// </summary>
public static class CreateLearner
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learners", HandleAsync).RequirePermission(LearnerPermissions.Manage).Validate<LearnerFields>().WithTags("Learners");

    internal static async Task<IResult> HandleAsync(
        LearnerFields request, LnemisDbContext db, CurrentActor actor, NationalIds nationalIds, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var institution = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (institution is null)
        {
            return Problems.Field("institutionId", "No such institution.");
        }

        if (!actor.Access.Covers(LearnerPermissions.Manage, institution.ScopePath))
        {
            return Problems.Forbidden("You can only register learners at an institution you manage.");
        }

        if (institution.Status != InstitutionStatus.Open)
        {
            return Problems.Field("institutionId", "The institution is not open.");
        }

        if (!request.ConfirmedNotDuplicate)
        {
            var duplicates = await DuplicateFinder.FindAsync(db, actor, request.GivenName, request.FamilyName, request.Sex, request.DateOfBirth, institution, null, ct);
            if (duplicates.Count > 0)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Possible duplicate",
                    detail: "A learner with a similar name, the same sex and date of birth is registered in this district. Transfer or merge that record, or confirm this is another person.",
                    extensions: new Dictionary<string, object?> { ["duplicates"] = duplicates });
            }
        }

        var number = LearnerNumbers.Issue();
        while (await db.Learners().IgnoreQueryFilters().AnyAsync(l => l.LearnerNumber == number, ct))
        {
            number = LearnerNumbers.Issue();
        }

        var learner = new Learner { Id = Guid.CreateVersion7(), LearnerNumber = number, GivenName = "", FamilyName = "", ScopePath = "", CreatedAt = clock.GetUtcNow() };
        LearnerMapping.Apply(learner, request, institution, nationalIds);
        db.Learners().Add(learner);
        events.Publish(LearnerEvents.Created, learner.Id, learner.ScopePath, new { learner.Id, learner.LearnerNumber, learner.InstitutionId });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/learners/{learner.Id}", LearnerDetail.From(learner));
    }
}
