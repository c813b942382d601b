using System.Security.Claims;
using System.Text.Json;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Auth;

/// <summary>
/// Browser sessions: a row per signed-in browser, named by the cookie. The cookie alone never
/// suffices: each request checks the row (revoked, idle too long, past its absolute end).
/// </summary>
internal sealed class SessionService(LnemisDbContext db, TimeProvider clock, IOptions<LnemisOptions> options, IAntiforgery antiforgery)
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Creates the session (saved with the caller's pending changes) and signs the browser in.</summary>
    public async Task StartAsync(HttpContext http, User user, string stage, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Stage = stage,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddHours(options.Value.Security.SessionAbsoluteHours),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 500),
        };
        db.Sessions().Add(session);
        await db.SaveChangesAsync(ct);
        await IssueCookieAsync(http, user, session);
    }

    /// <summary>Moves an existing session to a new stage (MFA passed, MFA enrolled) and re-issues the cookie.</summary>
    public async Task PromoteAsync(HttpContext http, User user, string stage, CancellationToken ct)
    {
        var sessionId = CurrentSessionId(http.User) ?? throw new InvalidOperationException("No session to promote.");
        var session = await db.Sessions().SingleAsync(s => s.Id == sessionId, ct);
        session.Stage = stage;
        session.LastSeenAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await IssueCookieAsync(http, user, session);
    }

    public async Task EndAsync(HttpContext http, CancellationToken ct)
    {
        if (CurrentSessionId(http.User) is { } id)
        {
            var now = clock.GetUtcNow();
            await db.Sessions().Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        }

        await http.SignOutAsync(CookieScheme);
        http.Response.Cookies.Delete(AntiforgeryMiddleware.CookieName);
    }

    /// <summary>Revokes every open session of the user (sign out everywhere, deactivation, password change).</summary>
    public Task<int> RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Sessions().Where(s => s.UserId == userId && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    public static Guid? CurrentSessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(LnemisClaims.SessionId), out var id) ? id : null;

    private async Task IssueCookieAsync(HttpContext http, User user, UserSession session)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(LnemisClaims.UserId, user.Id.ToString()),
                new Claim(LnemisClaims.Email, user.Email),
                new Claim(LnemisClaims.SessionId, session.Id.ToString()),
                new Claim(LnemisClaims.Stage, session.Stage),
                new Claim(LnemisClaims.AuthenticationMethod, user.MfaEnabled && session.Stage == SessionStage.Full ? "mfa" : "pwd"),
            ],
            CookieScheme,
            LnemisClaims.Email,
            "role");
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieScheme, principal, new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.ExpiresAt });
        // The anti-forgery token is bound to the user: hand out the one for the new identity.
        http.User = principal;
        AntiforgeryMiddleware.IssueToken(antiforgery, http);
    }

    /// <summary>Cookie check on every request: the session must exist, be open, recent and at the cookie's stage.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<LnemisDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var idle = TimeSpan.FromMinutes(services.GetRequiredService<IOptions<LnemisOptions>>().Value.Security.SessionIdleMinutes);
        var principal = context.Principal;
        var id = principal is null ? null : CurrentSessionId(principal);
        var stage = principal?.FindFirstValue(LnemisClaims.Stage);

        var session = id is null ? null : await db.Sessions().AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Stage, s.RevokedAt, s.ExpiresAt, s.LastSeenAt, Active = db.Users().Any(u => u.Id == s.UserId && u.IsActive) })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now || now - session.LastSeenAt > idle
            || session.Stage != stage || !session.Active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            await db.Sessions().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.HttpContext.RequestAborted);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Access events (sign-in, failures, MFA changes) go to the same hash-chained audit log as data changes.</summary>
internal static class AccessAudit
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string MfaPassed = "mfa-passed";
    public const string MfaFailed = "mfa-failed";
    public const string MfaEnabled = "mfa-enabled";
    public const string RecoveryCodesRenewed = "recovery-codes-renewed";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string SignOut = "sign-out";
    public const string SignOutEverywhere = "sign-out-everywhere";
    public const string PasswordChanged = "password-changed";
    public const string TokenCreated = "token-created";
    public const string ClientTokenIssued = "client-token-issued";

    public static void Add(LnemisDbContext db, HttpContext? http, string action, Guid? userId, object? details = null) =>
        Add(db, http, action, nameof(User), userId, details);

    /// <summary>An access event of a machine client (token issued).</summary>
    public static void AddForClient(LnemisDbContext db, HttpContext? http, string action, Guid clientId, object? details = null) =>
        Add(db, http, action, nameof(ApiClient), clientId, details);

    private static void Add(LnemisDbContext db, HttpContext? http, string action, string entityType, Guid? entityId, object? details)
    {
        var data = new Dictionary<string, object?>
        {
            ["ip"] = http?.Connection.RemoteIpAddress?.ToString(),
            ["details"] = details,
        };
        db.AddAudit(new PendingAudit(action, entityType, entityId?.ToString(), JsonSerializer.Serialize(data)));
    }
}
