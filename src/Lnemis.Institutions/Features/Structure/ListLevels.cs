using Lnemis.Institutions.Data;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Structure;

/// <summary>The education structure: levels in order, each with its grades and their official ages. Small and national: not paged.</summary>
public static class ListLevels
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/education/levels", HandleAsync).RequireAuthorization().WithTags("Education structure");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, CancellationToken ct)
    {
        var levels = await db.Levels().AsNoTracking().Include(l => l.Grades).OrderBy(l => l.Sequence).ThenBy(l => l.Code).ToListAsync(ct);
        return TypedResults.Ok(levels.Select(LevelView.From).ToList());
    }
}
