using Lnemis.Identity.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

public static class GetProfile
{
    public sealed record Profile(string Email, string DisplayName, string? PhoneNumber, long Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/account/profile", HandleAsync).RequireAuthorization().WithTags("Account");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var profile = await db.Users().AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new Profile(u.Email, u.DisplayName, u.PhoneNumber, u.Version)).SingleOrDefaultAsync(ct);
        return profile is null ? TypedResults.Problem(statusCode: 400, title: "Only people have a profile.") : TypedResults.Ok(profile);
    }
}
