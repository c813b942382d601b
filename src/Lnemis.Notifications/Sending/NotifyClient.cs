using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Lnemis.Notifications.Sending;

/// <summary>
/// A client for a GOV.UK Notify-compatible API: POST /v2/notifications/email and /sms, each
/// authenticated by a JWT (HS256, iss = the service id, iat = now) signed with the API key's
/// secret; the stable message id goes as "reference". LNEMIS renders the text itself and passes it
/// as the personalisation of a pass-through template.
/// </summary>
internal sealed class NotifyClient(HttpClient http, IOptionsMonitor<NotificationOptions> options, TimeProvider clock) : IEmailSender, ISmsSender
{
    public const string HttpClientName = "notify";

    async Task<string?> IEmailSender.SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.CurrentValue.Notify;
        return await PostAsync("email", new JsonObject
        {
            ["email_address"] = message.To,
            ["template_id"] = Required(settings.EmailTemplateId, "Lnemis:Notifications:Notify:EmailTemplateId"),
            ["personalisation"] = new JsonObject { ["subject"] = message.Subject ?? "", ["body"] = message.Body },
            ["reference"] = message.MessageId.ToString(),
        }, ct);
    }

    async Task<string?> ISmsSender.SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.CurrentValue.Notify;
        return await PostAsync("sms", new JsonObject
        {
            ["phone_number"] = message.To,
            ["template_id"] = Required(settings.SmsTemplateId, "Lnemis:Notifications:Notify:SmsTemplateId"),
            ["personalisation"] = new JsonObject { ["body"] = message.Body },
            ["reference"] = message.MessageId.ToString(),
        }, ct);
    }

    private async Task<string?> PostAsync(string kind, JsonObject body, CancellationToken ct)
    {
        var settings = options.CurrentValue.Notify;
        var (serviceId, secret) = ParseApiKey(Required(settings.ApiKey, "Lnemis:Notifications:Notify:ApiKey"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), $"v2/notifications/{kind}"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new("Bearer", CreateToken(serviceId, secret, clock.GetUtcNow()));
        using var response = await http.SendAsync(request, ct);
        return await ProviderAnswer.ReferenceAsync(response, "Notify", ct);
    }

    /// <summary>A Notify key is "{name}-{service id}-{secret}", both ids being 36-character UUIDs.</summary>
    public static (string ServiceId, string Secret) ParseApiKey(string apiKey)
    {
        if (apiKey.Length < 74)
        {
            throw new InvalidOperationException("The Notify API key is not of the form {name}-{service id}-{secret}.");
        }

        return (apiKey.Substring(apiKey.Length - 73, 36), apiKey[^36..]);
    }

    /// <summary>The JWT Notify expects: header {"typ":"JWT","alg":"HS256"}, claims {"iss", "iat"}, HMAC-SHA256 with the secret.</summary>
    public static string CreateToken(string serviceId, string secret, DateTimeOffset now)
    {
        var header = Base64Url("""{"typ":"JWT","alg":"HS256"}"""u8.ToArray());
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["iss"] = serviceId, ["iat"] = now.ToUnixTimeSeconds() }));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{claims}")));
        return $"{header}.{claims}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{key} is not configured.") : value;
}

/// <summary>
/// SMS through a provider's HTTP API: POST {Url} with JSON {from, to, text, reference} and
/// "Authorization: Bearer {Token}"; any 2xx means accepted, and an "id" in the answer is kept.
/// </summary>
internal sealed class HttpSmsSender(HttpClient http, IOptionsMonitor<NotificationOptions> options) : ISmsSender
{
    public const string HttpClientName = "sms";

    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.CurrentValue.Sms;
        var url = string.IsNullOrWhiteSpace(settings.Url) ? throw new InvalidOperationException("Lnemis:Notifications:Sms:Url is not configured.") : settings.Url;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["from"] = settings.From,
                ["to"] = message.To,
                ["text"] = message.Body,
                ["reference"] = message.MessageId.ToString(),
            }),
        };
        if (!string.IsNullOrEmpty(settings.Token))
        {
            request.Headers.Authorization = new("Bearer", settings.Token);
        }

        using var response = await http.SendAsync(request, ct);
        return await ProviderAnswer.ReferenceAsync(response, "The SMS provider", ct);
    }
}

internal static class ProviderAnswer
{
    /// <summary>The "id" of a 2xx JSON answer (null if there is none); any other status throws with the answer's start.</summary>
    public static async Task<string?> ReferenceAsync(HttpResponseMessage response, string provider, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{provider} answered {(int)response.StatusCode}: {(text.Length > 500 ? text[..500] : text)}", null, response.StatusCode);
        }

        try
        {
            return JsonNode.Parse(text)?["id"]?.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
