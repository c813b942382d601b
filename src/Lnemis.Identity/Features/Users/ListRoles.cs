using Lnemis.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Identity.Features.Users;

/// <summary>The role catalogue: what each role permits and where it can be granted.</summary>
public static class ListRoles
{
    public sealed record RoleView(string Name, string Description, IReadOnlyList<string> Permissions, IReadOnlyList<string> ScopeKinds, bool RequiresMfa);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/roles", () => TypedResults.Ok(RoleCatalog.All.Select(r => new RoleView(
                r.Name, r.Description, r.Permissions.Order(StringComparer.Ordinal).ToList(), r.ScopeKinds.Select(k => k.ToString()).ToList(), r.RequiresMfa)).ToList()))
            .RequireAuthorization().WithTags("Users");
}
