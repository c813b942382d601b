using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Census;

/// <summary>One return with its figures, derived counts, findings and review history; and a preview of the checks before submitting.</summary>
public static class GetCensusReturn
{
    public sealed record CheckPreview(bool CanSubmit, IReadOnlyList<CensusFindingView> Findings, IReadOnlyList<CensusCountView> Counts);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/census/returns/{id:guid}", GetAsync).RequirePermission(CensusPermissions.Read).WithTags("Census");
        api.MapGet("/census/returns/{id:guid}/checks", ChecksAsync).RequirePermission(CensusPermissions.Read).WithTags("Census");
    }

    internal static async Task<IResult> GetAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var censusReturn = await db.CensusReturns().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return censusReturn is null
            ? Problems.NotFound("The census return")
            : TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }

    internal static async Task<IResult> ChecksAsync(Guid id, LnemisDbContext db, CancellationToken ct)
    {
        var censusReturn = await db.CensusReturns().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (censusReturn is null)
        {
            return Problems.NotFound("The census return");
        }

        var round = await db.CensusRounds().AsNoTracking().FirstAsync(r => r.Id == censusReturn.RoundId, ct);
        var outcome = await CensusChecks.RunAsync(db, censusReturn, round, ct);
        return TypedResults.Ok(new CheckPreview(
            !outcome.Blocked,
            outcome.Findings.Select(CensusMapping.FindingView).ToList(),
            outcome.Counts.Select(c => new CensusCountView(c.Measure, c.GradeCode, c.Sex, c.Age, c.Value, c.Repeaters, c.Qualified)).ToList()));
    }
}
