using FluentValidation;
using Lnemis.Identity.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

/// <summary>Change one's display name. With a version, a stale edit gets 409 instead of overwriting.</summary>
public static class UpdateProfile
{
    public sealed record Request(string DisplayName, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/account/profile", HandleAsync).RequireAuthorization().Validate<Request>().WithTags("Account");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have a profile.");
        }

        if (request.Version is { } version)
        {
            db.Entry(user).Property(u => u.Version).OriginalValue = version;
        }

        user.DisplayName = request.DisplayName.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new GetProfile.Profile(user.Email, user.DisplayName, user.PhoneNumber, user.Version));
    }
}
