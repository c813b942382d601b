using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Notifications.Sending;

/// <summary>
/// Purges sent deliveries after Retention:SucceededDays and failed ones after Retention:FailedDays
/// (kept longer, for investigation), in batches, with one audit entry of the counts. Queued, sending
/// and held deliveries are never touched.
/// </summary>
internal sealed class DeliveryRetention(TimeProvider clock) : IRecurringTask
{
    public string Name => "notifications-delivery-retention";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct) => await PurgeAsync(services, clock.GetUtcNow(), ct);

    /// <summary>Purges what is past retention as of <paramref name="now"/>; returns how many deliveries went.</summary>
    public static async Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var retention = services.GetRequiredService<IOptions<NotificationOptions>>().Value.Retention;
        var sent = 0;
        var failed = 0;
        if (retention.SucceededDays > 0)
        {
            var before = now.AddDays(-retention.SucceededDays);
            sent = await db.Deliveries().Where(d => d.Status == DeliveryStatus.Sent && d.CreatedAt < before).DeleteInBatchesAsync(d => d.Id, retention.BatchSize, ct);
        }

        if (retention.FailedDays > 0)
        {
            var before = now.AddDays(-retention.FailedDays);
            failed = await db.Deliveries().Where(d => d.Status == DeliveryStatus.Failed && d.CreatedAt < before).DeleteInBatchesAsync(d => d.Id, retention.BatchSize, ct);
        }

        if (sent + failed > 0)
        {
            await BatchedPurge.AuditAsync(db, nameof(Delivery), new { sent, failed, retention.SucceededDays, retention.FailedDays }, ct);
        }

        return sent + failed;
    }
}
