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
/// Opaque bearer tokens (personal access tokens and client-credential tokens), looked up by hash.
/// Revocation is immediate: a node keeps a resolved token only while the shared access stamp is
/// unchanged (<see cref="RequestAccessCache"/>), and expiry is checked on every request.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LnemisDbContext db,
    RequestAccessCache cache,
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
        var ct = Context.RequestAborted;
        var key = "token:" + hash;
        var found = await cache.GetOrLoadAsync(key, () => LoadAsync(hash, now, ct), ct);
        if (found is null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }

        var claims = new List<Claim> { new("token_id", found.Id.ToString()) };
        if (found.Kind == TokenKind.Personal)
        {
            if (found.UserId is not { } userId)
            {
                return AuthenticateResult.Fail("The token's user is deactivated.");
            }

            claims.Add(new Claim(LnemisClaims.UserId, userId.ToString()));
            claims.Add(new Claim(LnemisClaims.Email, found.Email ?? ""));
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
            await db.AccessTokens().Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            await cache.UpdateAsync(key, found with { LastUsedAt = now }, ct);
        }

        var identity = new ClaimsIdentity(claims, SchemeName, LnemisClaims.Email, "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>One statement for the token and its owner (active ones only).</summary>
    private async Task<ResolvedToken?> LoadAsync(string hash, DateTimeOffset now, CancellationToken ct)
    {
        var found = await db.AccessTokens().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => new
            {
                t.Id,
                t.Kind,
                t.Scopes,
                t.ExpiresAt,
                t.LastUsedAt,
                User = db.Users().Where(u => u.Id == t.UserId && u.IsActive).Select(u => new { u.Id, u.Email }).FirstOrDefault(),
                ClientId = db.ApiClients().Where(c => c.Id == t.ApiClientId && c.IsActive).Select(c => c.ClientId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new ResolvedToken(found.Id, found.Kind, found.Scopes, found.User?.Id, found.User?.Email, found.ClientId, found.ExpiresAt, found.LastUsedAt);
    }
}
