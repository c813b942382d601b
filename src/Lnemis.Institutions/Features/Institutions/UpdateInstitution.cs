using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>
/// Edits an institution (with the version read: a stale edit gets 409). A head teacher may edit
/// their own school's details; moving it to another area needs the right to manage both areas, and
/// the school's records move with it (<see cref="InstitutionMove"/>).
/// </summary>
public static class UpdateInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/institutions/{id:guid}", HandleAsync).RequirePermission(InstitutionPermissions.Manage).Validate<InstitutionFields>().WithTags("Institutions");

    internal static async Task<IResult> HandleAsync(
        Guid id, InstitutionFields request, LnemisDbContext db, CurrentActor actor, EventPublisher events, Outbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var institution = await db.Institutions().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Problems.NotFound("The institution");
        }

        if (!actor.Access.Covers(InstitutionPermissions.Manage, institution.ScopePath))
        {
            return Problems.Forbidden("You do not manage this institution.");
        }

        if (request.Version is not { } version)
        {
            return Problems.Field("version", "Send the version you read.");
        }

        // A head teacher cannot see areas, but may keep the school where it is.
        var areas = request.AreaId == institution.AreaId ? db.Areas().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]) : db.Areas();
        var area = await areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AreaId, ct);
        if (area is null)
        {
            return Problems.Field("areaId", "No such area.");
        }

        if (area.Id != institution.AreaId && !actor.Access.Covers(InstitutionPermissions.Manage, area.ScopePath))
        {
            return Problems.Forbidden("You can only move an institution into an area you manage.");
        }

        if (area.Id != institution.AreaId && !actor.Access.Covers(InstitutionPermissions.Manage, Institution.AreaPathOf(institution.ScopePath)))
        {
            return Problems.Forbidden("Moving an institution to another area needs the right to manage its current area.");
        }

        db.Entry(institution).Property(i => i.Version).OriginalValue = version;
        var oldPath = institution.ScopePath;
        var errors = await InstitutionMapping.ApplyAsync(db, institution, request, area, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (db.ChangeTracker.HasChanges())
        {
            events.Publish(InstitutionEvents.Updated, institution.Id, institution.ScopePath, InstitutionMapping.EventData(institution));
        }

        if (institution.ScopePath == oldPath)
        {
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InstitutionMapping.DetailAsync(db, institution, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        InstitutionMove.Queue(outbox, clock, institution.Id, oldPath);
        await db.SaveChangesAsync(ct);
        await InstitutionMove.RecordsFollowAsync(db, oldPath, institution.ScopePath, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await InstitutionMapping.DetailAsync(db, institution, ct));
    }
}
