using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>A case's retention: its stored record (the tombstone once disposed), or what its rule says now.</summary>
public static class GetCaseRetention
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/retention/cases/{id:guid}", HandleAsync).RequirePermission(CorrespondencePermissions.Retention).WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        if (await db.CaseRetentions().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } record)
        {
            return TypedResults.Ok(CaseRetentionView.From(record));
        }

        return await CaseRetentionWork.FindCaseAsync(db, id, ct) is { } c
            ? TypedResults.Ok(CaseRetentionView.From(await CaseRetentionWork.PreviewAsync(db, c, ct)))
            : Problems.NotFound("The case");
    }
}
