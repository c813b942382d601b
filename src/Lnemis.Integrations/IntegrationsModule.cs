// Integrations: the platform's connections to other systems. Owns webhook subscriptions and their
// delivery log (events from the outbox, signed, retried, guarded against internal targets),
// payments through a gateway (created, called back with a signature, reconciled), and the
// verifications of national identity numbers against the government register.
using FluentValidation;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Features.IdentityChecks;
using Lnemis.Integrations.Features.Payments;
using Lnemis.Integrations.Features.Webhooks;
using Lnemis.Integrations.NationalIdentity;
using Lnemis.Integrations.Outbound;
using Lnemis.Integrations.Payments;
using Lnemis.Integrations.Webhooks;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Integrations;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lnemis.Integrations;

public static class IntegrationsModule
{
    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new IntegrationsModel();

    public static IServiceCollection AddIntegrationsModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<IntegrationsOptions>().BindConfiguration(IntegrationsOptions.Section)
            .Validate(o => o.Outbound.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Lnemis:Integrations:Outbound:AllowedNetworks holds a network that is not in CIDR form.")
            .ValidateOnStart();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<OutboundGuard>();
        services.AddSingleton<IntegrationsHttp>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<IIntegrationEventSubscriber, WebhookEventSubscriber>();
        services.AddJobHandler<WebhookDeliveryMessage, WebhookSender>();
        services.AddRecurringTask<WebhookDeliveryRetention>();

        services.TryAddSingleton<IPaymentGateway, HttpPaymentGateway>();
        services.AddScoped<PaymentReports>();
        services.AddIntegrationEvents(PaymentEvents.All);
        services.AddRecurringTask<PaymentReconciliation>();

        services.TryAddSingleton<INationalIdentityLookup, HttpNationalIdentityLookup>();
        services.AddValidatorsFromAssemblyContaining<CreateSubscription.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static void MapIntegrationsEndpoints(this IEndpointRouteBuilder api)
    {
        ListSubscriptions.Map(api);
        GetSubscription.Map(api);
        CreateSubscription.Map(api);
        ChangeSubscription.Map(api);
        UpdateSubscription.Map(api);
        ListDeliveries.Map(api);
        ResendDelivery.Map(api);
        ListEventTypes.Map(api);

        ListPayments.Map(api);
        GetPayment.Map(api);
        CreatePayment.Map(api);
        PaymentCallback.Map(api);

        VerifyNationalIdentity.Map(api);
    }
}
