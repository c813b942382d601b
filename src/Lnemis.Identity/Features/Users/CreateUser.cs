using FluentValidation;
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

namespace Lnemis.Identity.Features.Users;

/// <summary>An administrator creates an account with a first password; the user is placed in the administrator's scope.</summary>
public static class CreateUser
{
    public sealed record Request(string Email, string DisplayName, string Password);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(320).EmailAddress();
            RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Password).Custom((password, context) =>
            {
                foreach (var problem in PasswordPolicy.Check(password))
                {
                    context.AddFailure(problem);
                }
            });
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users", HandleAsync).RequirePermission(IdentityPermissions.UsersManage).Validate<Request>().WithTags("Users");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken ct)
    {
        var result = await CreateAsync(db, hasher, clock, request, actor.Access.PathsFor(IdentityPermissions.UsersManage).FirstOrDefault() ?? AccessScope.CountryPath, ct);
        return result is null
            ? Problems.Field("email", "A user with this email already exists.")
            : TypedResults.Created($"/api/v1/users/{result.Id}", UserVisibility.ToDetail(result));
    }

    /// <summary>Creates the user (also used by the command line); null when the email is taken.</summary>
    internal static async Task<User?> CreateAsync(LnemisDbContext db, IPasswordHasher<User> hasher, TimeProvider clock, Request request, string homePath, CancellationToken ct)
    {
        var normalized = User.Normalize(request.Email);
        if (await db.Users().AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            return null;
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = request.Email.Trim(),
            NormalizedEmail = normalized,
            DisplayName = request.DisplayName.Trim(),
            HomePath = homePath,
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password);
        db.Users().Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
