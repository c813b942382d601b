using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>Merges an open institution into another open one (its successor); both keep their history.</summary>
public static class MergeInstitution
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/institutions/{id:guid}/merge", HandleAsync).RequirePermission(InstitutionPermissions.Manage).Validate<StatusChangeRequest>().WithTags("Institutions");

    internal static Task<IResult> HandleAsync(
        Guid id, StatusChangeRequest request, LnemisDbContext db, CurrentActor actor, EventPublisher events, TimeProvider clock, CancellationToken ct) =>
        StatusChanges.ApplyAsync(id, request, InstitutionStatus.Merged, db, actor, events, clock, ct);
}
