using Lnemis.Platform.Data;

namespace Lnemis.Notifications.Domain;

public enum Channel
{
    Email,
    Sms,
    InApp,
}

/// <summary>Where one message to one recipient on one channel stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its send (first try or a retry after <see cref="Delivery.NextAttemptAt"/>).</summary>
    Queued,

    /// <summary>Handed to the provider; a crash now leaves it here, and it is re-sent with the same id.</summary>
    Sending,
    Sent,

    /// <summary>Gave up after the last attempt; listed for administrators, who may retry it.</summary>
    Failed,

    /// <summary>An SMS held back by quiet hours until <see cref="Delivery.NextAttemptAt"/>.</summary>
    Deferred,
}

/// <summary>
/// One version of the text of an event's message on one channel. Saving a template adds a version;
/// the highest version is the one used. Events without a saved version use the built-in default.
/// </summary>
public sealed class NotificationTemplate : IAudited
{
    public Guid Id { get; set; }
    public required string Event { get; set; }
    public Channel Channel { get; set; }
    public int Version { get; set; }

    /// <summary>The e-mail subject, or the in-app title; none for SMS.</summary>
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}

/// <summary>
/// A notification request that was turned into deliveries: its row, written in the same
/// transaction as the deliveries, makes a repeat of the request a no-op.
/// </summary>
public sealed class NotificationRecord
{
    public Guid Id { get; set; }
    public required string Event { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
    public int Deliveries { get; set; }

    /// <summary>Why nothing was sent, when nothing could be (an event without a template).</summary>
    public string? Problem { get; set; }
}

/// <summary>
/// One message to one recipient on one channel (e-mail or SMS). <see cref="Id"/> is the stable
/// message id: the SMTP Message-ID, the Notify reference and the SMS reference, so a receiver
/// can drop the one repeat a crash mid-send may cause.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public required string Event { get; set; }
    public Channel Channel { get; set; }
    public Guid? UserId { get; set; }
    public required string Address { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? ProviderReference { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A notification shown in the web app, unread until its user opens or marks it.</summary>
public sealed class InAppNotification
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid UserId { get; set; }
    public required string Event { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// A user's choices: the (event, channel) pairs they turned off, and their own SMS quiet hours
/// (local time in the configured time zone; none set means the configured default).
/// </summary>
public sealed class NotificationPreference : IAudited, IVersioned
{
    public Guid UserId { get; set; }

    /// <summary>The audit log's record id: one preference row per user.</summary>
    public Guid Id => UserId;

    /// <summary>"event:Channel" pairs separated by ";" (kept as text so the audit shows them plainly).</summary>
    public string Disabled { get; set; } = "";
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public static string Key(string @event, Channel channel) => $"{@event}:{channel}";

    public ISet<string> DisabledSet() => Disabled.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What the embedded default "sends": every e-mail and SMS lands here, shown on the dev mailbox page.</summary>
public sealed class DevMailboxMessage
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public Channel Channel { get; set; }
    public required string To { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
