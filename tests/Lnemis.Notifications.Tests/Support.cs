using System.Net;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Sending;
using Lnemis.Platform.Data;
using Lnemis.Platform.Notifications;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Notifications.Tests;

/// <summary>Requests notifications the way modules do, and waits for the worker to fan them out.</summary>
public static class Notifications
{
    /// <summary>Asks for a notification through the outbox (as a module does) and waits until the worker has turned it into deliveries.</summary>
    public static async Task<Guid> RequestAsync(
        LnemisFactory factory, string @event, IEnumerable<Guid> userIds, IEnumerable<string>? emails = null, IReadOnlyDictionary<string, string>? data = null)
    {
        var id = await factory.AsSystemAsync(async sp =>
        {
            var requestId = sp.GetRequiredService<Notifier>().Notify(@event, userIds, data ?? Sample(@event), "/correspondence/cases/1", emails);
            await sp.GetRequiredService<LnemisDbContext>().SaveChangesAsync();
            return requestId;
        });
        await EventuallyAsync(() => factory.WithDbAsync(db => db.NotificationRecords().AnyAsync(r => r.Id == id)), "the notification request was not processed");
        return id;
    }

    public static IReadOnlyDictionary<string, string> Sample(string @event) =>
        Domain.TemplateCatalog.Find(@event)!.Samples;

    /// <summary>Runs a fresh dispatcher (a restarted worker) until nothing is due.</summary>
    public static async Task DrainAsync(LnemisFactory factory)
    {
        var dispatcher = ActivatorUtilities.CreateInstance<DeliveryDispatcher>(factory.Services);
        while (await dispatcher.RunBatchAsync(CancellationToken.None) > 0)
        {
            await Task.Yield();
        }
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"Timed out: {because}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A user (a viewer nationally) signed in, with the phone number set through their own profile.</summary>
    public static async Task<(TestClient Client, TestUser User)> UserWithPhoneAsync(Given given, string phone)
    {
        var (client, user) = await given.SignedInAsync(Identity.Domain.RoleCatalog.Viewer);
        var profile = await (await client.PutAsync("/api/v1/account/phone-number", new { phoneNumber = phone })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(phone, profile["phoneNumber"]!.GetValue<string>());
        return (client, user);
    }
}
