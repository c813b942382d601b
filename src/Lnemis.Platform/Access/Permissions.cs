using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Access;

/// <summary>Platform-level permission names; modules add their own.</summary>
public static class PlatformPermissions
{
    public const string AuditRead = "audit.read";
    public const string JobsRead = "jobs.read";
    public const string JobsManage = "jobs.manage";
}

public static class PermissionEndpointExtensions
{
    /// <summary>
    /// Requires a signed-in caller holding <paramref name="permission"/> somewhere; narrows the
    /// scope filters of this request to the places where the caller holds it.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>();
            if (!actor.Access.Has(permission))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden",
                    detail: $"This needs the permission '{permission}'.");
            }

            actor.ActivePermission = permission;
            return await next(context);
        });
        return builder;
    }
}
