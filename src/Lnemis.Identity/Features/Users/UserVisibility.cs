using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;

namespace Lnemis.Identity.Features.Users;

/// <summary>
/// Which users an administrator may see: everyone with a national grant; otherwise users placed
/// under one of their paths or holding a role there. Every user endpoint starts from this query,
/// so a guessed id outside the scope is simply not found.
/// </summary>
internal static class UserVisibility
{
    public static IQueryable<User> VisibleUsers(this LnemisDbContext db, CurrentActor actor, string permission)
    {
        if (actor.Access.IsUnrestricted(permission))
        {
            return db.Users();
        }

        var paths = actor.Access.PathsFor(permission);
        var placed = db.Users().Where(ScopePredicate.StartsWithAny<User>(u => u.HomePath, paths)).Select(u => u.Id);
        var granted = db.RoleGrants().Where(ScopePredicate.StartsWithAny<RoleGrant>(g => g.ScopePath, paths)).Select(g => g.UserId);
        return db.Users().Where(u => placed.Contains(u.Id) || granted.Contains(u.Id));
    }

    public sealed record UserSummary(Guid Id, string Email, string DisplayName, bool IsActive, bool MfaEnabled, IReadOnlyList<string> Roles);

    public sealed record GrantView(Guid Id, string Role, ScopeKind ScopeKind, Guid? ScopeId, string ScopeName);

    public sealed record UserDetail(
        Guid Id, string Email, string DisplayName, string? PhoneNumber, bool IsActive, bool MfaEnabled, IReadOnlyList<string> Roles,
        IReadOnlyList<GrantView> Grants, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, long Version);

    public static UserDetail ToDetail(User u) => new(
        u.Id, u.Email, u.DisplayName, u.PhoneNumber, u.IsActive, u.MfaEnabled,
        u.Grants.Select(g => g.Role).Distinct().Order(StringComparer.Ordinal).ToList(),
        u.Grants.OrderBy(g => g.Role).ThenBy(g => g.ScopeName).Select(g => new GrantView(g.Id, g.Role, g.ScopeKind, g.ScopeId, g.ScopeName)).ToList(),
        u.CreatedAt, u.LastSignInAt, u.Version);
}
