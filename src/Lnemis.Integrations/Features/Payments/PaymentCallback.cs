using System.Text.Json;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Payments;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Features.Payments;

/// <summary>
/// The gateway tells us how a payment went. There is no user: the request is authenticated by its
/// signature (HMAC over timestamp and body with the shared callback secret, within the replay
/// window); anything else is 401 and changes nothing. The amount and currency must be the
/// payment's (400, audited, nothing changes). A repeated callback answers 200 and changes nothing;
/// one contradicting a final state answers 409 and changes nothing.
/// </summary>
public static class PaymentCallback
{
    public const string Actor = "payment-gateway";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments/callback", HandleAsync)
            .AllowAnonymous() // authenticated by the gateway's signature instead
            .DisableAntiforgery()
            .WithTags("Payments");

    internal static async Task<IResult> HandleAsync(
        HttpRequest http, LnemisDbContext db, CurrentActor actor, IPaymentGateway gateway, PaymentReports reports, AuditLog audit, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(ct);
        var report = gateway.ReadCallback(http.Headers[HttpPaymentGateway.SignatureHeader], http.Headers[HttpPaymentGateway.TimestampHeader], body);
        if (report is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The callback's signature does not verify.");
        }

        actor.SetClient(Actor, AccessScope.System);
        var payment = await db.Payments().FirstOrDefaultAsync(p => p.GatewayReference == report.Reference, ct);
        if (payment is null || (report.MerchantReference is { } merchant && merchant != payment.Id))
        {
            return Problems.NotFound("The payment");
        }

        var change = await reports.ApplyAsync(payment, report, ct);
        switch (change)
        {
            case PaymentChange.Mismatch:
                await audit.RecordAsync("payment.callback_refused", nameof(Payment), payment.Id.ToString(),
                    JsonSerializer.Serialize(new { reason = "amount or currency differs", report.AmountMinor, report.Currency }), ct);
                return Problems.Validation(new Dictionary<string, string[]>
                {
                    ["amountMinor"] = [$"The payment is {payment.AmountMinor} {payment.Currency}."],
                    ["currency"] = [$"The payment is in {payment.Currency}."],
                });
            case PaymentChange.Contradicted:
                return Problems.Conflict($"The payment is already {payment.State.ToString().ToLowerInvariant()}.");
            default:
                return TypedResults.Ok(new { payment.Id, State = payment.State.ToString(), Changed = change == PaymentChange.Changed });
        }
    }
}
