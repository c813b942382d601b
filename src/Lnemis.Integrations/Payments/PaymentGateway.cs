using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Outbound;
using Lnemis.Integrations.Webhooks;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Payments;

public sealed record GatewayPaymentRequest(
    Guid MerchantReference, long AmountMinor, string Currency, string Description, PaymentMethod Method, string? PayerPhone, string? ReturnUrl);

/// <summary>What the gateway made of a new payment: its reference, and the page to send the payer to (redirect) or none (push prompt sent).</summary>
public sealed record GatewayPayment(string Reference, string? RedirectUrl);

/// <summary>The gateway's account of a payment, from a callback or a status query.</summary>
public sealed record GatewayReport(string Reference, Guid? MerchantReference, PaymentState State, long AmountMinor, string Currency);

/// <summary>The gateway refused or could not be reached.</summary>
public sealed class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A payment provider (card, mobile money): creates a payment, answers its status, and signs the
/// callbacks it sends. One implementation talks HTTP to a configured gateway.
/// </summary>
public interface IPaymentGateway
{
    bool IsConfigured { get; }

    Task<GatewayPayment> CreateAsync(GatewayPaymentRequest request, CancellationToken ct);

    Task<GatewayReport> QueryAsync(string reference, CancellationToken ct);

    /// <summary>The report in a callback, or null when its signature or timestamp does not verify.</summary>
    GatewayReport? ReadCallback(string? signature, string? timestamp, string body);
}

/// <summary>
/// The HTTP gateway (wire format in docs/api/payments.md): POST {base}/v1/payments and GET
/// {base}/v1/payments/{reference} with a bearer API key and our payment id as idempotency key;
/// callbacks signed like our webhooks (HMAC-SHA256 over "{timestamp}.{body}").
/// </summary>
internal sealed class HttpPaymentGateway(IntegrationsHttp http, IOptions<IntegrationsOptions> options, TimeProvider clock) : IPaymentGateway
{
    public const string SignatureHeader = "Gateway-Signature";
    public const string TimestampHeader = "Gateway-Timestamp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    private PaymentOptions Settings => options.Value.Payments;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.BaseUrl);

    public async Task<GatewayPayment> CreateAsync(GatewayPaymentRequest request, CancellationToken ct)
    {
        using var message = Request(HttpMethod.Post, "v1/payments");
        message.Headers.Add("Idempotency-Key", request.MerchantReference.ToString());
        message.Content = JsonContent.Create(
            new
            {
                merchantReference = request.MerchantReference,
                amountMinor = request.AmountMinor,
                currency = request.Currency,
                description = request.Description,
                method = request.Method,
                payerPhone = request.PayerPhone,
                returnUrl = request.ReturnUrl,
                callbackUrl = Settings.CallbackUrl,
            },
            options: Json);
        var created = await SendAsync<CreatedWire>(message, ct);
        if (string.IsNullOrWhiteSpace(created.Reference))
        {
            throw new PaymentGatewayException("The gateway answered without a payment reference.");
        }

        return new GatewayPayment(created.Reference, created.RedirectUrl);
    }

    public async Task<GatewayReport> QueryAsync(string reference, CancellationToken ct)
    {
        using var message = Request(HttpMethod.Get, $"v1/payments/{Uri.EscapeDataString(reference)}");
        return (await SendAsync<ReportWire>(message, ct)).ToReport();
    }

    public GatewayReport? ReadCallback(string? signature, string? timestamp, string body)
    {
        if (!RequestSignature.Verify(Settings.CallbackSecret ?? "", signature, timestamp, body, clock.GetUtcNow(), TimeSpan.FromSeconds(Settings.CallbackToleranceSeconds)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReportWire>(body, Json)?.ToReport();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        if (!IsConfigured)
        {
            throw new PaymentGatewayException("No payment gateway is configured.");
        }

        var message = new HttpRequestMessage(method, new Uri(new Uri(Settings.BaseUrl!.TrimEnd('/') + "/"), path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Settings.ApiKey);
        return message;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
        try
        {
            using var response = await http.Partners.SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"The gateway answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, timeout.Token)
                ?? throw new PaymentGatewayException("The gateway answered with an empty body.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new PaymentGatewayException($"The gateway could not be reached: {ex.Message}", ex);
        }
    }

    private sealed record CreatedWire(string? Reference, string? RedirectUrl);

    private sealed record ReportWire(string Reference, Guid? MerchantReference, PaymentState Status, long AmountMinor, string Currency)
    {
        public GatewayReport ToReport() => new(Reference, MerchantReference, Status, AmountMinor, Currency);
    }
}
