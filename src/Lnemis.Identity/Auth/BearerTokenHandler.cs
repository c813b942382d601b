using System.Security.Claims;
using System.Text.Encodings.Web;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Auth;

/// <summary>
/// Opaque bearer tokens (personal access tokens and client-credential tokens), looked up by hash
/// on each request so revocation is immediate.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LnemisDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 200)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow();
        // One statement for the token and its owner: this runs before every API call.
        var found = await db.AccessTokens().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => new
            {
                t.Id,
                t.Kind,
                t.Scopes,
                t.LastUsedAt,
                User = db.Users().Where(u => u.Id == t.UserId && u.IsActive).Select(u => new { u.Id, u.Email }).FirstOrDefault(),
                ClientId = db.ApiClients().Where(c => c.Id == t.ApiClientId && c.IsActive).Select(c => c.ClientId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }

        var claims = new List<Claim> { new("token_id", found.Id.ToString()) };
        if (found.Kind == TokenKind.Personal)
        {
            if (found.User is not { } user)
            {
                return AuthenticateResult.Fail("The token's user is deactivated.");
            }

            claims.Add(new Claim(LnemisClaims.UserId, user.Id.ToString()));
            claims.Add(new Claim(LnemisClaims.Email, user.Email));
            claims.Add(new Claim(LnemisClaims.AuthenticationMethod, "pat"));
        }
        else
        {
            if (found.ClientId is not { } client)
            {
                return AuthenticateResult.Fail("The token's client is deactivated.");
            }

            claims.Add(new Claim(LnemisClaims.ClientId, client));
            claims.Add(new Claim(LnemisClaims.Scope, found.Scopes ?? ""));
        }

        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-5))
        {
            await db.AccessTokens().Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(claims, SchemeName, LnemisClaims.Email, "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
