using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>A case with its deadlines (and why), its history and the events the caller may fire. Reads are audited: the requester is personal data.</summary>
public static class GetCase
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).AuditsSensitiveReadOf("Case").WithUserNames().WithTags("Cases");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? Problems.NotFound("The case") : TypedResults.Ok(await CaseDetails.BuildAsync(db, actor, c, caseClock, clock, ct));
    }
}
