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
/// Timeliness by received month, case type and business unit (the unit that answered, or the
/// managing unit when none was assigned): answered in time / late, the percentage in time and its
/// colour (red under 85%, amber under 90%). Cases not yet answered are not counted. One grouped
/// query over the monthly buckets (the rows until they are first built); also as CSV/XLSX.
/// </summary>
public static class TimelinessReport
{
    public sealed record Line(string Month, string Type, string TypeTitle, Guid TeamId, string? TeamName, int InTime, int Late, int Answered, decimal? PercentInTime, string Rag);

    public sealed record Totals(int InTime, int Late, int Answered, decimal? PercentInTime, string Rag);

    public sealed record Report(IReadOnlyList<Line> Lines, Totals Total);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/correspondence/reports/timeliness", HandleAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
        api.MapGet("/correspondence/reports/timeliness/export", ExportAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
    }

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, string? from, string? to, string? type, Guid? teamId, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId);
        return problem ?? TypedResults.Ok(await BuildAsync(db, filter!, ct));
    }

    internal static async Task<IResult> ExportAsync(ReplicaDbContext db, string? from, string? to, string? type, Guid? teamId, string? format, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId, format);
        if (problem is not null)
        {
            return problem;
        }

        var report = await BuildAsync(db, filter!, ct);
        ExportColumn<Line>[] columns =
        [
            new("Month", l => l.Month),
            new("Case type", l => l.TypeTitle),
            new("Business unit", l => l.TeamName ?? l.TeamId.ToString()),
            new("In time", l => l.InTime),
            new("Late", l => l.Late),
            new("Answered", l => l.Answered),
            new("% in time", l => l.PercentInTime),
            new("RAG", l => l.Rag),
        ];
        return TabularExport.Result(report.Lines.ToAsyncEnumerable(), columns, filter!.Format, "correspondence-timeliness");
    }

    /// <summary>The counts of one month, type and unit.</summary>
    internal sealed record Group(int ReceivedMonth, CaseType Type, Guid TeamId, int InTime, int Late);

    internal static async Task<Report> BuildAsync(LnemisDbContext db, ReportFilter filter, CancellationToken ct, ReportSource source = ReportSource.Auto)
    {
        var groups = await ReportSources.UseMonthsAsync(db, source, ct)
            ? await filter.ApplyMonths(db)
                .Where(m => m.Timeliness != ReportTimeliness.Pending)
                .GroupBy(m => new { m.ReceivedMonth, m.Type, m.TeamId })
                .Select(g => new Group(g.Key.ReceivedMonth, g.Key.Type, g.Key.TeamId,
                    g.Sum(m => m.Timeliness == ReportTimeliness.InTime ? m.Cases : 0), g.Sum(m => m.Timeliness == ReportTimeliness.Late ? m.Cases : 0)))
                .ToListAsync(ct)
            : await filter.Apply(db)
                .Where(r => r.Timeliness != ReportTimeliness.Pending)
                .GroupBy(r => new { r.ReceivedMonth, r.Type, r.TeamId })
                .Select(g => new Group(g.Key.ReceivedMonth, g.Key.Type, g.Key.TeamId,
                    g.Sum(r => r.Timeliness == ReportTimeliness.InTime ? 1 : 0), g.Sum(r => r.Timeliness == ReportTimeliness.Late ? 1 : 0)))
                .ToListAsync(ct);
        var names = await ReportFilter.TeamNamesAsync(db, groups.Select(g => g.TeamId), ct);
        var lines = groups
            .Select(g => new Line(ReportFilter.MonthText(g.ReceivedMonth), g.Type.Code(), g.Type.Title(), g.TeamId, names.GetValueOrDefault(g.TeamId),
                g.InTime, g.Late, g.InTime + g.Late, Rag.Percent(g.InTime, g.Late), Rag.Of(Rag.Percent(g.InTime, g.Late))))
            .OrderBy(l => l.Month, StringComparer.Ordinal).ThenBy(l => l.Type, StringComparer.Ordinal).ThenBy(l => l.TeamName ?? "", StringComparer.Ordinal)
            .ToList();
        int inTime = lines.Sum(l => l.InTime), late = lines.Sum(l => l.Late);
        var percent = Rag.Percent(inTime, late);
        return new Report(lines, new Totals(inTime, late, inTime + late, percent, Rag.Of(percent)));
    }
}

/// <summary>The red/amber/green rating of a timeliness percentage: red under 85%, amber under 90%.</summary>
public static class Rag
{
    public const decimal RedBelow = 85m;
    public const decimal AmberBelow = 90m;

    /// <summary>The share answered in time, in percent to one decimal; null when nothing was answered.</summary>
    public static decimal? Percent(int inTime, int late) =>
        inTime + late == 0 ? null : Math.Round(inTime * 100m / (inTime + late), 1, MidpointRounding.ToZero);

    public static string Of(decimal? percent) => percent switch
    {
        null => "none",
        < RedBelow => "red",
        < AmberBelow => "amber",
        _ => "green",
    };
}
