using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Integrations.Webhooks;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Tests;

public sealed class WebhookTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private readonly Given given = new(factory);

    internal static async Task<(Guid Id, string Secret)> SubscribeAsync(TestClient admin, string url, params string[] eventTypes)
    {
        var created = await (await admin.PostAsync("/api/v1/webhooks/subscriptions", new { name = "Receiver", url, eventTypes })).ReadJsonAsync(HttpStatusCode.Created);
        return (created["subscription"]!["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    internal static async Task<JsonArray> DeliveriesAsync(TestClient admin, Guid subscription) =>
        (await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries"))["items"]!.AsArray();

    [Fact]
    public async Task Event_IsDeliveredSigned_AndTheReceiverVerifiesIt()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await using var receiver = new WebhookReceiver();
        var (subscription, secret) = await SubscribeAsync(admin, receiver.Url(), "signed.*");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var shown = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}");
        Assert.Null(shown["secret"]);
        Assert.DoesNotContain(secret, shown.ToJsonString(), StringComparison.Ordinal);

        var other = await Events.PublishAsync(factory, "unrelated.thing");
        var ids = await Events.PublishAsync(factory, "signed.thing");
        await Wait.UntilAsync(async () => (await DeliveriesAsync(admin, subscription)).Any(d => d!["state"]!.GetValue<string>() == "Delivered"), "the delivery");

        var request = Assert.Single(receiver.Received);
        Assert.Equal(ids[0].ToString(), request.Header(WebhookHeaders.EventId));
        Assert.Equal("signed.thing", request.Header(WebhookHeaders.EventType));
        Assert.Equal(ids[0], request.Json()["id"]!.GetValue<Guid>());
        Assert.Equal("test", request.Json()["data"]!["note"]!.GetValue<string>());
        var timestamp = request.Header(WebhookHeaders.Timestamp);
        var signature = request.Header(WebhookHeaders.Signature);
        var now = DateTimeOffset.UtcNow;
        var window = TimeSpan.FromMinutes(5);
        Assert.True(RequestSignature.Verify(secret, signature, timestamp, request.Body, now, window));

        // What a receiver must refuse: another secret, a changed body, a replay outside the window.
        Assert.False(RequestSignature.Verify(secret + "x", signature, timestamp, request.Body, now, window));
        Assert.False(RequestSignature.Verify(secret, signature, timestamp, request.Body.Replace("test", "tset", StringComparison.Ordinal), now, window));
        Assert.False(RequestSignature.Verify(secret, signature, timestamp, request.Body, now.AddMinutes(6), window));

        var delivery = Assert.Single(await DeliveriesAsync(admin, subscription));
        Assert.Equal(1, delivery!["attempts"]!.GetValue<int>());
        Assert.Equal(ids[0], delivery["eventId"]!.GetValue<Guid>());
        Assert.DoesNotContain(other[0].ToString(), receiver.Received.Select(r => r.Header(WebhookHeaders.EventId)));
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedWithBackoff_ThenDisabled_ThenReEnabledAndResent()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await using var receiver = new WebhookReceiver();
        var healthy = false;
        receiver.Answer = (_, _) => Task.FromResult(healthy ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
        var (subscription, secret) = await SubscribeAsync(admin, receiver.Url(), "retry.happened");

        var ids = await Events.PublishAsync(factory, "retry.happened");
        await Wait.UntilAsync(async () => !(await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}"))["enabled"]!.GetValue<bool>(), "the subscription to be disabled");

        var attempts = receiver.Received;
        Assert.Equal(WebhookFactory.DisableAfter, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(ids[0].ToString(), a.Header(WebhookHeaders.EventId)));
        // Exponential backoff: 0.3 s, then 0.6 s (at least; jitter and polling only add).
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(WebhookFactory.RetryBaseSeconds * 0.95), $"{attempts[1].At - attempts[0].At}");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromSeconds(WebhookFactory.RetryBaseSeconds * 2 * 0.95), $"{attempts[2].At - attempts[1].At}");

        var disabled = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}");
        Assert.Contains("3 consecutive failed deliveries", disabled["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("500", disabled["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var waiting = Assert.Single(await DeliveriesAsync(admin, subscription));
        Assert.Equal("Pending", waiting!["state"]!.GetValue<string>());
        Assert.Equal(500, waiting["lastStatusCode"]!.GetValue<int>());
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditRecord>().AnyAsync(r => r.Action == "webhook.disabled" && r.EntityId == subscription.ToString())));

        // Nothing is sent while disabled; the administrator fixes the receiver and re-enables.
        await Task.Delay(1000);
        Assert.Equal(WebhookFactory.DisableAfter, receiver.Received.Count);
        healthy = true;
        var enabled = await (await admin.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/enable")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(enabled["enabled"]!.GetValue<bool>());
        Assert.Equal(0, enabled["consecutiveFailures"]!.GetValue<int>());
        await Wait.UntilAsync(async () => (await DeliveriesAsync(admin, subscription))[0]!["state"]!.GetValue<string>() == "Delivered", "the waiting delivery");
        Assert.Equal(WebhookFactory.DisableAfter + 1, receiver.Received.Count);

        // Resend: the same event id and body, freshly signed.
        var deliveryId = waiting["id"]!.GetValue<Guid>();
        await (await admin.PostAsync($"/api/v1/webhooks/deliveries/{deliveryId}/resend")).ReadJsonAsync(HttpStatusCode.Accepted);
        await Wait.UntilAsync(() => Task.FromResult(receiver.Received.Count == WebhookFactory.DisableAfter + 2), "the resend");
        var resent = receiver.Received[^1];
        Assert.Equal(ids[0].ToString(), resent.Header(WebhookHeaders.EventId));
        Assert.Equal(attempts[0].Body, resent.Body);
        Assert.True(RequestSignature.Verify(secret, resent.Header(WebhookHeaders.Signature), resent.Header(WebhookHeaders.Timestamp), resent.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditRecord>().AnyAsync(r => r.Action == "webhook.resend" && r.EntityId == deliveryId.ToString())));
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await using var receiver = new WebhookReceiver { Answer = (_, _) => Task.FromResult(StatusCodes.Status302Found) };
        var (subscription, _) = await SubscribeAsync(admin, receiver.Url(), "redirect.happened");
        await Events.PublishAsync(factory, "redirect.happened");
        await Wait.UntilAsync(async () => (await DeliveriesAsync(admin, subscription)).Any(d => d!["lastStatusCode"]?.GetValue<int>() == 302), "the first attempt");
        Assert.All(receiver.Received, r => Assert.Equal("/hook", r.Path));
    }

    [Fact]
    public async Task Subscription_WithBadFields_IsRefusedFieldByField()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var problem = await (await admin.PostAsync("/api/v1/webhooks/subscriptions", new { name = "", url = "ftp://example.org/x", eventTypes = Array.Empty<string>() }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.NotNull(problem["errors"]!["eventTypes"]);
        var badUrl = await (await admin.PostAsync("/api/v1/webhooks/subscriptions", new { name = "X", url = "ftp://example.org/x", eventTypes = new[] { "learner.*" } }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badUrl["errors"]!["url"]);
        var badType = await (await admin.PostAsync("/api/v1/webhooks/subscriptions", new { name = "X", url = "http://127.0.0.1/x", eventTypes = new[] { "Learner Created" } }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badType["errors"]!["eventTypes[0]"]);
    }

    [Fact]
    public async Task Viewer_CannotManageWebhooks()
    {
        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        await (await viewer.PostAsync("/api/v1/webhooks/subscriptions", new { name = "X", url = "http://127.0.0.1/x", eventTypes = new[] { "*" } })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.GetAsync("/api/v1/webhooks/subscriptions")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
