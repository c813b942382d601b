using Lnemis.Integrations.Domain;
using Lnemis.Platform.Events;

namespace Lnemis.Integrations.Payments;

/// <summary>The payment.* events: one per state a payment can move to, all with the same payload.</summary>
internal static class PaymentEvents
{
    public const string Pending = "payment.pending";
    public const string Paid = "payment.paid";
    public const string Failed = "payment.failed";
    public const string Cancelled = "payment.cancelled";

    public static string For(PaymentState state) => state switch
    {
        PaymentState.Pending => Pending,
        PaymentState.Paid => Paid,
        PaymentState.Failed => Failed,
        PaymentState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A payment is never reported as created."),
    };

    /// <summary>What every payment event carries (the payer's phone and the gateway's references stay out).</summary>
    public static object Data(Payment payment) => new
    {
        payment.Id,
        Purpose = payment.Purpose.ToString(),
        payment.AmountMinor,
        payment.Currency,
        payment.PayerReference,
        State = payment.State.ToString(),
    };

    private static object Example(PaymentState state) => Data(new Payment
    {
        Id = Guid.Parse("0199a1b2-0000-7000-8000-00000000e001"),
        Purpose = PaymentPurpose.ExamFee,
        AmountMinor = 150_000,
        Currency = "KES",
        PayerReference = "2026000042",
        State = state,
        ScopePath = "/",
        CreatedBy = "example",
    });

    public static IEnumerable<IntegrationEventDefinition> All { get; } =
    [
        new(Pending, "Integrations", "The payer was prompted (or redirected) and the gateway is waiting for them.", Example(PaymentState.Pending)),
        new(Paid, "Integrations", "The gateway confirmed the payment (by signed callback or reconciliation).", Example(PaymentState.Paid)),
        new(Failed, "Integrations", "The gateway reported the payment failed.", Example(PaymentState.Failed)),
        new(Cancelled, "Integrations", "The payer or the gateway cancelled the payment.", Example(PaymentState.Cancelled)),
    ];
}
