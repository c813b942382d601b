using Lnemis.Integrations.Domain;

namespace Lnemis.Integrations.Features.Webhooks;

public sealed record SubscriptionView(
    Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, string ScopePath, bool Enabled, string? DisabledReason,
    DateTimeOffset? DisabledAt, int ConsecutiveFailures, DateTimeOffset? LastDeliveredAt, string CreatedBy, DateTimeOffset CreatedAt, long Version)
{
    public static SubscriptionView From(WebhookSubscription s) =>
        new(s.Id, s.Name, s.Url, s.EventTypeList, s.ScopePath, s.Enabled, s.DisabledReason, s.DisabledAt, s.ConsecutiveFailures, s.LastDeliveredAt, s.CreatedBy, s.CreatedAt, s.Version);
}

/// <summary>The answer to a new subscription: the only time the secret is shown.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

public sealed record DeliveryView(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, WebhookDeliveryState State, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError);
