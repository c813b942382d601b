using FluentValidation;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Users;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Account;

/// <summary>
/// Sets or clears the phone number SMS notifications go to: one's own (any signed-in person) or a
/// user's (an administrator who may manage that user). E.164 only, so SMS providers need no guessing.
/// </summary>
public static class SetPhoneNumber
{
    public sealed record Request(string? PhoneNumber, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.PhoneNumber)
            .Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumbers.IsE164(p.Trim()))
            .WithMessage("Give the number in international form, e.g. +254712345678 (E.164: + then up to 15 digits).");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/account/phone-number", SetOwnAsync).RequireAuthorization().Validate<Request>().WithTags("Account");
        api.MapPut("/users/{id:guid}/phone-number", SetUsersAsync).RequirePermission(IdentityPermissions.UsersManage).Validate<Request>().WithTags("Users");
    }

    internal static async Task<IResult> SetOwnAsync(Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var user = await db.Users().SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Only people have a profile.");
        }

        await ApplyAsync(db, user, request, ct);
        return TypedResults.Ok(new GetProfile.Profile(user.Email, user.DisplayName, user.PhoneNumber, user.Version));
    }

    internal static async Task<IResult> SetUsersAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var user = await db.VisibleUsers(actor, IdentityPermissions.UsersManage).Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("The user");
        }

        await ApplyAsync(db, user, request, ct);
        return TypedResults.Ok(UserVisibility.ToDetail(user));
    }

    private static async Task ApplyAsync(LnemisDbContext db, User user, Request request, CancellationToken ct)
    {
        if (request.Version is { } version)
        {
            db.Entry(user).Property(u => u.Version).OriginalValue = version;
        }

        user.PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim();
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Phone numbers in E.164: "+", a country code not starting with 0, 15 digits at most in all.</summary>
public static class PhoneNumbers
{
    public static bool IsE164(string value) =>
        value.Length is >= 8 and <= 16 && value[0] == '+' && value[1] is >= '1' and <= '9' && value.Skip(1).All(char.IsAsciiDigit);
}
