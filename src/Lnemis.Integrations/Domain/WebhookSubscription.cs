using Lnemis.Platform.Data;

namespace Lnemis.Integrations.Domain;

/// <summary>
/// Someone outside the platform who wants to hear about events: a URL, the event types (exact,
/// "learner.*" or "*"), and the place in the scope tree whose events they get. The signing
/// secret is shown once, stored encrypted. Repeated failures disable the subscription; an
/// administrator sees why and re-enables it.
/// </summary>
public sealed class WebhookSubscription : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary>What the receiver is for (free text for administrators).</summary>
    public string? Description { get; set; }

    /// <summary>Event type patterns, space-separated.</summary>
    public required string EventTypes { get; set; }

    public required string ScopePath { get; set; }

    [NotAudited]
    public required string SecretProtected { get; set; }

    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Failed attempts since the last success (bookkeeping, updated in place by the sender).</summary>
    [NotAudited]
    public int ConsecutiveFailures { get; set; }

    [NotAudited]
    public DateTimeOffset? LastDeliveredAt { get; set; }

    /// <summary>The user or API client that created it.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when one of the patterns covers the event type ("*", "learner.*", "learner.created").</summary>
    public static bool Matches(string patterns, string eventType) =>
        patterns.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(p =>
            p == "*"
            || string.Equals(p, eventType, StringComparison.Ordinal)
            || (p.EndsWith(".*", StringComparison.Ordinal) && eventType.StartsWith(p[..^1], StringComparison.Ordinal)));

    /// <summary>True when the event's place lies under the subscription's (events without a place go to national subscriptions only).</summary>
    public static bool Covers(string subscriptionPath, string? eventPath) =>
        (eventPath ?? "/").StartsWith(subscriptionPath, StringComparison.Ordinal);
}

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one subscription: the exact body sent (so a resend is byte-identical and carries
/// the same event id), the attempts and the last outcome. One row per subscription and event, so
/// a repeated event never makes a second delivery.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public required string Body { get; set; }
    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}
