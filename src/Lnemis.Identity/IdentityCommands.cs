using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Tokens;
using Lnemis.Identity.Features.Users;
using Lnemis.Identity.Passwords;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Identity;

/// <summary>What the command line and the demo seed do with users: the same rules as the API.</summary>
public static class IdentityCommands
{
    public sealed record Outcome(bool Ok, string Message);

    /// <summary>Creates a national SystemAdministrator (MFA enrolment is required at first sign-in).</summary>
    public static async Task<Outcome> CreateAdminAsync(IServiceProvider services, string email, string password, string? displayName, CancellationToken ct)
    {
        var problems = PasswordPolicy.Check(password);
        if (problems.Count > 0)
        {
            return new Outcome(false, "Password refused: " + string.Join(" ", problems));
        }

        var result = await CreateUserAsync(services, email, displayName ?? "Administrator", password, RoleCatalog.SystemAdministrator, ScopeKind.Country, null, AccessScope.CountryPath, "National", ct);
        return result is null ? new Outcome(false, $"A user with the email {email} already exists.") : new Outcome(true, $"Created administrator {email}.");
    }

    /// <summary>Creates a user with one grant (seed data, bootstrap). Null when the email exists.</summary>
    public static async Task<Guid?> CreateUserAsync(
        IServiceProvider services, string email, string displayName, string password, string role, ScopeKind kind, Guid? scopeId, string scopePath, string scopeName, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = await CreateUser.CreateAsync(db, services.GetRequiredService<IPasswordHasher<User>>(), clock, new CreateUser.Request(email, displayName, password), scopePath, ct);
        if (user is null)
        {
            return null;
        }

        db.RoleGrants().Add(new RoleGrant
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Role = role,
            ScopeKind = kind,
            ScopeId = scopeId,
            ScopePath = scopePath,
            ScopeName = scopeName,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    /// <summary>One token per user, in the order given. Every user is checked before any token is made, so a
    /// wrong address leaves nothing behind.</summary>
    public static async Task<(Outcome Outcome, IReadOnlyList<string> Tokens)> CreateTokensAsync(IServiceProvider services, IReadOnlyList<string> emails, string name, int? expiresInDays, CancellationToken ct)
    {
        if (expiresInDays is < 1 or > 3660)
        {
            return (new Outcome(false, "--expires must be between 1 and 3660 days."), []);
        }

        var db = services.GetRequiredService<LnemisDbContext>();
        var users = new List<Guid>(emails.Count);
        foreach (var email in emails)
        {
            var normalized = User.Normalize(email);
            var user = await db.Users().AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.IsActive, ct);
            if (user is null)
            {
                return (new Outcome(false, $"No active user {email}."), []);
            }

            users.Add(user.Id);
        }

        var tokens = new List<string>(users.Count);
        DateTimeOffset? expiresAt = null;
        foreach (var userId in users)
        {
            var created = await PersonalAccessTokens.CreateAsync(db, services.GetRequiredService<TimeProvider>(), userId, name, expiresInDays, ct);
            tokens.Add(created.Token);
            expiresAt = created.ExpiresAt;
        }

        var whose = emails.Count == 1 ? emails[0] : $"{emails.Count} users";
        return (new Outcome(true, $"Token '{name}' for {whose}" + (expiresAt is { } at ? $", expires {at:yyyy-MM-dd}." : ", no expiry.")), tokens);
    }

    public static Task<bool> AnyUserAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<LnemisDbContext>().Users().AnyAsync(ct);
}
