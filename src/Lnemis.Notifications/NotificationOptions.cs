namespace Lnemis.Notifications;

/// <summary>Configuration of notification delivery, section "Lnemis:Notifications" (env: Lnemis__Notifications__...).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Lnemis:Notifications";

    /// <summary>Send due deliveries from the worker on its own; off only in tests that drive the dispatcher themselves.</summary>
    public bool AutomaticDispatch { get; set; } = true;

    public int DispatchIntervalSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a worker holds the deliveries it claimed; after that another worker takes them over.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a delivery is marked failed (retries back off exponentially: 2 s, 4 s, 8 s … up to an hour).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The domain part of e-mail Message-IDs ("{delivery id}@{domain}").</summary>
    public string MessageIdDomain { get; set; } = "lnemis.local";

    /// <summary>How long sent and failed deliveries are kept (DeliveryRetention purges older ones; queued ones are never purged).</summary>
    public Lnemis.Platform.Data.RetentionPeriods Retention { get; set; } = new() { SucceededDays = 90, FailedDays = 365 };

    public EmailOptions Email { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public NotifyOptions Notify { get; set; } = new();
}

public static class Providers
{
    /// <summary>Every message is stored in the dev mailbox table (the embedded default).</summary>
    public const string DevMailbox = "DevMailbox";
    public const string Smtp = "Smtp";
    public const string Notify = "Notify";
    public const string Http = "Http";
}

public sealed class EmailOptions
{
    /// <summary>DevMailbox (default), Smtp or Notify.</summary>
    public string Provider { get; set; } = Providers.DevMailbox;
    public string From { get; set; } = "LNEMIS <no-reply@lnemis.local>";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class SmsOptions
{
    /// <summary>DevMailbox (default), Http (a provider's HTTP API) or Notify.</summary>
    public string Provider { get; set; } = Providers.DevMailbox;

    /// <summary>The provider's send URL (Http): it gets a JSON POST {from, to, text, reference} with "Authorization: Bearer {Token}".</summary>
    public string? Url { get; set; }
    public string? Token { get; set; }

    /// <summary>Sender id shown to the recipient, where the provider supports one.</summary>
    public string From { get; set; } = "LNEMIS";

    /// <summary>Start of the quiet hours ("21:00"), local time in <see cref="TimeZone"/>; empty for none. A user may set their own.</summary>
    public string? QuietHoursStart { get; set; } = "21:00";
    public string? QuietHoursEnd { get; set; } = "07:00";

    /// <summary>IANA time zone of the quiet hours (e.g. "Africa/Nairobi").</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>A GOV.UK Notify-compatible API (e-mail and SMS).</summary>
public sealed class NotifyOptions
{
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    /// <summary>"{key name}-{service id}-{secret}", as Notify issues it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A Notify e-mail template whose subject is "((subject))" and body "((body))": LNEMIS renders the text itself.</summary>
    public string? EmailTemplateId { get; set; }

    /// <summary>A Notify text-message template whose body is "((body))".</summary>
    public string? SmsTemplateId { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
