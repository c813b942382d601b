using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

/// <summary>Starts MFA enrolment: a new secret as a QR code and as text. It takes effect only when a code from it is confirmed.</summary>
public static class SetUpMfa
{
    public sealed record Response(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/mfa/setup", HandleAsync).RequireAuthorization(IdentityModule.EnrolmentPolicy).WithTags("Account");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CurrentActor actor, TotpService totp, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people can set up MFA.");
        }

        var (key, protectedKey) = totp.NewSecret();
        user.MfaPendingSecret = protectedKey;
        await db.SaveChangesAsync(ct);
        var uri = TotpService.AuthenticatorUri(user.Email, key);
        return TypedResults.Ok(new Response(key, uri, TotpService.QrCodeDataUri(uri)));
    }
}
