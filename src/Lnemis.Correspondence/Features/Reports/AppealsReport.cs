using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// Appeal outcomes by appeal type: internal reviews by their outcome (granted, refused in part,
/// refused), ICO appeals by the Commissioner's decision (upheld, upheld in part, overturned), and
/// how many are still open. Also as CSV/XLSX.
/// </summary>
public static class AppealsReport
{
    public const string Open = CaseReportMonth.OpenResult;

    public static IReadOnlyList<CaseType> AppealTypes => CaseReportMonth.AppealTypes;

    public sealed record Line(string Type, string TypeTitle, string Outcome, int Cases);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/correspondence/reports/appeals", HandleAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
        api.MapGet("/correspondence/reports/appeals/export", ExportAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
    }

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, string? from, string? to, string? type, Guid? teamId, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId);
        return problem ?? TypedResults.Ok(new { lines = await BuildAsync(db, filter!, ct) });
    }

    internal static async Task<IResult> ExportAsync(ReplicaDbContext db, string? from, string? to, string? type, Guid? teamId, string? format, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId, format);
        if (problem is not null)
        {
            return problem;
        }

        ExportColumn<Line>[] columns = [new("Appeal type", l => l.TypeTitle), new("Outcome", l => l.Outcome), new("Cases", l => l.Cases)];
        return TabularExport.Result((await BuildAsync(db, filter!, ct)).ToAsyncEnumerable(), columns, filter!.Format, "correspondence-appeals");
    }

    internal static async Task<IReadOnlyList<Line>> BuildAsync(LnemisDbContext db, ReportFilter filter, CancellationToken ct, ReportSource source = ReportSource.Auto)
    {
        var types = AppealTypes.ToList();
        var groups = await ReportSources.UseMonthsAsync(db, source, ct)
            ? await filter.ApplyMonths(db)
                .Where(m => types.Contains(m.Type))
                .GroupBy(m => new { m.Type, m.AppealResult })
                .Select(g => new { g.Key.Type, Outcome = g.Key.AppealResult, Cases = g.Sum(m => m.Cases) })
                .ToListAsync(ct)
            : (await filter.Apply(db)
                .Where(r => types.Contains(r.Type))
                .GroupBy(r => new { r.Type, r.IsOpen, r.AppealOutcome, r.Outcome })
                .Select(g => new { g.Key.Type, g.Key.IsOpen, g.Key.AppealOutcome, g.Key.Outcome, Cases = g.Count() })
                .ToListAsync(ct))
                .Select(g => new { g.Type, Outcome = CaseReportMonth.AppealResultOf(g.Type, g.IsOpen, g.Outcome, g.AppealOutcome), g.Cases })
                .ToList();
        return groups
            .GroupBy(g => (g.Type, g.Outcome))
            .Select(g => new Line(g.Key.Type.Code(), g.Key.Type.Title(), g.Key.Outcome, g.Sum(x => x.Cases)))
            .OrderBy(l => l.Type, StringComparer.Ordinal).ThenBy(l => l.Outcome, StringComparer.Ordinal)
            .ToList();
    }
}
