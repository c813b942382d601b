namespace Lnemis.Integrations;

/// <summary>Configuration of webhooks, outbound requests, payments and the national identity register ("Lnemis:Integrations").</summary>
public sealed class IntegrationsOptions
{
    public const string Section = "Lnemis:Integrations";

    public OutboundOptions Outbound { get; set; } = new();
    public WebhookOptions Webhooks { get; set; } = new();
    public PaymentOptions Payments { get; set; } = new();
    public NationalIdentityOptions NationalIdentity { get; set; } = new();
}

/// <summary>Where webhook deliveries may go (the SSRF guard).</summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// Networks in CIDR form ("10.20.0.0/16", "127.0.0.1/32") that webhooks may reach although they
    /// are private, loopback or otherwise internal. Empty (the default): only public addresses.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Allow plain http:// webhook URLs (tests, a closed network). Default: https only.</summary>
    public bool AllowHttp { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

public sealed class WebhookOptions
{
    /// <summary>Attempts of one delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each next one twice as long (plus up to 20% jitter).</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxSeconds { get; set; } = 6 * 3600;

    /// <summary>Consecutive failed attempts (any delivery) after which a subscription is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 15;

    /// <summary>How long delivered and failed deliveries are kept in the log (WebhookDeliveryRetention purges older ones; pending ones are never purged).</summary>
    public Lnemis.Platform.Data.RetentionPeriods Retention { get; set; } = new() { SucceededDays = 30, FailedDays = 180 };
}

public sealed class PaymentOptions
{
    /// <summary>The gateway's API, e.g. https://pay.example/api/. Empty: payments are not available.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token on calls to the gateway.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The shared secret the gateway signs its callbacks with (HMAC-SHA256).</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>How far a callback's timestamp may be from now (replay window).</summary>
    public int CallbackToleranceSeconds { get; set; } = 300;

    /// <summary>Our callback URL as the gateway reaches it (sent with each payment), when the gateway needs it per payment.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>A payment still pending after this long is asked about by the reconciliation task.</summary>
    public int ReconcileAfterSeconds { get; set; } = 900;

    public int ReconcileIntervalSeconds { get; set; } = 300;

    public int TimeoutSeconds { get; set; } = 15;
}

public sealed class NationalIdentityOptions
{
    /// <summary>The national identity register's API. Empty: verifications answer "unknown".</summary>
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}
