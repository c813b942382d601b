using System.Globalization;
using System.Text;
using System.Text.Json;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Outbound;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Webhooks;

/// <summary>
/// Sends one delivery, signed, and records the outcome in one transaction with what follows from
/// it: the next attempt (an outbox job due after an exponential backoff), the subscription's
/// failure count, and — after too many consecutive failures — the subscription disabled, with the
/// reason, audited. A delivery already delivered is not sent again, so a worker that dies after
/// recording causes no repeat; one that dies during the send repeats it, with the same event id.
/// </summary>
internal sealed class WebhookSender(
    LnemisDbContext db,
    IntegrationsHttp http,
    WebhookSecrets secrets,
    Outbox outbox,
    AuditLog audit,
    IOptions<IntegrationsOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : IJobHandler<WebhookDeliveryMessage>
{
    public async Task HandleAsync(WebhookDeliveryMessage message, JobContext context, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries().FirstOrDefaultAsync(d => d.Id == message.DeliveryId, ct);
        if (delivery is not { State: WebhookDeliveryState.Pending })
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions().AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (subscription is null)
        {
            delivery.State = WebhookDeliveryState.Failed;
            delivery.LastError = "The subscription was deleted.";
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(ct);
            return;
        }

        if (!subscription.Enabled)
        {
            // Waits for the subscription to be enabled again, which queues it.
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(ct);
            return;
        }

        var (status, error) = await SendAsync(subscription, delivery, ct);
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = status;
        delivery.LastError = error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subscriptions = db.WebhookSubscriptions().Where(s => s.Id == subscription.Id);
        if (error is null)
        {
            delivery.State = WebhookDeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            await subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0).SetProperty(x => x.LastDeliveredAt, now), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }

        var settings = options.Value.Webhooks;
        await subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + 1), ct);
        var reason = $"{settings.DisableAfterFailures} consecutive failed deliveries; the last: {error}";
        var disabled = await subscriptions
            .Where(s => s.Enabled && s.ConsecutiveFailures >= settings.DisableAfterFailures)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Enabled, false)
                    .SetProperty(x => x.DisabledAt, now)
                    .SetProperty(x => x.DisabledReason, Truncate(reason))
                    .SetProperty(x => x.Version, x => x.Version + 1),
                ct) > 0;

        if (disabled)
        {
            delivery.NextAttemptAt = null;
            logger.LogWarning("Webhook subscription {Subscription} disabled: {Reason}", subscription.Id, reason);
        }
        else if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.State = WebhookDeliveryState.Failed;
            delivery.NextAttemptAt = null;
        }
        else
        {
            var retryAt = now + Backoff(delivery.Attempts, settings);
            delivery.NextAttemptAt = retryAt;
            outbox.Enqueue(new WebhookDeliveryMessage(delivery.Id), retryAt);
        }

        await db.SaveChangesAsync(ct);
        if (disabled)
        {
            await audit.RecordAsync(
                "webhook.disabled", nameof(WebhookSubscription), subscription.Id.ToString(), JsonSerializer.Serialize(new { reason, enabled = false }), ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task<(int? Status, string? Error)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookHeaders.EventId, delivery.EventId.ToString());
        request.Headers.Add(WebhookHeaders.EventType, delivery.EventType);
        request.Headers.Add(WebhookHeaders.DeliveryId, delivery.Id.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, RequestSignature.Compute(secrets.Unprotect(subscription.SecretProtected), timestamp, delivery.Body));
        request.Headers.UserAgent.ParseAdd("LNEMIS-Webhooks/1");
        try
        {
            using var response = await http.Webhooks.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"The receiver answered {status} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException ex)
        {
            return (null, Truncate(ex.InnerException is OutboundBlockedException blocked ? blocked.Message : ex.Message));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Outbound.TimeoutSeconds} s.");
        }
    }

    /// <summary>Base × 2^(attempt-1), capped, with up to 20% jitter so retries of many deliveries spread out.</summary>
    public static TimeSpan Backoff(int attempt, WebhookOptions settings)
    {
        var seconds = Math.Min(settings.RetryMaxSeconds, settings.RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] : text;
}
