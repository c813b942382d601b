using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Sending;

/// <summary>What a sender gets: the stable message id, the address (e-mail or E.164 phone) and the rendered text.</summary>
public sealed record OutgoingMessage(Guid MessageId, string To, string? Subject, string Body);

/// <summary>Sends an e-mail; returns the provider's reference, if any. Throws when the provider did not take it.</summary>
public interface IEmailSender
{
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>Sends an SMS; returns the provider's reference, if any. Throws when the provider did not take it.</summary>
public interface ISmsSender
{
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// The embedded default for both channels: the message is stored in the dev mailbox (shown in the
/// web app) instead of leaving the machine. A repeat of the same message id is stored once.
/// </summary>
internal sealed class DevMailbox(LnemisDbContext db, TimeProvider clock)
{
    public async Task<string?> StoreAsync(Channel channel, OutgoingMessage message, CancellationToken ct)
    {
        if (!await db.DevMailbox().AnyAsync(m => m.MessageId == message.MessageId, ct))
        {
            db.DevMailbox().Add(new DevMailboxMessage
            {
                Id = Guid.CreateVersion7(),
                MessageId = message.MessageId,
                Channel = channel,
                To = message.To,
                Subject = message.Subject,
                Body = message.Body,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        return null;
    }
}

internal sealed class DevMailboxEmailSender(DevMailbox mailbox) : IEmailSender
{
    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct) => mailbox.StoreAsync(Channel.Email, message, ct);
}

internal sealed class DevMailboxSmsSender(DevMailbox mailbox) : ISmsSender
{
    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct) => mailbox.StoreAsync(Channel.Sms, message, ct);
}
