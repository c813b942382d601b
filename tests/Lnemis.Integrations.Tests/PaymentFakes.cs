using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lnemis.Integrations.Webhooks;
using Lnemis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lnemis.Integrations.Tests;

/// <summary>
/// A payment gateway on loopback speaking the wire format of docs/api/payments.md: checks the API
/// key, keeps payments by reference (our id is the idempotency key), answers status queries, and
/// signs callbacks with the shared secret.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    public const string ApiKey = "gateway-test-key";
    public const string CallbackSecret = "gateway-callback-secret";

    private readonly LoopbackServer server;

    public FakeGateway()
    {
        server = LoopbackServer.Start(app =>
        {
            app.MapPost("/v1/payments", async (HttpContext context) =>
            {
                if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
                {
                    return Results.StatusCode(401);
                }

                var body = (await JsonNode.ParseAsync(context.Request.Body))!;
                Requests.Enqueue(body);
                if (body["description"]?.GetValue<string>() == "GATEWAY-DOWN")
                {
                    return Results.StatusCode(503);
                }

                var key = context.Request.Headers["Idempotency-Key"].ToString();
                var payment = Payments.GetOrAdd(key, _ => new GatewayRecord(
                    "gw_" + Guid.NewGuid().ToString("N")[..16], body["merchantReference"]!.GetValue<Guid>(), body["amountMinor"]!.GetValue<long>(), body["currency"]!.GetValue<string>()));
                var redirect = body["method"]!.GetValue<string>() == "redirect" ? $"{server!.BaseAddress}pay/{payment.Reference}" : null;
                return Results.Json(new { reference = payment.Reference, redirectUrl = redirect }, statusCode: 201);
            });
            app.MapGet("/v1/payments/{reference}", (string reference, HttpContext context) =>
            {
                var payment = Payments.Values.FirstOrDefault(p => p.Reference == reference);
                return context.Request.Headers.Authorization != $"Bearer {ApiKey}" ? Results.StatusCode(401)
                    : payment is null ? Results.NotFound()
                    : Results.Json(payment.Wire());
            });
        });
    }

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public ConcurrentDictionary<string, GatewayRecord> Payments { get; } = new();

    public string BaseUrl => server.BaseAddress.ToString();

    public GatewayRecord Find(Guid merchantReference) => Payments.Values.Single(p => p.MerchantReference == merchantReference);

    /// <summary>Sends a callback the way the gateway does, signed with <paramref name="secret"/>, optionally with a body other than the one signed.</summary>
    public static async Task<HttpResponseMessage> CallBackAsync(
        HttpClient server, object report, string secret = CallbackSecret, DateTimeOffset? at = null, Func<string, string>? tamper = null)
    {
        var body = JsonSerializer.Serialize(report, TestClient.Json);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callback")
        {
            Content = new StringContent(tamper is null ? body : tamper(body), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Gateway-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Gateway-Signature", RequestSignature.Compute(secret, timestamp, body));
        return await server.SendAsync(request);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

public sealed class GatewayRecord(string reference, Guid merchantReference, long amountMinor, string currency)
{
    public string Reference { get; } = reference;
    public Guid MerchantReference { get; } = merchantReference;
    public long AmountMinor { get; } = amountMinor;
    public string Currency { get; } = currency;
    public string Status { get; set; } = "pending";

    public object Wire(string? status = null, long? amountMinor = null, string? currency = null) => new
    {
        reference = Reference,
        merchantReference = MerchantReference,
        status = status ?? Status,
        amountMinor = amountMinor ?? AmountMinor,
        currency = currency ?? Currency,
    };
}

/// <summary>The national identity register on loopback: knows some people by number; "DOWN…" numbers make it fail.</summary>
public sealed class FakeRegister : IAsyncDisposable
{
    public const string ApiKey = "register-test-key";

    private readonly LoopbackServer server;

    public FakeRegister()
    {
        server = LoopbackServer.Start(app => app.MapPost("/v1/identity/verify", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
            {
                return Results.StatusCode(401);
            }

            var query = (await context.Request.ReadFromJsonAsync<JsonNode>())!;
            var number = query["nationalId"]!.GetValue<string>();
            if (number.StartsWith("DOWN", StringComparison.Ordinal))
            {
                return Results.StatusCode(500);
            }

            var match = People.TryGetValue(number, out var person)
                && person.FamilyName == query["familyName"]!.GetValue<string>()
                && person.DateOfBirth == query["dateOfBirth"]!.GetValue<string>();
            return Results.Json(new { result = match ? "match" : "no_match" });
        }));
    }

    public ConcurrentDictionary<string, (string FamilyName, string DateOfBirth)> People { get; } = new();

    public string BaseUrl => server.BaseAddress.ToString();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

/// <summary>The server wired to the fake gateway and the fake register.</summary>
public sealed class PaymentFactory : LnemisFactory
{
    public FakeGateway Gateway { get; } = new();

    public FakeRegister Register { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Integrations:Payments:BaseUrl"] = Gateway.BaseUrl,
        ["Lnemis:Integrations:Payments:ApiKey"] = FakeGateway.ApiKey,
        ["Lnemis:Integrations:Payments:CallbackSecret"] = FakeGateway.CallbackSecret,
        ["Lnemis:Integrations:Payments:ReconcileAfterSeconds"] = "0",
        ["Lnemis:Integrations:NationalIdentity:BaseUrl"] = Register.BaseUrl,
        ["Lnemis:Integrations:NationalIdentity:ApiKey"] = FakeRegister.ApiKey,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
        await Register.DisposeAsync();
    }
}
