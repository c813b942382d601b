using Lnemis.Platform.Jobs;

namespace Lnemis.Platform.Notifications;

/// <summary>
/// A request to tell people that something happened: the Notifications module renders the
/// template for <see cref="Event"/> (for example "correspondence.case_assigned") with
/// <see cref="Data"/> and delivers it on each recipient's chosen channels (email, SMS, in-app).
/// Recipients are users (their contact details stay in Identity) and, for people without an
/// account such as a requester, plain email addresses. <see cref="Id"/> is stable: a repeat of
/// the same request is delivered once.
/// </summary>
public sealed record NotificationRequest(
    Guid Id,
    string Event,
    IReadOnlyList<Guid> UserIds,
    IReadOnlyList<string> EmailAddresses,
    IReadOnlyDictionary<string, string> Data,
    string? Link,
    DateTimeOffset RequestedAt);

/// <summary>
/// Asks for a notification through the transactional outbox: it is stored by the caller's next
/// SaveChanges, in the same transaction as the change it is about, so it is never lost nor sent
/// for a change that was rolled back.
/// </summary>
public sealed class Notifier(Outbox outbox, TimeProvider clock)
{
    public Guid Notify(string @event, IEnumerable<Guid> userIds, IReadOnlyDictionary<string, string> data, string? link = null, IEnumerable<string>? emailAddresses = null)
    {
        var id = Guid.CreateVersion7();
        outbox.Enqueue(new NotificationRequest(id, @event, userIds.Distinct().ToList(), (emailAddresses ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), data, link, clock.GetUtcNow()));
        return id;
    }
}
