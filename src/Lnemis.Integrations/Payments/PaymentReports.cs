using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Payments;

/// <summary>
/// Applies the gateway's account of a payment (a callback or a status query) in one save: the new
/// state, its audit entry, and the payment.* event for webhooks. A repeat changes nothing.
/// </summary>
internal sealed class PaymentReports(LnemisDbContext db, EventPublisher events, TimeProvider clock)
{
    public async Task<PaymentChange> ApplyAsync(Payment payment, GatewayReport report, CancellationToken ct)
    {
        var change = payment.Apply(report.State, report.AmountMinor, report.Currency, clock.GetUtcNow());
        if (change == PaymentChange.Changed)
        {
            events.Publish(PaymentEvents.For(payment.State), payment.Id, payment.ScopePath, PaymentEvents.Data(payment));
            await db.SaveChangesAsync(ct);
        }

        return change;
    }
}

/// <summary>
/// Asks the gateway about payments that have been pending too long (a callback lost on the way),
/// and applies the answer like a callback.
/// </summary>
internal sealed class PaymentReconciliation(IOptions<IntegrationsOptions> options, TimeProvider clock, ILogger<PaymentReconciliation> logger) : IRecurringTask
{
    public const int BatchSize = 100;

    public string Name => "payment-reconciliation";

    public TimeSpan Interval => TimeSpan.FromSeconds(options.Value.Payments.ReconcileIntervalSeconds);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var gateway = services.GetRequiredService<IPaymentGateway>();
        if (!gateway.IsConfigured)
        {
            return;
        }

        var db = services.GetRequiredService<LnemisDbContext>();
        var reports = services.GetRequiredService<PaymentReports>();
        var before = clock.GetUtcNow().AddSeconds(-options.Value.Payments.ReconcileAfterSeconds);
        var stale = await db.Payments()
            .Where(p => p.State == PaymentState.Pending && p.GatewayReference != null && p.UpdatedAt <= before)
            .OrderBy(p => p.UpdatedAt).Take(BatchSize).ToListAsync(ct);
        foreach (var payment in stale)
        {
            try
            {
                var change = await reports.ApplyAsync(payment, await gateway.QueryAsync(payment.GatewayReference!, ct), ct);
                if (change is PaymentChange.Mismatch or PaymentChange.Contradicted)
                {
                    logger.LogWarning("Payment {Payment}: the gateway's status does not fit ({Change})", payment.Id, change);
                }
            }
            catch (PaymentGatewayException ex)
            {
                logger.LogWarning(ex, "Payment {Payment} could not be reconciled", payment.Id);
            }
        }
    }
}
