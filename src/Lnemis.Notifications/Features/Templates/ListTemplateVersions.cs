using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.Templates;

/// <summary>The saved versions of one event's template on one channel, newest first.</summary>
public static class ListTemplateVersions
{
    public sealed record VersionView(int Version, string? Subject, string Body, DateTimeOffset CreatedAt, Guid? CreatedBy);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/templates/{event}/{channel}/versions", HandleAsync).RequirePermission(NotificationPermissions.Read).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(string @event, string channel, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        if (TemplateRules.Find(@event, channel) is not (_, Channel kind))
        {
            return Problems.NotFound("The event or channel");
        }

        var result = await db.NotificationTemplates().Where(t => t.Event == @event && t.Channel == kind)
            .OrderByDescending(t => t.Version)
            .Select(t => new VersionView(t.Version, t.Subject, t.Body, t.CreatedAt, t.CreatedBy))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
