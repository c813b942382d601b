using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Webhooks;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Features.Webhooks;

/// <summary>
/// Enables a subscription (after an automatic disable, once the receiver is fixed: the failure
/// count starts again and the deliveries that waited are queued), disables it by hand, or deletes
/// it. Each is audited with the subscription's before and after.
/// </summary>
public static class ChangeSubscription
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/webhooks/subscriptions/{id:guid}/enable", EnableAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");
        api.MapPost("/webhooks/subscriptions/{id:guid}/disable", DisableAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");
        api.MapDelete("/webhooks/subscriptions/{id:guid}", DeleteAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");
    }

    internal static async Task<IResult> EnableAsync(Guid id, LnemisDbContext db, Outbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return Problems.NotFound("The subscription");
        }

        if (!subscription.Enabled)
        {
            var now = clock.GetUtcNow();
            subscription.Enabled = true;
            subscription.DisabledAt = null;
            subscription.DisabledReason = null;
            subscription.ConsecutiveFailures = 0;
            var waiting = await db.WebhookDeliveries().Where(d => d.SubscriptionId == id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt == null).ToListAsync(ct);
            foreach (var delivery in waiting)
            {
                delivery.NextAttemptAt = now;
                outbox.Enqueue(new WebhookDeliveryMessage(delivery.Id));
            }

            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(SubscriptionView.From(subscription));
    }

    internal static async Task<IResult> DisableAsync(Guid id, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return Problems.NotFound("The subscription");
        }

        if (subscription.Enabled)
        {
            subscription.Enabled = false;
            subscription.DisabledAt = clock.GetUtcNow();
            subscription.DisabledReason = $"Disabled by {actor.Email ?? actor.ClientId ?? "the system"}.";
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(SubscriptionView.From(subscription));
    }

    internal static async Task<IResult> DeleteAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return Problems.NotFound("The subscription");
        }

        subscription.Enabled = false;
        db.WebhookSubscriptions().Remove(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Sends a delivered or failed delivery again: the same body and event id, so the receiver can tell it is a repeat. Audited.</summary>
public static class ResendDelivery
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/deliveries/{id:guid}/resend", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, Outbox outbox, Lnemis.Platform.Audit.AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries().FirstOrDefaultAsync(d => d.Id == id, ct);
        // The subscription's scope filter decides whether the caller may see the delivery.
        var subscription = delivery is null ? null : await db.WebhookSubscriptions().AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (delivery is null || subscription is null)
        {
            return Problems.NotFound("The delivery");
        }

        if (delivery.State == WebhookDeliveryState.Pending)
        {
            return Problems.Conflict("The delivery is already waiting to be sent.");
        }

        if (!subscription.Enabled)
        {
            return Problems.Conflict("The subscription is disabled; enable it first.");
        }

        delivery.State = WebhookDeliveryState.Pending;
        delivery.NextAttemptAt = clock.GetUtcNow();
        outbox.Enqueue(new WebhookDeliveryMessage(delivery.Id));
        await audit.RecordAsync("webhook.resend", nameof(WebhookDelivery), delivery.Id.ToString(), $$"""{"eventId":"{{delivery.EventId}}"}""", ct);
        return TypedResults.Accepted($"/api/v1/webhooks/subscriptions/{subscription.Id}/deliveries", new { delivery.Id, delivery.EventId, State = delivery.State.ToString() });
    }
}
