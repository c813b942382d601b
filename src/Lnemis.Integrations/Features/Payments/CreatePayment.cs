using FluentValidation;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Payments;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Lnemis.Integrations.Features.Payments;

/// <summary>
/// Starts a payment: stored as created, handed to the gateway (our id is its idempotency key),
/// then pending with the gateway's reference and the page to send the payer to (or a push prompt
/// on their phone). A gateway that refuses or cannot be reached leaves the payment failed with
/// the reason, and the caller gets 502.
/// </summary>
public static class CreatePayment
{
    public sealed record Request(
        PaymentPurpose Purpose, long AmountMinor, string Currency, string PayerReference, string? Description,
        PaymentMethod Method, string? PayerPhone, string? ReturnUrl, string? ScopePath);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Purpose).IsInEnum();
            RuleFor(r => r.Method).IsInEnum();
            RuleFor(r => r.AmountMinor).GreaterThan(0).WithMessage("Give the amount in minor units (cents), more than zero.")
                .LessThanOrEqualTo(1_000_000_000_000);
            RuleFor(r => r.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("Give an ISO 4217 currency code such as KES.");
            RuleFor(r => r.PayerReference).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Description).MaximumLength(500);
            RuleFor(r => r.PayerPhone).NotEmpty().When(r => r.Method == PaymentMethod.Push).WithMessage("A push prompt needs the payer's phone.");
            RuleFor(r => r.PayerPhone).Matches(@"^\+[1-9][0-9]{6,14}$").When(r => r.PayerPhone is not null).WithMessage("Give the phone in international form, e.g. +254700000001.");
            RuleFor(r => r.ReturnUrl).MaximumLength(2000)
                .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage("Give an absolute URL.");
            RuleFor(r => r.ScopePath).MaximumLength(1000).Matches("^/([A-Za-z0-9_-]+/)*$").When(r => r.ScopePath is not null)
                .WithMessage("A scope path looks like /a1/b2/.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments", HandleAsync).RequirePermission(IntegrationPermissions.PaymentsManage).Validate<Request>().WithTags("Payments");

    internal static async Task<IResult> HandleAsync(
        Request request, LnemisDbContext db, CurrentActor actor, IPaymentGateway gateway, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (!gateway.IsConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Payments are not available", detail: "No payment gateway is configured.");
        }

        var scopePath = request.ScopePath ?? actor.Access.PathsFor(IntegrationPermissions.PaymentsManage).FirstOrDefault() ?? AccessScope.CountryPath;
        if (!actor.Access.Covers(IntegrationPermissions.PaymentsManage, scopePath))
        {
            return Problems.Field("scopePath", "You can only take payments for places where you manage payments.");
        }

        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            Purpose = request.Purpose,
            AmountMinor = request.AmountMinor,
            Currency = request.Currency,
            PayerReference = request.PayerReference.Trim(),
            PayerPhone = request.PayerPhone,
            Description = request.Description?.Trim(),
            Method = request.Method,
            State = PaymentState.Created,
            ScopePath = scopePath,
            CreatedBy = actor.Email ?? actor.ClientId ?? "system",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Payments().Add(payment);
        await db.SaveChangesAsync(ct);

        try
        {
            var created = await gateway.CreateAsync(
                new GatewayPaymentRequest(payment.Id, payment.AmountMinor, payment.Currency, payment.Description ?? payment.Purpose.ToString(), payment.Method, payment.PayerPhone, request.ReturnUrl),
                ct);
            payment.GatewayReference = created.Reference;
            payment.RedirectUrl = created.RedirectUrl;
            payment.State = PaymentState.Pending;
        }
        catch (PaymentGatewayException ex)
        {
            logs.CreateLogger(typeof(CreatePayment)).LogWarning(ex, "The gateway did not take payment {Payment}", payment.Id);
            payment.State = PaymentState.Failed;
            payment.FailureReason = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }

        payment.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return payment.State == PaymentState.Failed
            ? TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The payment gateway did not take the payment", detail: payment.FailureReason,
                extensions: new Dictionary<string, object?> { ["paymentId"] = payment.Id })
            : TypedResults.Created($"/api/v1/payments/{payment.Id}", PaymentView.From(payment));
    }
}
