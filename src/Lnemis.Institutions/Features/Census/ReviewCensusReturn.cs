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
/// The district's review: approve a submitted return (it is locked, its figures update the
/// registry's infrastructure record, census.approved is published) or return it with comments for
/// the school to correct. Whoever submitted a return cannot review it. A national census manager
/// can reopen an approved return, with a reason.
/// </summary>
public static class ReviewCensusReturn
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/census/returns/{id:guid}/approve", ApproveAsync).RequirePermission(CensusPermissions.Review).WithTags("Census");
        api.MapPost("/census/returns/{id:guid}/return", ReturnAsync).RequirePermission(CensusPermissions.Review).WithTags("Census");
        api.MapPost("/census/returns/{id:guid}/reopen", ReopenAsync).RequirePermission(CensusPermissions.Manage).WithTags("Census");
    }

    internal static async Task<IResult> ApproveAsync(
        Guid id, CensusComment? request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var (censusReturn, problem) = await LoadForReviewAsync(db, actor, id, request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        censusReturn!.Status = CensusReturnStatus.Approved;
        censusReturn.ReviewedAt = now;
        censusReturn.ReviewedBy = actor.UserId;
        CensusMapping.Record(db, censusReturn, "approved", request?.Comment, actor.UserId, now);

        var institution = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).FirstAsync(i => i.Id == censusReturn.InstitutionId, ct);
        var figures = censusReturn.Figures;
        institution.ClassroomsUsable = figures.ClassroomsUsable;
        institution.ClassroomsUnusable = figures.ClassroomsUnusable;
        institution.ToiletsMale = figures.ToiletsMale;
        institution.ToiletsFemale = figures.ToiletsFemale;
        institution.ToiletsShared = figures.ToiletsShared;
        institution.HasWater = figures.HasWater;
        institution.HasElectricity = figures.HasElectricity;
        institution.HasInternet = figures.HasInternet;

        events.Publish(CensusEvents.Approved, censusReturn.Id, censusReturn.ScopePath, CensusMapping.EventData(censusReturn, institution.Code));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }

    internal static async Task<IResult> ReturnAsync(
        Guid id, CensusComment? request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Comment))
        {
            return Problems.Field("comment", "Say what the school should correct.");
        }

        var (censusReturn, problem) = await LoadForReviewAsync(db, actor, id, request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        censusReturn!.Status = CensusReturnStatus.Returned;
        censusReturn.ReviewedAt = now;
        censusReturn.ReviewedBy = actor.UserId;
        CensusMapping.Record(db, censusReturn, "returned", request.Comment, actor.UserId, now);
        var code = await CensusMapping.InstitutionCodeAsync(db, censusReturn, ct);
        events.Publish(CensusEvents.Returned, censusReturn.Id, censusReturn.ScopePath, CensusMapping.EventData(censusReturn, code));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }

    internal static async Task<IResult> ReopenAsync(Guid id, CensusComment? request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Comment))
        {
            return Problems.Field("comment", "Give the reason for reopening an approved return.");
        }

        if (request.Comment.Length > 4000)
        {
            return Problems.Field("comment", "At most 4000 characters.");
        }

        var censusReturn = await db.CensusReturns().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (censusReturn is null)
        {
            return Problems.NotFound("The census return");
        }

        if (!actor.Access.Covers(CensusPermissions.Manage, censusReturn.ScopePath))
        {
            return Problems.Forbidden("Only a census manager can reopen an approved return.");
        }

        if (censusReturn.Status != CensusReturnStatus.Approved)
        {
            return Problems.Conflict("Only approved returns are reopened.");
        }

        var now = clock.GetUtcNow();
        censusReturn.Status = CensusReturnStatus.Returned;
        CensusMapping.Record(db, censusReturn, "reopened", request.Comment, actor.UserId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }

    private static async Task<(CensusReturn? Return, IResult? Problem)> LoadForReviewAsync(
        LnemisDbContext db, CurrentActor actor, Guid id, CensusComment? request, CancellationToken ct)
    {
        if (request?.Comment is { Length: > 4000 })
        {
            return (null, Problems.Field("comment", "At most 4000 characters."));
        }

        var censusReturn = await db.CensusReturns().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (censusReturn is null)
        {
            return (null, Problems.NotFound("The census return"));
        }

        if (!actor.Access.Covers(CensusPermissions.Review, censusReturn.ScopePath))
        {
            return (null, Problems.Forbidden("You do not review this institution's census returns."));
        }

        if (censusReturn.Status != CensusReturnStatus.Submitted)
        {
            return (null, Problems.Conflict(censusReturn.Status == CensusReturnStatus.Approved
                ? "The return is already approved and locked."
                : "Only a submitted return can be reviewed."));
        }

        var submitter = await db.CensusReturnEvents().Where(e => e.ReturnId == id && e.Action == "submitted")
            .OrderByDescending(e => e.At).Select(e => e.ActorId).FirstOrDefaultAsync(ct);
        if (submitter is not null && submitter == actor.UserId)
        {
            return (null, Problems.Forbidden("You submitted this return; another officer must review it."));
        }

        return (censusReturn, null);
    }
}
