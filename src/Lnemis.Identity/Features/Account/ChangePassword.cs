using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Passwords;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

/// <summary>Change one's password; other sessions are signed out, this one stays.</summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/password", HandleAsync).RequireAuthorization().WithTags("Account");

    internal static async Task<IResult> HandleAsync(
        Request request, HttpContext http, LnemisDbContext db, CurrentActor actor, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have a password.");
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return Problems.Field("currentPassword", "The current password is not right.");
        }

        var problems = PasswordPolicy.Check(request.NewPassword);
        if (problems.Count > 0)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] });
        }

        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        var current = SessionService.CurrentSessionId(http.User);
        var now = clock.GetUtcNow();
        await db.Sessions().Where(s => s.UserId == user.Id && s.Id != current && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        AccessAudit.Add(db, http, AccessAudit.PasswordChanged, user.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
