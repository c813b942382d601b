using Lnemis.Notifications.Domain;
using Lnemis.Notifications.Sending;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.Templates;

/// <summary>
/// Renders a template with the event's sample data (overridden by any values given): the text
/// in the request, or the one in force when the request has none. Checked like a save.
/// </summary>
public static class PreviewTemplate
{
    public sealed record Request(string? Subject, string? Body, IReadOnlyDictionary<string, string>? Data);

    public sealed record Preview(Channel Channel, string? Subject, string Body);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/templates/{event}/{channel}/preview", HandleAsync).RequirePermission(NotificationPermissions.Read).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(string @event, string channel, Request request, LnemisDbContext db, CancellationToken ct)
    {
        if (TemplateRules.Find(@event, channel) is not (EventDefinition definition, Channel kind))
        {
            return Problems.NotFound("The event or channel");
        }

        var text = (await TemplateStore.CurrentAsync(db, definition, ct))[kind].Text;
        if (request.Body is not null)
        {
            text = new TemplateText(request.Subject, request.Body);
            if (TemplateRules.Check(definition, kind, request.Subject, request.Body) is { Count: > 0 } errors)
            {
                return Problems.Validation(errors);
            }
        }

        var values = new Dictionary<string, string>(definition.AllSamples(), StringComparer.Ordinal);
        foreach (var (key, value) in request.Data ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var rendered = TemplateCatalog.Render(text, values);
        return TypedResults.Ok(new Preview(kind, rendered.Subject, rendered.Body));
    }
}
