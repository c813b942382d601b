using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lnemis.Testing;

/// <summary>
/// An HTTP client that behaves like the browser app: keeps cookies and copies the XSRF-TOKEN
/// cookie into the X-XSRF-TOKEN header on unsafe requests (unless told not to).
/// </summary>
public sealed class TestClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly CookieHandler handler;

    public TestClient(HttpMessageHandler inner, Uri baseAddress)
    {
        handler = new CookieHandler { InnerHandler = inner };
        Http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => handler.Container;

    /// <summary>When false, unsafe requests go without the anti-forgery header (to test the check).</summary>
    public bool SendAntiforgery
    {
        get => handler.SendAntiforgery;
        set => handler.SendAntiforgery = value;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) =>
        Http.PostAsync(url, body is null ? null : JsonContent.Create(body, options: Json));

    public Task<HttpResponseMessage> PutAsync(string url, object body) => Http.PutAsync(url, JsonContent.Create(body, options: Json));

    public Task<HttpResponseMessage> DeleteAsync(string url) => Http.DeleteAsync(url);

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string body, string contentType = "application/json") =>
        Http.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) });

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public void Dispose() => Http.Dispose();

    private sealed class CookieHandler : DelegatingHandler
    {
        public CookieContainer Container { get; } = new();
        public bool SendAntiforgery { get; set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (SendAntiforgery && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
                && !request.Headers.Contains("Authorization")
                && Container.GetCookies(uri)["XSRF-TOKEN"] is null)
            {
                await FetchAntiforgeryAsync(uri, cancellationToken);
            }

            var cookieHeader = Container.GetCookieHeader(uri);
            if (cookieHeader.Length > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", cookieHeader);
            }

            if (SendAntiforgery && request.Method != HttpMethod.Get && Container.GetCookies(uri)["XSRF-TOKEN"] is { } token)
            {
                request.Headers.Remove("X-XSRF-TOKEN");
                request.Headers.Add("X-XSRF-TOKEN", token.Value);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    Container.SetCookies(uri, cookie);
                }
            }

            return response;
        }

        private async Task FetchAntiforgeryAsync(Uri uri, CancellationToken ct)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, "/api/v1/antiforgery"));
            var cookieHeader = Container.GetCookieHeader(uri);
            if (cookieHeader.Length > 0)
            {
                get.Headers.Add("Cookie", cookieHeader);
            }

            using var response = await base.SendAsync(get, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    Container.SetCookies(uri, cookie);
                }
            }
        }
    }
}

public static class ResponseExtensions
{
    /// <summary>Asserts the status (showing the body when it differs) and parses the JSON body.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }

        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a problem document (RFC 9457) with the status, and returns it.</summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.ReadJsonAsync(expected);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
        {
            throw new Xunit.Sdk.XunitException($"Expected a problem document but got {mediaType}: {json.ToJsonString()}");
        }

        if (json["status"]?.GetValue<int>() != (int)expected)
        {
            throw new Xunit.Sdk.XunitException($"The problem's status is not {(int)expected}: {json.ToJsonString()}");
        }

        return json;
    }
}
