using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Areas;

/// <summary>
/// Moves an area (with everything below it) under another parent, or to the top when parentId is
/// null. The caller must manage both the area and the new parent. In one transaction the area,
/// the levels below it and the scope path of every record in the subtree (areas, schools,
/// learners, staff, enrolments, census returns, role grants, API clients) change together, so a
/// district officer's grant keeps covering their district wherever it now hangs.
/// </summary>
public static class MoveArea
{
    public sealed record Request(Guid? ParentId, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Version).GreaterThan(0);
    }

    /// <summary>Re-applies a move a minute later: a record written concurrently from the old path is put right.</summary>
    public sealed record RepairMessage(Guid AreaId, string OldPath);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/areas/{id:guid}/move", HandleAsync).RequirePermission(AreaPermissions.Manage).Validate<Request>().WithTags("Areas");

    internal static async Task<IResult> HandleAsync(
        Guid id, Request request, LnemisDbContext db, CurrentActor actor, Outbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var area = await db.Areas().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return Problems.NotFound("The area");
        }

        if (!actor.Access.Covers(AreaPermissions.Manage, area.ScopePath))
        {
            return Problems.Forbidden("You do not manage this area.");
        }

        Area? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Areas().AsNoTracking().FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                return Problems.Field("parentId", "No such area.");
            }

            if (parent.ScopePath.StartsWith(area.ScopePath, StringComparison.Ordinal))
            {
                return Problems.Field("parentId", "An area cannot move below itself.");
            }
        }

        if (!actor.Access.Covers(AreaPermissions.Manage, parent?.ScopePath ?? AccessScope.CountryPath))
        {
            return Problems.Forbidden("You can only move an area into an area you manage.");
        }

        if (area.ParentId == parent?.Id)
        {
            return TypedResults.Ok(AreaView.From(area));
        }

        var oldPath = area.ScopePath;
        var newPath = Area.PathFor(parent, area.Id);
        var levelChange = (parent?.Level ?? -1) + 1 - area.Level;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(area).Property(a => a.Version).OriginalValue = request.Version;
        area.ParentId = parent?.Id;
        area.Level += levelChange;
        area.ScopePath = newPath;
        outbox.Enqueue(new RepairMessage(area.Id, oldPath), runAt: clock.GetUtcNow().AddMinutes(1));
        await db.SaveChangesAsync(ct);

        await db.Areas().IgnoreQueryFilters().Where(a => a.ScopePath.StartsWith(oldPath))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Level, a => a.Level + levelChange), ct);
        await ScopePathRewriter.RewriteAsync(db, oldPath, newPath, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(AreaView.From(area));
    }

    /// <summary>Rewrites anything still on the old path to where the area is now (it may have moved again since).</summary>
    internal sealed class RepairHandler(LnemisDbContext db) : IJobHandler<RepairMessage>
    {
        public async Task HandleAsync(RepairMessage message, JobContext context, CancellationToken ct)
        {
            var current = await db.Areas().IgnoreQueryFilters().Where(a => a.Id == message.AreaId).Select(a => a.ScopePath).FirstOrDefaultAsync(ct);
            if (current is not null && current != message.OldPath)
            {
                await ScopePathRewriter.RewriteAsync(db, message.OldPath, current, ct);
            }
        }
    }
}
