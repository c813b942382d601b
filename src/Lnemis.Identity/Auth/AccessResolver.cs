using System.Security.Claims;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Auth;

/// <summary>
/// Loads the caller's grants from the database (never from the cookie), so a revoked role stops
/// working at once; a node may reuse them only while the shared access stamp is unchanged
/// (<see cref="RequestAccessCache"/>). A session still waiting for MFA has no permissions.
/// </summary>
internal sealed class AccessResolver(LnemisDbContext db, RequestAccessCache cache) : IAccessResolver
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
            return await cache.GetOrLoadAsync($"grants:{userId:N}", async () =>
            {
                var grants = await db.RoleGrants().AsNoTracking()
                    .Where(g => g.UserId == userId)
                    .Select(g => new { g.Role, g.ScopePath })
                    .ToListAsync(ct);
                return AccessScope.FromGrants(grants.Select(g => new ScopedGrant(g.Role, g.ScopePath, RoleCatalog.PermissionsOf(g.Role))).ToList());
            }, ct) ?? AccessScope.None;
        }

        if (principal.FindFirstValue(LnemisClaims.ClientId) is { } clientId)
        {
            var client = await cache.GetOrLoadAsync($"client:{clientId}", async () =>
            {
                var row = await db.ApiClients().AsNoTracking()
                    .Where(c => c.ClientId == clientId && c.IsActive)
                    .Select(c => new { c.AllowedScopes, c.ScopePath })
                    .FirstOrDefaultAsync(ct);
                return row is null ? null : new ClientGrant(row.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), row.ScopePath);
            }, ct);
            if (client is null)
            {
                return AccessScope.None;
            }

            var granted = (principal.FindFirstValue(LnemisClaims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(client.AllowedScopes.Contains).ToHashSet(StringComparer.Ordinal);
            return AccessScope.FromGrants([new ScopedGrant("ApiClient", client.ScopePath, granted)]);
        }

        return AccessScope.None;
    }

    private sealed record ClientGrant(HashSet<string> AllowedScopes, string ScopePath);
}
