using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
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
/// Open cases by how long ago they were received (0–20, 21–40, 41–60, 61–90, over 90 days), per
/// unit holding them and case type. The bucket is computed in the query from today's date, so the
/// read model needs no daily refresh. Also as CSV/XLSX.
/// </summary>
public static class AgeingReport
{
    /// <summary>Upper bounds (days since received, inclusive) of every bucket but the last.</summary>
    public static IReadOnlyList<int> Bounds { get; } = [20, 40, 60, 90];

    public static IReadOnlyList<string> Buckets { get; } = ["0-20", "21-40", "41-60", "61-90", "91+"];

    public sealed record Line(Guid TeamId, string? TeamName, string Type, string TypeTitle, IReadOnlyList<int> Counts, int Total);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/correspondence/reports/ageing", HandleAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
        api.MapGet("/correspondence/reports/ageing/export", ExportAsync).RequirePermission(CorrespondencePermissions.Reports).WithTags("Correspondence reports");
    }

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, TimeProvider clock, string? from, string? to, string? type, Guid? teamId, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId);
        return problem ?? TypedResults.Ok(new { buckets = Buckets, lines = await BuildAsync(db, filter!, CaseDetails.Today(clock), ct) });
    }

    internal static async Task<IResult> ExportAsync(ReplicaDbContext db, TimeProvider clock, string? from, string? to, string? type, Guid? teamId, string? format, CancellationToken ct)
    {
        var (filter, problem) = ReportFilter.Parse(from, to, type, teamId, format);
        if (problem is not null)
        {
            return problem;
        }

        var columns = new List<ExportColumn<Line>> { new("Business unit", l => l.TeamName ?? l.TeamId.ToString()), new("Case type", l => l.TypeTitle) };
        columns.AddRange(Buckets.Select((bucket, i) => new ExportColumn<Line>($"{bucket} days", l => l.Counts[i])));
        columns.Add(new("Open cases", l => l.Total));
        return TabularExport.Result((await BuildAsync(db, filter!, CaseDetails.Today(clock), ct)).ToAsyncEnumerable(), columns, filter!.Format, "correspondence-ageing");
    }

    internal static async Task<IReadOnlyList<Line>> BuildAsync(LnemisDbContext db, ReportFilter filter, DateOnly today, CancellationToken ct)
    {
        // A case received on or after today - N days is at most N days old.
        DateOnly d0 = today.AddDays(-Bounds[0]), d1 = today.AddDays(-Bounds[1]), d2 = today.AddDays(-Bounds[2]), d3 = today.AddDays(-Bounds[3]);
        var groups = await filter.Apply(db)
            .Where(r => r.IsOpen)
            .Select(r => new { r.TeamId, r.Type, Bucket = r.ReceivedOn >= d0 ? 0 : r.ReceivedOn >= d1 ? 1 : r.ReceivedOn >= d2 ? 2 : r.ReceivedOn >= d3 ? 3 : 4 })
            .GroupBy(r => new { r.TeamId, r.Type, r.Bucket })
            .Select(g => new { g.Key.TeamId, g.Key.Type, g.Key.Bucket, Cases = g.Count() })
            .ToListAsync(ct);
        var names = await ReportFilter.TeamNamesAsync(db, groups.Select(g => g.TeamId), ct);
        return groups
            .GroupBy(g => (g.TeamId, g.Type))
            .Select(g =>
            {
                var counts = new int[Buckets.Count];
                foreach (var bucket in g)
                {
                    counts[bucket.Bucket] += bucket.Cases;
                }

                return new Line(g.Key.TeamId, names.GetValueOrDefault(g.Key.TeamId), g.Key.Type.Code(), g.Key.Type.Title(), counts, counts.Sum());
            })
            .OrderBy(l => l.TeamName ?? "", StringComparer.Ordinal).ThenBy(l => l.Type, StringComparer.Ordinal)
            .ToList();
    }
}
