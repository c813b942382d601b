using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Webhooks;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Tests;

public sealed class SubscriptionUpdateTests(GuardedFactory factory) : IClassFixture<GuardedFactory>
{
    private readonly Given given = new(factory);

    private async Task<(TestClient Admin, Guid Id, string Secret)> SubscribedAsync()
    {
        factory.Resolver.Script("receiver.test", [IPAddress.Parse("93.184.216.34")], [IPAddress.Parse("93.184.216.34")], [IPAddress.Parse("93.184.216.34")]);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var (id, secret) = await WebhookTests.SubscribeAsync(admin, "http://receiver.test/hook", "learner.created");
        return (admin, id, secret);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task Update_ToAnInternalUrl_IsRefused_AndNothingChanges(string url)
    {
        var (admin, id, _) = await SubscribedAsync();

        var problem = await (await admin.SendRawAsync(HttpMethod.Patch, $"/api/v1/webhooks/subscriptions/{id}", $$"""{"url":"{{url}}","description":"moved"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("internal address", problem["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var shown = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{id}");
        Assert.Equal("http://receiver.test/hook", shown["url"]!.GetValue<string>());
        Assert.Null(shown["description"]);
    }

    [Fact]
    public async Task Update_ChangesEventsAndDescription_RotatesTheSecretShownOnce_AndIsAudited()
    {
        var (admin, id, oldSecret) = await SubscribedAsync();
        var version = (await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{id}"))["version"]!.GetValue<long>();

        var updated = await (await admin.SendRawAsync(HttpMethod.Patch, $"/api/v1/webhooks/subscriptions/{id}",
            $$"""{"eventTypes":["census.*","learner.created"],"description":"Census office","rotateSecret":true,"version":{{version}}}""")).ReadJsonAsync(HttpStatusCode.OK);

        var secret = updated["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.NotEqual(oldSecret, secret);
        Assert.Equal(["census.*", "learner.created"], updated["subscription"]!["eventTypes"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("Census office", updated["subscription"]!["description"]!.GetValue<string>());
        var stored = await factory.WithDbAsync(db => db.WebhookSubscriptions().IgnoreQueryFilters().SingleAsync(s => s.Id == id));
        Assert.Equal(secret, factory.Services.GetService(typeof(WebhookSecrets)) is WebhookSecrets secrets ? secrets.Unprotect(stored.SecretProtected) : null);
        var shown = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{id}");
        Assert.DoesNotContain(secret, shown.ToJsonString(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EntityId == id.ToString() && r.Action == "webhook.secret-rotated")));
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EntityId == id.ToString() && r.Changes!.Contains("Census office"))));

        // A second edit with the old version is stale.
        await (await admin.SendRawAsync(HttpMethod.Patch, $"/api/v1/webhooks/subscriptions/{id}", $$"""{"name":"Late","version":{{version}}}""")).ReadProblemAsync(HttpStatusCode.Conflict);
        var errors = await (await admin.SendRawAsync(HttpMethod.Patch, $"/api/v1/webhooks/subscriptions/{id}", """{"eventTypes":["Not An Event"]}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(errors["errors"]!["eventTypes[0]"]);
    }

    [Fact]
    public async Task Purge_RemovesOnlyDeliveredAndFailedDeliveriesPastTheirRetention()
    {
        var (_, id, _) = await SubscribedAsync();
        var now = DateTimeOffset.UtcNow;
        WebhookDelivery Make(WebhookDeliveryState state, int daysOld) => new()
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = id,
            EventId = Guid.NewGuid(),
            EventType = "learner.created",
            Body = "{}",
            State = state,
            CreatedAt = now.AddDays(-daysOld),
        };

        // Defaults: delivered kept 30 days, failed 180.
        var oldDelivered = Make(WebhookDeliveryState.Delivered, 31);
        var recentDelivered = Make(WebhookDeliveryState.Delivered, 29);
        var failedWithinItsRetention = Make(WebhookDeliveryState.Failed, 100);
        var oldFailed = Make(WebhookDeliveryState.Failed, 181);
        var oldPending = Make(WebhookDeliveryState.Pending, 400);
        await factory.WithDbAsync(async db =>
        {
            db.WebhookDeliveries().AddRange(oldDelivered, recentDelivered, failedWithinItsRetention, oldFailed, oldPending);
            return await db.SaveChangesAsync();
        });

        var purged = await factory.AsSystemAsync(sp => WebhookDeliveryRetention.PurgeAsync(sp, now, CancellationToken.None));

        Assert.Equal(2, purged);
        var left = await factory.WithDbAsync(db => db.WebhookDeliveries().Where(d => d.SubscriptionId == id).Select(d => d.Id).ToListAsync());
        Assert.Equal(new[] { recentDelivered.Id, failedWithinItsRetention.Id, oldPending.Id }.Order(), left.Order());
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "purge" && r.EntityType == nameof(WebhookDelivery) && r.Changes!.Contains("\"delivered\":1"))));
    }
}
