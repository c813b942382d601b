using Lnemis.Platform.Access;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Platform.Features.Audit;

/// <summary>Checks the whole hash chain (also: `Lnemis.Server audit verify`).</summary>
public static class VerifyAuditChain
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/audit/verify", HandleAsync).RequirePermission(PlatformPermissions.AuditRead).WithTags("Audit");

    public static async Task<IResult> HandleAsync(LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (!actor.Access.IsUnrestricted(PlatformPermissions.AuditRead))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "The audit log is readable with a national grant only.");
        }

        var result = await AuditVerifier.VerifyAsync(db, ct);
        return TypedResults.Ok(new { result.Valid, result.Checked, result.FirstBrokenSequence, result.Reason });
    }
}
