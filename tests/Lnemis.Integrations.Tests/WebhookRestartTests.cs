using Lnemis.Identity.Domain;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Webhooks;
using Lnemis.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Tests;

/// <summary>The worker stops in the middle of a batch of deliveries; another one, started on the same database, finishes the batch.</summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private const int Batch = 6;
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task WorkerStoppedMidBatch_EveryPendingDeliveryArrives_OnlyTheCutOneTwice_WithItsEventId()
    {
        await using var receiver = new WebhookReceiver();
        var cut = new TaskCompletionSource();
        // The third request hangs until the worker goes away.
        receiver.Answer = async (n, aborted) =>
        {
            if (n == 3)
            {
                cut.TrySetResult();
                await Task.Delay(Timeout.Infinite, aborted);
            }

            return StatusCodes.Status204NoContent;
        };

        Guid subscription;
        List<Guid> events;
        var first = WebhookFactory.Sharing(database);
        await first.InitializeAsync();
        await using (first)
        {
            var given = new Given(first);
            var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
            (subscription, _) = await WebhookTests.SubscribeAsync(admin, receiver.Url(), "batch.happened");
            events = await Events.PublishAsync(first, "batch.happened", Batch);
            await cut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The worker went away during the third send; the rest of its batch was claimed but not sent.
        var beforeRestart = receiver.Received.Count;
        Assert.Equal(3, beforeRestart);

        await using var second = WebhookFactory.Sharing(database);
        await second.InitializeAsync();
        await Wait.UntilAsync(
            () => second.WithDbAsync(db => db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == subscription).AllAsync(d => d.State == WebhookDeliveryState.Delivered)),
            "every delivery",
            seconds: 60);

        var received = receiver.Received.GroupBy(r => r.Header(WebhookHeaders.EventId)).ToDictionary(g => Guid.Parse(g.Key), g => g.Count());
        Assert.Equal(events.Order(), received.Keys.Order());
        var repeated = Assert.Single(received, r => r.Value > 1);
        Assert.Equal(2, repeated.Value);
        Assert.Equal(receiver.Received[2].Header(WebhookHeaders.EventId), repeated.Key.ToString());
        Assert.Equal(Batch + 1, receiver.Received.Count);
    }
}
