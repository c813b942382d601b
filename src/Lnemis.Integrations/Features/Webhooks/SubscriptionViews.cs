using FluentValidation;
using Lnemis.Integrations.Domain;

namespace Lnemis.Integrations.Features.Webhooks;

public sealed record SubscriptionView(
    Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, string ScopePath, bool Enabled, string? DisabledReason,
    DateTimeOffset? DisabledAt, int ConsecutiveFailures, DateTimeOffset? LastDeliveredAt, string CreatedBy, DateTimeOffset CreatedAt, long Version,
    string? Description = null)
{
    public static SubscriptionView From(WebhookSubscription s) =>
        new(s.Id, s.Name, s.Url, s.EventTypeList, s.ScopePath, s.Enabled, s.DisabledReason, s.DisabledAt, s.ConsecutiveFailures, s.LastDeliveredAt, s.CreatedBy, s.CreatedAt, s.Version,
            s.Description);
}

/// <summary>The field rules a subscription's create and update share.</summary>
internal static class SubscriptionRules
{
    public static void Url<T>(IRuleBuilder<T, string?> rule) => rule.NotEmpty().MaximumLength(2000);

    public static void EventTypes<T, TList>(IRuleBuilder<T, TList> list, IRuleBuilder<T, string> each)
        where TList : IEnumerable<string>?
    {
        list.NotEmpty().WithMessage("Choose at least one event type.")
            .Must(t => t is null || t.Count() <= 50).WithMessage("At most 50 event types.");
        each.NotEmpty().MaximumLength(100).Matches(@"^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$")
            .WithMessage("Use an event type such as learner.created, a family such as learner.*, or *.");
    }

    public static void ScopePath<T>(IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(1000).Matches("^/([A-Za-z0-9_-]+/)*$").WithMessage("A scope path looks like /a1/b2/.");

    public static string JoinEventTypes(IEnumerable<string> eventTypes) =>
        string.Join(' ', eventTypes.Select(t => t.Trim()).Distinct(StringComparer.Ordinal));
}

/// <summary>The answer to an update: <paramref name="Secret"/> only when it was rotated, and never again.</summary>
public sealed record UpdatedSubscription(SubscriptionView Subscription, string? Secret);

/// <summary>The answer to a new subscription: the only time the secret is shown.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

public sealed record DeliveryView(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, WebhookDeliveryState State, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError);
