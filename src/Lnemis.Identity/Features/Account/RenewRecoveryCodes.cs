using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

/// <summary>Replaces the recovery codes; the old ones stop working.</summary>
public static class RenewRecoveryCodes
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/mfa/recovery-codes", HandleAsync).RequireAuthorization().WithTags("Account");

    internal static async Task<IResult> HandleAsync(HttpContext http, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is not { MfaEnabled: true })
        {
            return Problems.Field("mfa", "Set up MFA first.");
        }

        var codes = await ReplaceAsync(db, user.Id, ct);
        AccessAudit.Add(db, http, AccessAudit.RecoveryCodesRenewed, user.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new EnableMfa.Response(codes));
    }

    /// <summary>Removes the user's codes and adds ten new ones to the context (saved by the caller).</summary>
    internal static async Task<IReadOnlyList<string>> ReplaceAsync(LnemisDbContext db, Guid userId, CancellationToken ct)
    {
        db.RecoveryCodes().RemoveRange(await db.RecoveryCodes().Where(c => c.UserId == userId).ToListAsync(ct));
        var codes = Secrets.NewRecoveryCodes();
        db.RecoveryCodes().AddRange(codes.Select(c => new RecoveryCode { Id = Guid.CreateVersion7(), UserId = userId, CodeHash = Secrets.Hash(c) }));
        return codes;
    }
}
