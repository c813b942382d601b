using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Notifications.Sending;

/// <summary>
/// Sends due deliveries. A batch is claimed with a lease; each message is then marked "sending"
/// (committed), handed to its provider, and marked "sent" (committed). A worker that dies before the
/// mark leaves a lease that expires and another worker sends the message; one that dies after "sent"
/// left nothing to do. Only a death between the two marks can repeat a message, and the repeat
/// carries the same message id. Failures retry with exponential backoff until the last attempt,
/// then the delivery is "failed". SMS in quiet hours are "deferred" to the window's end.
/// </summary>
internal sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptionsMonitor<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> logger)
{
    private readonly string workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Claims and processes one batch; returns how many deliveries it handled.</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        List<Delivery> claimed;
        Dictionary<Guid, QuietHours?> quiet;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
            var now = clock.GetUtcNow();
            var due = Due(db.Deliveries(), now);
            var ids = await due.OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(settings.BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return 0;
            }

            var until = now.AddSeconds(settings.LeaseSeconds);
            await Due(db.Deliveries().Where(d => ids.Contains(d.Id)), now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, workerId).SetProperty(d => d.LockedUntil, until), ct);
            claimed = await db.Deliveries().AsNoTracking().Where(d => ids.Contains(d.Id) && d.LockedBy == workerId).OrderBy(d => d.NextAttemptAt).ToListAsync(ct);
            quiet = await QuietHoursOfAsync(db, claimed, settings, ct);
        }

        foreach (var delivery in claimed)
        {
            ct.ThrowIfCancellationRequested();
            await SendOneAsync(delivery, quiet, settings, ct);
        }

        return claimed.Count;
    }

    /// <summary>Deliveries waiting for their (next) attempt, and ones a dead worker left "sending" or claimed.</summary>
    private static IQueryable<Delivery> Due(IQueryable<Delivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d =>
            ((d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Deferred) && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            || (d.Status == DeliveryStatus.Sending && d.LockedUntil < now));

    private async Task SendOneAsync(Delivery delivery, Dictionary<Guid, QuietHours?> quiet, NotificationOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
        var mine = db.Deliveries().Where(d => d.Id == delivery.Id && d.LockedBy == workerId);
        var now = clock.GetUtcNow();

        if (delivery.Channel == Channel.Sms && QuietFor(delivery, quiet)?.EndOfWindowAt(now) is { } end)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Deferred).SetProperty(d => d.NextAttemptAt, end)
                .SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), ct);
            return;
        }

        var attempts = delivery.Attempts + 1;
        if (await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.Attempts, attempts), ct) == 0)
        {
            return; // the lease ran out and another worker took it over
        }

        string? reference;
        try
        {
            var message = new OutgoingMessage(delivery.Id, delivery.Address, delivery.Subject, delivery.Body);
            reference = delivery.Channel == Channel.Email
                ? await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendAsync(message, ct)
                : await scope.ServiceProvider.GetRequiredService<ISmsSender>().SendAsync(message, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var failed = attempts >= settings.MaxAttempts;
            var retryAt = clock.GetUtcNow() + JobWorker.Backoff(attempts);
            logger.LogWarning(ex, "Delivery {MessageId} ({Channel}) failed on attempt {Attempt}{Final}", delivery.Id, delivery.Channel, attempts, failed ? ", giving up" : "");
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, failed ? DeliveryStatus.Failed : DeliveryStatus.Queued)
                .SetProperty(d => d.NextAttemptAt, retryAt).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return;
        }

        var sentAt = clock.GetUtcNow();
        await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, sentAt)
            .SetProperty(d => d.ProviderReference, reference).SetProperty(d => d.LastError, (string?)null)
            .SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private static QuietHours? QuietFor(Delivery delivery, Dictionary<Guid, QuietHours?> quiet) =>
        delivery.UserId is { } user && quiet.TryGetValue(user, out var own) ? own : quiet.GetValueOrDefault(Guid.Empty);

    /// <summary>The configured quiet hours (under Guid.Empty) and those of the users among the SMS recipients who set their own.</summary>
    private static async Task<Dictionary<Guid, QuietHours?>> QuietHoursOfAsync(LnemisDbContext db, List<Delivery> claimed, NotificationOptions settings, CancellationToken ct)
    {
        var configured = QuietHours.From(settings.Sms);
        var result = new Dictionary<Guid, QuietHours?> { [Guid.Empty] = configured };
        var userIds = claimed.Where(d => d.Channel == Channel.Sms && d.UserId != null).Select(d => d.UserId!.Value).Distinct().ToList();
        if (userIds.Count == 0)
        {
            return result;
        }

        var zone = configured?.Zone ?? TimeZoneInfo.FindSystemTimeZoneById(settings.Sms.TimeZone);
        var own = await db.NotificationPreferences().AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.QuietHoursStart != null && p.QuietHoursEnd != null)
            .Select(p => new { p.UserId, p.QuietHoursStart, p.QuietHoursEnd }).ToListAsync(ct);
        foreach (var p in own)
        {
            result[p.UserId] = new QuietHours(p.QuietHoursStart!.Value, p.QuietHoursEnd!.Value, zone);
        }

        return result;
    }
}

/// <summary>Runs the dispatcher in the worker every few seconds until the due deliveries are done.</summary>
internal sealed class DeliveryDispatch(IOptionsMonitor<NotificationOptions> options) : IRecurringTask
{
    public string Name => "notification-dispatch";

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.DispatchIntervalSeconds));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!options.CurrentValue.AutomaticDispatch)
        {
            return;
        }

        var dispatcher = services.GetRequiredService<DeliveryDispatcher>();
        var batch = options.CurrentValue.BatchSize;
        int handled;
        do
        {
            handled = await dispatcher.RunBatchAsync(ct);
        }
        while (handled >= batch);
    }
}
