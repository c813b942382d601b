using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Sending;

/// <summary>The text in force for an event: the latest saved version per channel, else the built-in default.</summary>
internal static class TemplateStore
{
    public sealed record Current(Channel Channel, int Version, TemplateText Text);

    public static async Task<IReadOnlyDictionary<Channel, Current>> CurrentAsync(LnemisDbContext db, EventDefinition definition, CancellationToken ct)
    {
        var saved = await db.NotificationTemplates().AsNoTracking()
            .Where(t => t.Event == definition.Event)
            .Select(t => new { t.Channel, t.Version, t.Subject, t.Body })
            .ToListAsync(ct);
        return Enum.GetValues<Channel>().ToDictionary(
            c => c,
            c => saved.Where(t => t.Channel == c).MaxBy(t => t.Version) is { } latest
                ? new Current(c, latest.Version, new TemplateText(latest.Subject, latest.Body))
                : new Current(c, 0, definition.Default(c)));
    }
}
