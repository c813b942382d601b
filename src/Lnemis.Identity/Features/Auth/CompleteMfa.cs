using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Features.Auth;

/// <summary>Second step of sign-in: a TOTP code or a one-time recovery code. Wrong codes count towards lockout.</summary>
public static class CompleteMfa
{
    public sealed record Request(string? Code, string? RecoveryCode);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/mfa", HandleAsync).RequireAuthorization(IdentityModule.MfaPendingPolicy)
            .RequireRateLimiting(Platform.PlatformModule.SignInRateLimit).WithTags("Identity");

    internal static async Task<IResult> HandleAsync(
        Request request,
        HttpContext http,
        LnemisDbContext db,
        CurrentActor actor,
        SessionService sessions,
        TotpService totp,
        TimeProvider clock,
        IOptions<LnemisOptions> options,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Code) == string.IsNullOrWhiteSpace(request.RecoveryCode))
        {
            return Problems.Field("code", "Enter the 6-digit code from your authenticator app, or one recovery code.");
        }

        var userId = Guid.Parse(http.User.FindFirst(LnemisClaims.UserId)!.Value);
        var user = await db.Users().SingleAsync(u => u.Id == userId, ct);
        var now = clock.GetUtcNow();
        actor.SetUser(user.Id, user.Email, AccessScope.None);
        if (user.IsLockedOut(now))
        {
            return SignIn.LockedOut(user.LockedUntil!.Value, now);
        }

        var passed = false;
        if (!string.IsNullOrWhiteSpace(request.Code) && user.MfaSecret is not null)
        {
            if (totp.Verify(user.MfaSecret, request.Code, user.LastTotpStep) is { } step)
            {
                user.LastTotpStep = step;
                passed = true;
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.RecoveryCode))
        {
            var hash = Secrets.Hash(Secrets.NormalizeRecoveryCode(request.RecoveryCode));
            var code = await db.RecoveryCodes().FirstOrDefaultAsync(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null, ct);
            if (code is not null)
            {
                code.UsedAt = now;
                passed = true;
                AccessAudit.Add(db, http, AccessAudit.RecoveryCodeUsed, user.Id);
            }
        }

        if (!passed)
        {
            var security = options.Value.Security;
            user.RegisterFailure(now, security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes));
            AccessAudit.Add(db, http, user.IsLockedOut(now) ? AccessAudit.LockedOut : AccessAudit.MfaFailed, user.Id);
            await db.SaveChangesAsync(ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Code not accepted", detail: "The code is wrong, expired or already used.");
        }

        user.FailedAttempts = 0;
        user.LastSignInAt = now;
        AccessAudit.Add(db, http, AccessAudit.MfaPassed, user.Id);
        await sessions.PromoteAsync(http, user, SessionStage.Full, ct);
        return TypedResults.Ok(new SignIn.Response(SignIn.SignedIn));
    }
}
