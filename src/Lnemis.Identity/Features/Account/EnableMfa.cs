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

/// <summary>Confirms enrolment with a code from the new secret; answers the ten recovery codes, shown once.</summary>
public static class EnableMfa
{
    public sealed record Request(string Code);

    public sealed record Response(IReadOnlyList<string> RecoveryCodes);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/mfa/enable", HandleAsync).RequireAuthorization(IdentityModule.EnrolmentPolicy).WithTags("Account");

    internal static async Task<IResult> HandleAsync(Request request, HttpContext http, LnemisDbContext db, CurrentActor actor, TotpService totp, SessionService sessions, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user?.MfaPendingSecret is null)
        {
            return Problems.Field("code", "Start the set-up first.");
        }

        if (totp.Verify(user.MfaPendingSecret, request.Code ?? "", 0) is not { } step)
        {
            return Problems.Field("code", "The code does not match. Check the time on your phone and enter the current code.");
        }

        user.MfaSecret = user.MfaPendingSecret;
        user.MfaPendingSecret = null;
        user.MfaEnabled = true;
        user.LastTotpStep = step;
        var codes = await RenewRecoveryCodes.ReplaceAsync(db, user.Id, ct);
        AccessAudit.Add(db, http, AccessAudit.MfaEnabled, user.Id);

        if (http.User.FindFirst(LnemisClaims.Stage)?.Value == SessionStage.Enrolment)
        {
            await sessions.PromoteAsync(http, user, SessionStage.Full, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(new Response(codes));
    }
}
