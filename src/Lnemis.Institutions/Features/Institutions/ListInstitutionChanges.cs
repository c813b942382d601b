using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>The audit trail of one institution (who changed what, when, before and after), newest first, for its detail page.</summary>
public static class ListInstitutionChanges
{
    public sealed record ChangeView(long Sequence, DateTimeOffset At, string? Actor, string Action, string? Changes);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/institutions/{id:guid}/changes", HandleAsync).RequirePermission(InstitutionPermissions.Read).WithTags("Institutions");

    internal static async Task<IResult> HandleAsync(Guid id, int? page, int? pageSize, LnemisDbContext db, CancellationToken ct)
    {
        if (!await db.Institutions().AnyAsync(i => i.Id == id, ct))
        {
            return Problems.NotFound("The institution");
        }

        var key = id.ToString();
        var changes = await db.Set<AuditRecord>().AsNoTracking()
            .Where(r => (r.EntityType == nameof(Institution) && r.EntityId == key)
                || (r.EntityType == nameof(InstitutionStatusChange) && r.Changes != null && r.Changes.Contains(key)))
            .OrderByDescending(r => r.Sequence)
            .Select(r => new ChangeView(r.Sequence, r.At, r.Actor, r.Action, r.Changes))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(changes);
    }
}
