using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>The caller's imports, one import with its progress and counts, and the bad rows its last run found.</summary>
public static class GetImport
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/imports", ListAsync).RequireAuthorization().WithTags("Imports");
        api.MapGet("/imports/{id:guid}", GetAsync).RequireAuthorization().WithTags("Imports");
        api.MapGet("/imports/{id:guid}/problems", ProblemsAsync).RequireAuthorization().WithTags("Imports");
    }

    internal static async Task<IResult> ListAsync(int? page, int? pageSize, LnemisDbContext db, CurrentActor actor, IDistributedCache cache, CancellationToken ct)
    {
        var result = await db.ImportBatches().AsNoTracking().Where(b => b.CreatedBy == actor.UserId)
            .OrderByDescending(b => b.CreatedAt).ToPageAsync(PageRequest.From(page, pageSize), ct);
        var views = new List<ImportView>(result.Items.Count);
        foreach (var batch in result.Items)
        {
            views.Add(await ImportMapping.ViewAsync(batch, cache, ct));
        }

        return TypedResults.Ok(new Page<ImportView>(views, result.PageNumber, result.PageSize, result.Total));
    }

    internal static async Task<IResult> GetAsync(Guid id, LnemisDbContext db, CurrentActor actor, IDistributedCache cache, CancellationToken ct)
    {
        var batch = await ImportMapping.FindAsync(db, actor, id, ct);
        return batch is null ? Problems.NotFound("The import") : TypedResults.Ok(await ImportMapping.ViewAsync(batch, cache, ct));
    }

    internal static async Task<IResult> ProblemsAsync(Guid id, int? page, int? pageSize, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var batch = await ImportMapping.FindAsync(db, actor, id, ct);
        if (batch is null)
        {
            return Problems.NotFound("The import");
        }

        var result = await db.ImportProblems().AsNoTracking().Where(p => p.BatchId == id).OrderBy(p => p.Row).ThenBy(p => p.Id)
            .Select(p => new ImportProblemView(p.Row, p.Column, p.Value, p.Message))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
