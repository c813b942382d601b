using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lnemis.Integrations.Outbound;
using Lnemis.Platform.Integrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.NationalIdentity;

/// <summary>
/// The national identity register over HTTP: POST {base}/v1/identity/verify with a bearer API key
/// and {nationalId, givenName, familyName, dateOfBirth}; the register answers
/// {"result": "match" | "no_match" | "unknown"}. No register configured, an error or a timeout
/// answers Unknown with the reason (a caller never takes "could not ask" for "no match").
/// </summary>
internal sealed class HttpNationalIdentityLookup(IntegrationsHttp http, IOptions<IntegrationsOptions> options, ILogger<HttpNationalIdentityLookup> logger)
    : INationalIdentityLookup
{
    public async Task<NationalIdentityResult> VerifyAsync(NationalIdentityQuery query, CancellationToken ct)
    {
        var settings = options.Value.NationalIdentity;
        if (string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            return new NationalIdentityResult(IdentityMatch.Unknown, "The national identity register is not configured.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), "v1/identity/verify"))
        {
            Content = JsonContent.Create(new
            {
                nationalId = query.NationalId,
                givenName = query.GivenName,
                familyName = query.FamilyName,
                dateOfBirth = query.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.Partners.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new NationalIdentityResult(IdentityMatch.Unknown, $"The register answered {(int)response.StatusCode}.");
            }

            var answer = await response.Content.ReadFromJsonAsync<Answer>(timeout.Token);
            return answer?.Result switch
            {
                "match" => new NationalIdentityResult(IdentityMatch.Match),
                "no_match" => new NationalIdentityResult(IdentityMatch.NoMatch),
                _ => new NationalIdentityResult(IdentityMatch.Unknown, "The register could not decide."),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(ex, "The national identity register could not be asked");
            return new NationalIdentityResult(IdentityMatch.Unknown, "The register could not be reached.");
        }
    }

    private sealed record Answer(string? Result);
}
