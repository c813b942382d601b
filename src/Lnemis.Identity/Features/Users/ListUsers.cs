using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

public static class ListUsers
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users", HandleAsync).RequirePermission(IdentityPermissions.UsersRead).WithTags("Users");

    internal static async Task<IResult> HandleAsync(LnemisDbContext db, CurrentActor actor, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.VisibleUsers(actor, IdentityPermissions.UsersRead).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }

        var result = await query
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive, u.MfaEnabled, Roles = u.Grants.Select(g => g.Role).ToList() })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Page<UserVisibility.UserSummary>(
            result.Items.Select(u => new UserVisibility.UserSummary(u.Id, u.Email, u.DisplayName, u.IsActive, u.MfaEnabled, u.Roles.Distinct().Order(StringComparer.Ordinal).ToList())).ToList(),
            result.PageNumber,
            result.PageSize,
            result.Total));
    }
}
