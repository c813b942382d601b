using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Census;

/// <summary>
/// Returns in the caller's scope, by round, status, area or institution; and the round's progress: how many
/// institutions in scope have not started, are drafting, submitted, returned or approved.
/// </summary>
public static class ListCensusReturns
{
    public sealed record Progress(Guid RoundId, int Institutions, int NotStarted, int Draft, int Submitted, int Returned, int Approved);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/census/returns", ListAsync).RequirePermission(CensusPermissions.Read).WithTags("Census");
        api.MapGet("/census/rounds/{id:guid}/progress", ProgressAsync).RequirePermission(CensusPermissions.Read).WithTags("Census");
    }

    internal static async Task<IResult> ListAsync(
        Guid? roundId, string? status, Guid? areaId, Guid? institutionId, int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var query = db.CensusReturns().AsNoTracking();
        if (roundId is { } round)
        {
            query = query.Where(r => r.RoundId == round);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CensusReturnStatus>(status, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Field("status", $"Use one of: {string.Join(", ", Enum.GetNames<CensusReturnStatus>())}.");
            }

            query = query.Where(r => r.Status == parsed);
        }

        if (areaId is { } area)
        {
            var path = await db.Areas().Where(a => a.Id == area).Select(a => a.ScopePath).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return Problems.Field("areaId", "No such area.");
            }

            query = query.Where(r => r.ScopePath.StartsWith(path));
        }

        if (institutionId is { } institution)
        {
            query = query.Where(r => r.InstitutionId == institution);
        }

        var result = await query
            .Join(db.Institutions(), r => r.InstitutionId, i => i.Id, (r, i) => new { Return = r, i.Code, i.Name })
            .OrderBy(x => x.Code)
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(x => new CensusReturnSummary(
            x.Return.Id, x.Return.RoundId, x.Return.InstitutionId, x.Code, x.Name, x.Return.Status, x.Return.SubmittedAt, x.Return.ReviewedAt,
            x.Return.Findings.Count(f => f.Severity == CheckSeverity.Warning), x.Return.Findings.Count(f => f.Severity == CheckSeverity.Blocker),
            x.Return.Version)));
    }

    internal static async Task<IResult> ProgressAsync(Guid id, ReplicaDbContext db, CancellationToken ct)
    {
        if (!await db.CensusRounds().AnyAsync(r => r.Id == id, ct))
        {
            return Problems.NotFound("The census round");
        }

        // Institutions due to return: open ones in the caller's scope (the scope filter applies).
        var institutions = await db.Institutions().CountAsync(i => i.Status == InstitutionStatus.Open, ct);
        var byStatus = await db.CensusReturns().Where(r => r.RoundId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Of(CensusReturnStatus s) => byStatus.GetValueOrDefault(s);
        var started = byStatus.Values.Sum();
        return TypedResults.Ok(new Progress(id, institutions, Math.Max(0, institutions - started), Of(CensusReturnStatus.Draft),
            Of(CensusReturnStatus.Submitted), Of(CensusReturnStatus.Returned), Of(CensusReturnStatus.Approved)));
    }
}
