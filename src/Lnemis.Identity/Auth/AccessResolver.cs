using System.Security.Claims;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Auth;

/// <summary>
/// Loads the caller's grants on every request (never from the cookie), so a revoked role stops
/// working at once. A session still waiting for MFA has no permissions.
/// </summary>
internal sealed class AccessResolver(LnemisDbContext db) : IAccessResolver
{
    public async Task<AccessScope> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var stage = principal.FindFirstValue(LnemisClaims.Stage);
        if (stage is not null && stage != SessionStage.Full)
        {
            return AccessScope.None;
        }

        if (Guid.TryParse(principal.FindFirstValue(LnemisClaims.UserId), out var userId))
        {
            var grants = await db.RoleGrants().AsNoTracking()
                .Where(g => g.UserId == userId)
                .Select(g => new { g.Role, g.ScopePath })
                .ToListAsync(ct);
            return AccessScope.FromGrants(grants.Select(g => new ScopedGrant(g.Role, g.ScopePath, RoleCatalog.PermissionsOf(g.Role))).ToList());
        }

        if (principal.FindFirstValue(LnemisClaims.ClientId) is { } clientId)
        {
            var client = await db.ApiClients().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.IsActive, ct);
            if (client is null)
            {
                return AccessScope.None;
            }

            var allowed = client.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var granted = (principal.FindFirstValue(LnemisClaims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(allowed.Contains).ToHashSet(StringComparer.Ordinal);
            return AccessScope.FromGrants([new ScopedGrant("ApiClient", client.ScopePath, granted)]);
        }

        return AccessScope.None;
    }
}
