using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>Reopens a closed or merged institution.</summary>
public static class ReopenInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/institutions/{id:guid}/reopen", HandleAsync).RequirePermission(InstitutionPermissions.Manage).Validate<StatusChangeRequest>().WithTags("Institutions");

    internal static Task<IResult> HandleAsync(
        Guid id, StatusChangeRequest request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct) =>
        StatusChanges.ApplyAsync(id, request, InstitutionStatus.Open, db, actor, events, clock, ct);
}
