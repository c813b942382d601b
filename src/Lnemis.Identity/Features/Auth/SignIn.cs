using FluentValidation;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Passwords;
using Lnemis.Platform;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Features.Auth;

/// <summary>
/// Email and password. Answers what comes next: signed in, a code is due (MFA on), or MFA must be
/// set up first (a role that requires it). Unknown email and wrong password look alike.
/// </summary>
public static class SignIn
{
    public sealed record Request(string Email, string Password);

    public sealed record Response(string Status);

    public const string SignedIn = "signedIn";
    public const string MfaRequired = "mfaRequired";
    public const string MfaEnrolmentRequired = "mfaEnrolmentRequired";

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(320);
            RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength * 4);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/sign-in", HandleAsync).AllowAnonymous().Validate<Request>()
            .RequireRateLimiting(PlatformModule.SignInRateLimit).WithTags("Identity");

    internal static async Task<IResult> HandleAsync(
        Request request,
        HttpContext http,
        LnemisDbContext db,
        CurrentActor actor,
        SessionService sessions,
        IPasswordHasher<User> hasher,
        TimeProvider clock,
        IOptions<LnemisOptions> options,
        CancellationToken ct)
    {
        var security = options.Value.Security;
        var now = clock.GetUtcNow();
        var normalized = User.Normalize(request.Email);
        var user = await db.Users().Include(u => u.Grants).FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);

        if (user is null || !user.IsActive)
        {
            // Spend the same time as a real check so response timing does not reveal accounts.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, request.Password);
            AccessAudit.Add(db, http, AccessAudit.SignInFailed, user?.Id, new { email = Truncate(request.Email), reason = user is null ? "unknown" : "inactive" });
            await db.SaveChangesAsync(ct);
            return BadCredentials();
        }

        if (user.IsLockedOut(now))
        {
            AccessAudit.Add(db, http, AccessAudit.SignInFailed, user.Id, new { reason = "locked" });
            await db.SaveChangesAsync(ct);
            return LockedOut(user.LockedUntil!.Value, now);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RegisterFailure(now, security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes));
            var locked = user.IsLockedOut(now);
            AccessAudit.Add(db, http, locked ? AccessAudit.LockedOut : AccessAudit.SignInFailed, user.Id, new { reason = "password" });
            await db.SaveChangesAsync(ct);
            return locked ? LockedOut(user.LockedUntil!.Value, now) : BadCredentials();
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        }

        user.FailedAttempts = 0;
        var stage = user.MfaEnabled
            ? SessionStage.MfaPending
            : RoleCatalog.RequiresMfa(user.Grants.Select(g => g.Role)) ? SessionStage.Enrolment : SessionStage.Full;
        if (stage == SessionStage.Full)
        {
            user.LastSignInAt = now;
        }

        actor.SetUser(user.Id, user.Email, AccessScope.None);
        AccessAudit.Add(db, http, stage == SessionStage.Full ? AccessAudit.SignIn : $"{AccessAudit.SignIn}-{stage}", user.Id);
        await sessions.StartAsync(http, user, stage, ct);

        return TypedResults.Ok(new Response(stage switch
        {
            SessionStage.MfaPending => MfaRequired,
            SessionStage.Enrolment => MfaEnrolmentRequired,
            _ => SignedIn,
        }));
    }

    internal static IResult BadCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The email or password is not right.");

    internal static IResult LockedOut(DateTimeOffset until, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes));
        return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
            detail: $"Too many failed attempts. Try again in {minutes} minute(s), or ask an administrator.");
    }

    private static string Truncate(string s) => s.Length > 320 ? s[..320] : s;

    private static readonly User DummyUser = new() { Email = "", NormalizedEmail = "", DisplayName = "" };
    private static readonly string DummyHash = new PasswordHasher<User>().HashPassword(DummyUser, "not-a-real-password-at-all");
}
