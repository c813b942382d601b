using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Platform.Features.Audit;

/// <summary>Browse the audit log, newest first, by entity or user. Only national auditors may read it.</summary>
public static class ListAuditRecords
{
    public sealed record AuditView(long Sequence, DateTimeOffset At, Guid? UserId, string? UserEmail, string? Actor, string Action, string EntityType, string? EntityId, string? Changes, string? RequestId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", HandleAsync).RequirePermission(PlatformPermissions.AuditRead).WithTags("Audit");

    public static async Task<Results<Ok<Page<AuditView>>, ProblemHttpResult>> HandleAsync(
        ReplicaDbContext db, CurrentActor actor, string? entityType, string? entityId, Guid? userId, int? page, int? pageSize, CancellationToken ct)
    {
        // Audit entries are not placed in the scope tree; a grant below the whole country is not enough.
        if (!actor.Access.IsUnrestricted(PlatformPermissions.AuditRead))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "The audit log is readable with a national grant only.");
        }

        var query = db.AuditRecords.AsQueryable();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(r => r.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(r => r.EntityId == entityId);
        }

        if (userId is not null)
        {
            query = query.Where(r => r.UserId == userId);
        }

        var result = await query
            .OrderByDescending(r => r.Sequence)
            .Select(r => new AuditView(r.Sequence, r.At, r.UserId, r.UserId != null ? r.Actor : null, r.Actor, r.Action, r.EntityType, r.EntityId, r.Changes, r.RequestId))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
