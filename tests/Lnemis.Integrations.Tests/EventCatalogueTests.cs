using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Events;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Integrations.Tests;

/// <summary>GET /api/v1/webhooks/events, and the check EventPublisher makes against it.</summary>
public sealed class EventCatalogueTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    /// <summary>
    /// Every event-type constant in the modules' *Events classes (and FireCaseEvent's case events),
    /// found by reflection: the names the code publishes with. The notification-only events
    /// (CaseNotificationEvents) are requests to the notifier, not integration events.
    /// </summary>
    private static HashSet<string> DeclaredEventTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name!.StartsWith("Lnemis.", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => (t.Name.EndsWith("Events", StringComparison.Ordinal) && !t.Name.Contains("Notification", StringComparison.Ordinal)) || t == typeof(FireCaseEvent))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.Contains('.', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task Catalogue_ListsExactlyTheEventTypesTheCodeDeclares_WithModuleDescriptionAndExample()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.Viewer);

        var events = (await client.GetJsonAsync("/api/v1/webhooks/events"))["events"]!.AsArray();

        var names = events.Select(e => e!["name"]!.GetValue<string>()).ToList();
        var declared = DeclaredEventTypes();
        Assert.True(declared.Count >= 17, $"Only {declared.Count} event types found by reflection: {string.Join(", ", declared)}");
        Assert.Equal(declared.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
        Assert.Contains("payment.pending", names);
        Assert.All(events, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e!["module"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(e["description"]!.GetValue<string>()));
            Assert.True(e["example"] is JsonObject { Count: > 0 }, $"{e["name"]} has no example payload");
        });
        var institution = events.Single(e => e!["name"]!.GetValue<string>() == "institution.created")!;
        Assert.Equal("Institutions", institution["module"]!.GetValue<string>());
        Assert.Equal("Kiganjo Primary School", institution["example"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalogue_FiltersByModule_AndNeedsASignedInCaller()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.Viewer);

        var events = (await client.GetJsonAsync("/api/v1/webhooks/events?module=correspondence"))["events"]!.AsArray();

        Assert.Equal(["case.assigned", "case.closed", "case.ready_for_clearance", "case.redraft_requested"], events.Select(e => e!["name"]!.GetValue<string>()));
        var anonymous = await factory.CreateTestClient().GetAsync("/api/v1/webhooks/events");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task EveryExample_IsAPayloadThePublisherAccepts()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        var events = (await client.GetJsonAsync("/api/v1/webhooks/events"))["events"]!.AsArray();

        await factory.AsSystemAsync(sp =>
        {
            var publisher = sp.GetRequiredService<EventPublisher>();
            foreach (var e in events)
            {
                // Published as the JSON the catalogue shows: the same fields are accepted.
                var example = JsonSerializer.Deserialize<JsonElement>(e!["example"]!.ToJsonString());
                Assert.NotEqual(Guid.Empty, publisher.Publish(e["name"]!.GetValue<string>(), Guid.NewGuid(), "/", example));
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Publisher_RefusesAnUncataloguedType_AndAPayloadThatDriftedFromTheExample()
    {
        await factory.AsSystemAsync(sp =>
        {
            var publisher = sp.GetRequiredService<EventPublisher>();
            var catalogue = sp.GetRequiredService<IntegrationEventCatalogue>();
            var unknown = Assert.Throws<InvalidOperationException>(() => publisher.Publish("learner.vanished", Guid.NewGuid(), "/", new { id = 1 }));
            Assert.Contains("not in the event catalogue", unknown.Message, StringComparison.Ordinal);

            var example = JsonNode.Parse(catalogue.Find("learner.created")!.ExampleJson.GetRawText())!.AsObject();
            example.Remove("learnerNumber");
            var missing = Assert.Throws<InvalidOperationException>(() =>
                publisher.Publish("learner.created", Guid.NewGuid(), "/", JsonSerializer.Deserialize<JsonElement>(example.ToJsonString())));
            Assert.Contains("learnerNumber", missing.Message, StringComparison.Ordinal);

            example["learnerNumber"] = "1";
            example["nationalId"] = "secret";
            Assert.Throws<InvalidOperationException>(() =>
                publisher.Publish("learner.created", Guid.NewGuid(), "/", JsonSerializer.Deserialize<JsonElement>(example.ToJsonString())));
            return Task.CompletedTask;
        });
    }
}
