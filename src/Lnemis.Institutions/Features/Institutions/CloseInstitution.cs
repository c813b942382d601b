using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>Closes an open institution (reason and date kept; the record stays).</summary>
public static class CloseInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/institutions/{id:guid}/close", HandleAsync).RequirePermission(InstitutionPermissions.Manage).Validate<StatusChangeRequest>().WithTags("Institutions");

    internal static Task<IResult> HandleAsync(
        Guid id, StatusChangeRequest request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct) =>
        StatusChanges.ApplyAsync(id, request, InstitutionStatus.Closed, db, actor, events, clock, ct);
}
