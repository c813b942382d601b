using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Webhooks;

/// <summary>
/// Purges the webhook delivery log: delivered entries after Webhooks:Retention:SucceededDays, failed
/// ones after FailedDays (kept longer), in batches, with one audit entry of the counts. Pending
/// deliveries are never touched.
/// </summary>
internal sealed class WebhookDeliveryRetention(TimeProvider clock) : IRecurringTask
{
    public string Name => "webhooks-delivery-retention";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct) => await PurgeAsync(services, clock.GetUtcNow(), ct);

    /// <summary>Purges what is past retention as of <paramref name="now"/>; returns how many deliveries went.</summary>
    public static async Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var retention = services.GetRequiredService<IOptions<IntegrationsOptions>>().Value.Webhooks.Retention;
        var deliveries = db.WebhookDeliveries().IgnoreQueryFilters();
        var delivered = 0;
        var failed = 0;
        if (retention.SucceededDays > 0)
        {
            var before = now.AddDays(-retention.SucceededDays);
            delivered = await deliveries.Where(d => d.State == WebhookDeliveryState.Delivered && d.CreatedAt < before).DeleteInBatchesAsync(d => d.Id, retention.BatchSize, ct);
        }

        if (retention.FailedDays > 0)
        {
            var before = now.AddDays(-retention.FailedDays);
            failed = await deliveries.Where(d => d.State == WebhookDeliveryState.Failed && d.CreatedAt < before).DeleteInBatchesAsync(d => d.Id, retention.BatchSize, ct);
        }

        if (delivered + failed > 0)
        {
            await BatchedPurge.AuditAsync(db, nameof(WebhookDelivery), new { delivered, failed, retention.SucceededDays, retention.FailedDays }, ct);
        }

        return delivered + failed;
    }
}
