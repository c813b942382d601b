using System.Security.Cryptography;
using System.Text;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lnemis.Notifications.Sending;

/// <summary>
/// Turns a <see cref="NotificationRequest"/> from the outbox into one delivery per recipient and
/// channel (e-mail, SMS) and the in-app notifications, all in one transaction with a record of the
/// request, so a repeat of the job adds nothing. Users' preferences decide the channels; SMS
/// needs a phone number; deactivated users get nothing; plain addresses get e-mail only.
/// </summary>
internal sealed class NotificationFanOut(LnemisDbContext db, IUserDirectory users, TimeProvider clock, ILogger<NotificationFanOut> logger)
    : IJobHandler<NotificationRequest>
{
    public async Task HandleAsync(NotificationRequest message, JobContext context, CancellationToken ct)
    {
        if (await db.NotificationRecords().AnyAsync(r => r.Id == message.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var record = new NotificationRecord { Id = message.Id, Event = message.Event, RequestedAt = message.RequestedAt, ProcessedAt = now };
        db.NotificationRecords().Add(record);
        var definition = TemplateCatalog.Find(message.Event);
        if (definition is null)
        {
            logger.LogWarning("Notification {RequestId} is for event {Event}, which has no template; nothing sent", message.Id, message.Event);
            record.Problem = $"No template for event {message.Event}.";
            await db.SaveChangesAsync(ct);
            return;
        }

        var templates = await TemplateStore.CurrentAsync(db, definition, ct);
        var contacts = await users.FindAsync(message.UserIds, ct);
        var preferences = await db.NotificationPreferences().AsNoTracking()
            .Where(p => message.UserIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.DisabledSet(), ct);

        foreach (var contact in contacts.Values.Where(c => c.IsActive))
        {
            var disabled = preferences.GetValueOrDefault(contact.Id) ?? new HashSet<string>();
            bool Wants(Channel c) => !disabled.Contains(NotificationPreference.Key(message.Event, c));
            var values = Values(message, contact.DisplayName);
            if (Wants(Channel.Email))
            {
                Add(message, Channel.Email, contact.Id, contact.Email, TemplateCatalog.Render(templates[Channel.Email].Text, values), now);
            }

            if (Wants(Channel.Sms) && !string.IsNullOrEmpty(contact.PhoneNumber))
            {
                Add(message, Channel.Sms, contact.Id, contact.PhoneNumber, TemplateCatalog.Render(templates[Channel.Sms].Text, values) with { Subject = null }, now);
            }

            if (Wants(Channel.InApp))
            {
                var text = TemplateCatalog.Render(templates[Channel.InApp].Text, values);
                db.InAppNotifications().Add(new InAppNotification
                {
                    Id = StableId(message.Id, Channel.InApp, contact.Id.ToString()),
                    RequestId = message.Id,
                    UserId = contact.Id,
                    Event = message.Event,
                    Title = Cut(text.Subject ?? definition.Description, 300),
                    Body = Cut(text.Body, 4000),
                    Link = message.Link,
                    CreatedAt = now,
                });
            }
        }

        var plain = message.EmailAddresses.Select(a => a.Trim()).Where(a => a.Contains('@', StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(a => !contacts.Values.Any(c => string.Equals(c.Email, a, StringComparison.OrdinalIgnoreCase)));
        foreach (var address in plain)
        {
            Add(message, Channel.Email, null, address, TemplateCatalog.Render(templates[Channel.Email].Text, Values(message, "")), now);
        }

        record.Deliveries = db.ChangeTracker.Entries<Delivery>().Count();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The delivery's message id, derived from the request, channel and address: the same request
    /// gives the same ids however often it is processed.
    /// </summary>
    public static Guid StableId(Guid requestId, Channel channel, string address)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{requestId:N}|{channel}|{address.ToUpperInvariant()}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, per RFC 9562
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static Dictionary<string, string> Values(NotificationRequest message, string recipientName)
    {
        var values = new Dictionary<string, string>(message.Data, StringComparer.Ordinal)
        {
            ["recipientName"] = recipientName,
            ["link"] = message.Link ?? "",
        };
        return values;
    }

    private void Add(NotificationRequest message, Channel channel, Guid? userId, string address, TemplateText text, DateTimeOffset now) =>
        db.Deliveries().Add(new Delivery
        {
            Id = StableId(message.Id, channel, address),
            RequestId = message.Id,
            Event = message.Event,
            Channel = channel,
            UserId = userId,
            Address = address,
            Subject = text.Subject is null ? null : Cut(text.Subject, 300),
            Body = text.Body,
            Status = DeliveryStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        });

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
