using System.Text.Json;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Notifications;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Clock;

/// <summary>Reads the notification requests a case left in the outbox table.</summary>
internal static class Outboxed
{
    public static async Task<List<NotificationRequest>> NotificationsAsync(LnemisFactory factory, Guid caseId)
    {
        var type = JobRegistry.NameOf(typeof(NotificationRequest));
        var link = $"/correspondence/cases/{caseId}";
        var payloads = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Type == type && j.Payload.Contains(link)).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => j.Payload).ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<NotificationRequest>(p, JobRegistry.Json)!).ToList();
    }
}
