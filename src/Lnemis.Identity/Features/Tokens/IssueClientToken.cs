using System.Text;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Features.Tokens;

/// <summary>
/// OAuth2 token endpoint, client-credentials grant (RFC 6749 §4.4): form-encoded, client
/// authenticated by HTTP Basic or form fields; errors in the RFC's JSON shape.
/// </summary>
public static class IssueClientToken
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/oauth/token", HandleAsync).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(PlatformModule.SignInRateLimit).WithTags("API clients");

    internal static async Task<IResult> HandleAsync(HttpContext http, LnemisDbContext db, TimeProvider clock, IOptions<LnemisOptions> options, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "Send application/x-www-form-urlencoded.", 400);
        }

        var form = await http.Request.ReadFormAsync(ct);
        if (form["grant_type"] != "client_credentials")
        {
            return Error("unsupported_grant_type", "Only client_credentials is supported.", 400);
        }

        var (clientId, secret) = ReadClient(http.Request, form);
        var client = clientId is null ? null : await db.ApiClients().FirstOrDefaultAsync(c => c.ClientId == clientId && c.IsActive, ct);
        if (client is null || secret is null
            || new PasswordHasher<ApiClient>().VerifyHashedPassword(client, client.SecretHash, secret) == PasswordVerificationResult.Failed)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"lnemis\"";
            return Error("invalid_client", "Unknown client or wrong secret.", 401);
        }

        var allowed = client.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Any(s => !allowed.Contains(s, StringComparer.Ordinal)))
        {
            return Error("invalid_scope", "A requested scope is not allowed for this client.", 400);
        }

        var scopes = requested.Length > 0 ? requested : allowed;
        var lifetime = TimeSpan.FromMinutes(options.Value.Security.ClientTokenMinutes);
        var now = clock.GetUtcNow();
        var token = Secrets.NewToken(Secrets.ClientTokenPrefix);
        db.AccessTokens().Add(new AccessToken
        {
            Id = Guid.CreateVersion7(),
            Kind = TokenKind.Client,
            ApiClientId = client.Id,
            Name = "client_credentials",
            TokenHash = Secrets.Hash(token),
            Prefix = token[..8],
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        AccessAudit.AddForClient(db, http, AccessAudit.ClientTokenIssued, client.Id, new { scopes });
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    private static (string? Id, string? Secret) ReadClient(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static IResult Error(string code, string description, int status) =>
        TypedResults.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description }, statusCode: status);
}
