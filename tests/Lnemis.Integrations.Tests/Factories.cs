using Lnemis.Integrations.Outbound;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lnemis.Integrations.Tests;

/// <summary>The server with loopback allowed for webhooks (the receivers run there), quick retries and an early disable.</summary>
public class WebhookFactory : LnemisFactory
{
    public const int DisableAfter = 3;
    public const double RetryBaseSeconds = 0.3;

    public WebhookFactory()
    {
    }

    private WebhookFactory(TestDatabase shared)
        : base(shared)
    {
    }

    public static WebhookFactory Sharing(TestDatabase shared) => new(shared);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Integrations:Outbound:AllowedNetworks:0"] = "127.0.0.1/32",
        ["Lnemis:Integrations:Outbound:AllowHttp"] = "true",
        ["Lnemis:Integrations:Outbound:TimeoutSeconds"] = "20",
        ["Lnemis:Integrations:Webhooks:RetryBaseSeconds"] = RetryBaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lnemis:Integrations:Webhooks:DisableAfterFailures"] = DisableAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lnemis:Integrations:Webhooks:MaxAttempts"] = "10",
        ["Lnemis:Jobs:LeaseSeconds"] = "2",
    };
}

/// <summary>The server with the SSRF guard as shipped (no network allowed) and a DNS the test scripts.</summary>
public sealed class GuardedFactory : LnemisFactory
{
    public ScriptedResolver Resolver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Integrations:Outbound:AllowHttp"] = "true",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IHostResolver>(Resolver));
}
