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

namespace Lnemis.Institutions.Features.Census;

/// <summary>
/// Submits a return for review: runs the checks, refuses while any blocker remains (422 with the
/// findings), otherwise freezes the derived counts and findings and publishes census.submitted.
/// </summary>
public static class SubmitCensusReturn
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/census/returns/{id:guid}/submit", HandleAsync).RequirePermission(CensusPermissions.Submit).WithTags("Census");

    internal static async Task<IResult> HandleAsync(
        Guid id, CensusComment? request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var censusReturn = await db.CensusReturns().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (censusReturn is null)
        {
            return Problems.NotFound("The census return");
        }

        if (!actor.Access.Covers(CensusPermissions.Submit, censusReturn.ScopePath))
        {
            return Problems.Forbidden("You cannot submit this institution's census return.");
        }

        if (!CensusMapping.IsEditable(censusReturn))
        {
            return Problems.Conflict(censusReturn.Status == CensusReturnStatus.Approved
                ? "The return is approved and locked."
                : "The return has already been submitted.");
        }

        if (request?.Comment is { Length: > 4000 })
        {
            return Problems.Field("comment", "At most 4000 characters.");
        }

        var round = await db.CensusRounds().AsNoTracking().FirstAsync(r => r.Id == censusReturn.RoundId, ct);
        var outcome = await CensusChecks.RunAsync(db, censusReturn, round, ct);
        if (outcome.Blocked)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The return has problems to fix before it can be submitted.",
                detail: string.Join(" ", outcome.Findings.Where(f => f.Severity == CheckSeverity.Blocker).Select(f => f.Message)),
                extensions: new Dictionary<string, object?> { ["findings"] = outcome.Findings.Select(CensusMapping.FindingView).ToList() });
        }

        var now = clock.GetUtcNow();
        if (DateOnly.FromDateTime(now.UtcDateTime) > round.Deadline)
        {
            outcome.Findings.Add(new CensusFinding
            {
                Check = "late",
                Severity = CheckSeverity.Warning,
                Message = $"Submitted after the deadline of {round.Deadline:yyyy-MM-dd}.",
            });
        }

        censusReturn.Counts = outcome.Counts;
        censusReturn.Findings = outcome.Findings;
        censusReturn.Status = CensusReturnStatus.Submitted;
        censusReturn.SubmittedAt = now;
        CensusMapping.Record(db, censusReturn, "submitted", request?.Comment, actor.UserId, now);
        var code = await CensusMapping.InstitutionCodeAsync(db, censusReturn, ct);
        events.Publish(CensusEvents.Submitted, censusReturn.Id, censusReturn.ScopePath, CensusMapping.EventData(censusReturn, code));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }
}
