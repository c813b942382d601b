using System.Collections.Frozen;
using System.Text.Json;
using Lnemis.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Events;

/// <summary>
/// One integration event type a module publishes: its name, the module, what it means, and an
/// example payload. The example should be built by the code that builds the real payload (or at
/// least with the same shape): <see cref="EventPublisher"/> refuses to publish a payload whose
/// fields differ from the example's, so the catalogue cannot drift from what is sent (ADR 0027).
/// </summary>
public sealed record IntegrationEventDefinition(string Name, string Module, string Description, object Example)
{
    /// <summary>
    /// The example as it goes on the wire (the outbox's JSON settings). Made once, when the definition
    /// is: a lazily filled <c>JsonElement?</c> is a multi-word struct that a worker thread could read
    /// half-written while a request thread fills it (seen as an example with no fields).
    /// </summary>
    public JsonElement ExampleJson { get; } = JsonSerializer.SerializeToElement(Example, JobRegistry.Json);

    /// <summary>The top-level field names of a payload, in order.</summary>
    public static IReadOnlyList<string> FieldsOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object ? payload.EnumerateObject().Select(p => p.Name).ToList() : [];
}

/// <summary>Every event type the platform publishes, from the definitions the modules register with <see cref="EventCatalogueRegistration.AddIntegrationEvents"/>.</summary>
public sealed class IntegrationEventCatalogue
{
    private readonly FrozenDictionary<string, IntegrationEventDefinition> byName;

    public IntegrationEventCatalogue(IEnumerable<IntegrationEventDefinition> definitions)
    {
        var list = definitions.ToList();
        var repeated = list.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new InvalidOperationException($"Integration event(s) defined twice: {string.Join(", ", repeated)}.");
        }

        All = list.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        byName = list.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<IntegrationEventDefinition> All { get; }

    public IntegrationEventDefinition? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>
    /// Throws when <paramref name="type"/> is not catalogued or the payload's fields are not the
    /// example's: a programming error that the module's own tests meet first.
    /// </summary>
    public void Check(string type, JsonElement payload)
    {
        var definition = Find(type)
            ?? throw new InvalidOperationException($"The integration event '{type}' is not in the event catalogue: register it with AddIntegrationEvents.");
        var expected = IntegrationEventDefinition.FieldsOf(definition.ExampleJson);
        var actual = IntegrationEventDefinition.FieldsOf(payload);
        if (!expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The payload of '{type}' has fields [{string.Join(", ", actual)}] but the catalogue's example has [{string.Join(", ", expected)}].");
        }
    }
}

public static class EventCatalogueRegistration
{
    /// <summary>Adds a module's event types to the catalogue (GET /api/v1/webhooks/events).</summary>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services, IEnumerable<IntegrationEventDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            services.AddSingleton(definition);
        }

        return services;
    }
}
