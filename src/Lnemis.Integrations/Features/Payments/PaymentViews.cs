using Lnemis.Integrations.Domain;

namespace Lnemis.Integrations.Features.Payments;

public sealed record PaymentView(
    Guid Id, PaymentPurpose Purpose, long AmountMinor, string Currency, string PayerReference, string? Description, PaymentMethod Method,
    PaymentState State, string? GatewayReference, string? RedirectUrl, string? FailureReason, string ScopePath, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? PaidAt, long Version)
{
    public static PaymentView From(Payment p) =>
        new(p.Id, p.Purpose, p.AmountMinor, p.Currency, p.PayerReference, p.Description, p.Method, p.State, p.GatewayReference, p.RedirectUrl,
            p.FailureReason, p.ScopePath, p.CreatedAt, p.UpdatedAt, p.PaidAt, p.Version);
}
