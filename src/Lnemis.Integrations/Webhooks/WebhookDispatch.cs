using System.Security.Cryptography;
using System.Text.Json;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Webhooks;

/// <summary>The headers of a delivery; a receiver needs the first three to verify it.</summary>
public static class WebhookHeaders
{
    public const string Signature = "Lnemis-Signature";
    public const string Timestamp = "Lnemis-Timestamp";
    public const string EventId = "Lnemis-Event-Id";
    public const string EventType = "Lnemis-Event-Type";
    public const string DeliveryId = "Lnemis-Delivery-Id";
}

/// <summary>Subscription secrets: made here, shown once, kept encrypted with the data-protection keys.</summary>
internal sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Lnemis.Integrations.WebhookSecret.v1");

    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string stored) => protector.Unprotect(stored);
}

/// <summary>The outbox message that sends one delivery.</summary>
public sealed record WebhookDeliveryMessage(Guid DeliveryId);

/// <summary>
/// Turns each published event into one delivery per enabled subscription that wants it (type
/// and place), each sent by its own outbox job. A repeated event (the outbox may hand it over
/// twice) finds its deliveries already made and adds none.
/// </summary>
internal sealed class WebhookEventSubscriber(LnemisDbContext db, Outbox outbox, TimeProvider clock) : IIntegrationEventSubscriber
{
    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions().AsNoTracking().Where(s => s.Enabled)
            .Select(s => new { s.Id, s.EventTypes, s.ScopePath })
            .ToListAsync(ct);
        var wanted = subscriptions
            .Where(s => WebhookSubscription.Matches(s.EventTypes, integrationEvent.Type) && WebhookSubscription.Covers(s.ScopePath, integrationEvent.ScopePath))
            .Select(s => s.Id)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var existing = await db.WebhookDeliveries().AsNoTracking().Where(d => d.EventId == integrationEvent.Id).Select(d => d.SubscriptionId).ToListAsync(ct);
        var body = Body(integrationEvent);
        var now = clock.GetUtcNow();
        foreach (var subscriptionId in wanted.Except(existing))
        {
            var delivery = new WebhookDelivery
            {
                Id = Guid.CreateVersion7(),
                SubscriptionId = subscriptionId,
                EventId = integrationEvent.Id,
                EventType = integrationEvent.Type,
                Body = body,
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            db.WebhookDeliveries().Add(delivery);
            outbox.Enqueue(new WebhookDeliveryMessage(delivery.Id));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The JSON a receiver gets: the event's id, type, time, subject, place and data.</summary>
    public static string Body(IntegrationEvent e) => JsonSerializer.Serialize(
        new { id = e.Id, type = e.Type, occurredAt = e.OccurredAt, subjectId = e.SubjectId, scopePath = e.ScopePath, data = e.Data },
        JobRegistry.Json);
}
