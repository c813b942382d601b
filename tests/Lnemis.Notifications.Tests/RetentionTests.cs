using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Notifications.Sending;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Tests;

public sealed class RetentionTests(DevMailboxFactory factory) : IClassFixture<DevMailboxFactory>
{
    [Fact]
    public async Task Purge_RemovesOnlySentAndFailedDeliveriesPastTheirRetention_AndAuditsTheCount()
    {
        var now = DateTimeOffset.UtcNow;
        var request = Guid.NewGuid();
        Delivery Make(DeliveryStatus status, int daysOld) => new()
        {
            Id = Guid.CreateVersion7(),
            RequestId = request,
            Event = "retention.test",
            Channel = Channel.Email,
            Address = $"{Guid.NewGuid():N}@example.test",
            Body = "x",
            Status = status,
            CreatedAt = now.AddDays(-daysOld),
            NextAttemptAt = now.AddDays(-daysOld),
        };

        // Defaults: sent kept 90 days, failed 365.
        var oldSent = Make(DeliveryStatus.Sent, 91);
        var recentSent = Make(DeliveryStatus.Sent, 89);
        var failedWithinItsLongerRetention = Make(DeliveryStatus.Failed, 200);
        var oldFailed = Make(DeliveryStatus.Failed, 366);
        var oldQueued = Make(DeliveryStatus.Queued, 400);
        // Not due yet: the factory's dispatcher would otherwise send it (and make it an old sent
        // delivery the purge may take) between the assertions.
        oldQueued.NextAttemptAt = now.AddDays(1);
        await factory.WithDbAsync(async db =>
        {
            db.Deliveries().AddRange(oldSent, recentSent, failedWithinItsLongerRetention, oldFailed, oldQueued);
            return await db.SaveChangesAsync();
        });

        var purged = await factory.AsSystemAsync(sp => DeliveryRetention.PurgeAsync(sp, now, CancellationToken.None));

        Assert.Equal(2, purged);
        var left = await factory.WithDbAsync(db => db.Deliveries().Where(d => d.RequestId == request).Select(d => d.Id).ToListAsync());
        Assert.Equal(new[] { recentSent.Id, failedWithinItsLongerRetention.Id, oldQueued.Id }.Order(), left.Order());
        var audit = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.Action == "purge" && r.EntityType == nameof(Delivery)).OrderByDescending(r => r.Sequence).FirstAsync());
        Assert.Contains("\"sent\":1", audit.Changes!, StringComparison.Ordinal);
        Assert.Contains("\"failed\":1", audit.Changes!, StringComparison.Ordinal);
        Assert.Equal(0, await factory.AsSystemAsync(sp => DeliveryRetention.PurgeAsync(sp, now, CancellationToken.None)));
    }
}
