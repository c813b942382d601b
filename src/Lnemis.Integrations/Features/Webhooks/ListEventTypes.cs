using System.Text.Json;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Integrations.Features.Webhooks;

/// <summary>
/// The event catalogue: every integration event type the platform publishes, with its module, what
/// it means and an example payload (the <c>data</c> of a delivery). Built from the modules' own
/// definitions, which every publish is checked against (ADR 0027). Open to any signed-in caller:
/// it describes the platform, not anyone's data. A short fixed list, so not paged.
/// </summary>
public static class ListEventTypes
{
    public sealed record EventTypeView(string Name, string Module, string Description, JsonElement Example);

    public sealed record Response(IReadOnlyList<EventTypeView> Events);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/events", Handle).RequireAuthorization().WithTags("Webhooks");

    internal static IResult Handle(IntegrationEventCatalogue catalogue, string? module) =>
        TypedResults.Ok(new Response(catalogue.All
            .Where(d => string.IsNullOrEmpty(module) || string.Equals(d.Module, module, StringComparison.OrdinalIgnoreCase))
            .Select(d => new EventTypeView(d.Name, d.Module, d.Description, d.ExampleJson))
            .ToList()));
}
