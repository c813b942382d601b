using Lnemis.Notifications.Domain;
using Lnemis.Notifications.Sending;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.Templates;

/// <summary>
/// Every event with a template, its placeholders and the text in force per channel (version 0 is
/// the built-in default). The catalog is fixed and short (one row per event), so it is not paged.
/// </summary>
public static class ListTemplates
{
    public sealed record ChannelTemplate(Channel Channel, int Version, bool IsDefault, string? Subject, string Body);

    public sealed record EventTemplates(string Event, string Description, IReadOnlyList<string> Placeholders, IReadOnlyList<ChannelTemplate> Channels);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/templates", HandleAsync).RequirePermission(NotificationPermissions.Read).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CancellationToken ct)
    {
        var result = new List<EventTemplates>();
        foreach (var definition in TemplateCatalog.All)
        {
            var current = await TemplateStore.CurrentAsync(db, definition, ct);
            result.Add(new EventTemplates(definition.Event, definition.Description, definition.AllSamples().Keys.Order(StringComparer.Ordinal).ToList(),
                current.Values.Select(c => new ChannelTemplate(c.Channel, c.Version, c.Version == 0, c.Text.Subject, c.Text.Body)).ToList()));
        }

        return TypedResults.Ok(result);
    }
}
