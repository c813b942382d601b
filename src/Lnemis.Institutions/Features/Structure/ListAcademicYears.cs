using Lnemis.Institutions.Data;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Structure;

/// <summary>Academic years, newest first, with their terms. One a year: not paged.</summary>
public static class ListAcademicYears
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/education/years", HandleAsync).RequireAuthorization().WithTags("Education structure");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, CancellationToken ct)
    {
        var years = await db.AcademicYears().AsNoTracking().OrderByDescending(y => y.StartsOn).ToListAsync(ct);
        return TypedResults.Ok(years.Select(AcademicYearView.From).ToList());
    }
}
