using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lnemis.Notifications.Sending;

/// <summary>E-mail by SMTP (MailKit). The Message-ID is built from the stable message id, so a repeat is recognisable.</summary>
internal sealed class SmtpEmailSender(IOptionsMonitor<NotificationOptions> options) : IEmailSender
{
    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var smtp = settings.Email.Smtp;
        var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message.MessageId, settings.MessageIdDomain),
            Subject = message.Subject ?? "",
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(MailboxAddress.Parse(settings.Email.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-Lnemis-Message-Id", message.MessageId.ToString());

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        var answer = await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
        return answer is { Length: > 200 } ? answer[..200] : answer;
    }

    public static string MessageIdFor(Guid id, string domain) => $"{id:D}@{domain}";
}
