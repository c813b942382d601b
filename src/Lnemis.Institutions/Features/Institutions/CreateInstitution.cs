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

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>Registers an institution in a leaf area the caller manages; publishes institution.created.</summary>
public static class CreateInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/institutions", HandleAsync).RequirePermission(InstitutionPermissions.Manage).Validate<InstitutionFields>().WithTags("Institutions");

    internal static async Task<IResult> HandleAsync(InstitutionFields request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var area = await db.Areas().AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AreaId, ct);
        if (area is null)
        {
            return Problems.Field("areaId", "No such area.");
        }

        if (!actor.Access.Covers(InstitutionPermissions.Manage, area.ScopePath))
        {
            return Problems.Forbidden("You can only register institutions in an area you manage.");
        }

        var institution = new Institution { Id = Guid.CreateVersion7(), Code = "", Name = "", ScopePath = "", CreatedAt = clock.GetUtcNow() };
        var errors = await InstitutionMapping.ApplyAsync(db, institution, request, area, ct);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        db.Institutions().Add(institution);
        events.Publish(InstitutionEvents.Created, institution.Id, institution.ScopePath, InstitutionMapping.EventData(institution));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}", await InstitutionMapping.DetailAsync(db, institution, ct));
    }
}
