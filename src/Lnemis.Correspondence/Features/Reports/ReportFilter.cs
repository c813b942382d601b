using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>
/// The filters every report takes: received months <c>from</c>..<c>to</c> (yyyy-MM, inclusive),
/// case <c>type</c> (code) and <c>teamId</c> (the managing unit or the unit holding the case), and
/// for exports <c>format</c> (csv, xlsx). Bad values give one field error each.
/// </summary>
internal sealed record ReportFilter(int? FromMonth, int? ToMonth, CaseType? Type, Guid? TeamId, ExportFormat Format)
{
    public static (ReportFilter? Filter, IResult? Problem) Parse(string? from, string? to, string? type, Guid? teamId, string? format = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fromMonth = Month(from, "from", errors);
        var toMonth = Month(to, "to", errors);
        if (fromMonth is not null && toMonth is not null && fromMonth > toMonth)
        {
            errors["to"] = ["The last month cannot be before the first."];
        }

        CaseType? parsedType = null;
        if (type is not null)
        {
            parsedType = CreateCase.ParseType(type);
            if (parsedType is null)
            {
                errors["type"] = [$"Case types are: {string.Join(", ", CaseTypes.All.Select(t => t.Code()))}."];
            }
        }

        var parsedFormat = TabularExport.ParseFormat(format, errors);
        return errors.Count > 0
            ? (null, Problems.Validation(errors))
            : (new ReportFilter(fromMonth, toMonth, parsedType, teamId, parsedFormat!.Value), null);
    }

    /// <summary>The caller's rows (the scope filter keeps them to the business groups where they may read reports) with the filters applied.</summary>
    public IQueryable<CaseReportRow> Apply(LnemisDbContext db) => Apply(db.CaseReportRows().AsNoTracking());

    /// <summary>The caller's monthly buckets (scoped like the rows) with the filters applied; empty buckets left out.</summary>
    public IQueryable<CaseReportMonth> ApplyMonths(LnemisDbContext db) => Apply(db.CaseReportMonths().AsNoTracking()).Where(m => m.Cases > 0);

    private IQueryable<T> Apply<T>(IQueryable<T> rows)
        where T : class, IReportFacts
    {
        if (FromMonth is { } first)
        {
            rows = rows.Where(r => r.ReceivedMonth >= first);
        }

        if (ToMonth is { } last)
        {
            rows = rows.Where(r => r.ReceivedMonth <= last);
        }

        if (Type is { } type)
        {
            rows = rows.Where(r => r.Type == type);
        }

        if (TeamId is { } team)
        {
            rows = rows.Where(r => r.TeamId == team || r.ManagingTeamId == team);
        }

        return rows;
    }

    /// <summary>Names of the teams in the report that the caller may see (others show as their id only).</summary>
    public static async Task<Dictionary<Guid, string>> TeamNamesAsync(LnemisDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Teams().AsNoTracking().Where(t => wanted.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
    }

    public static string MonthText(int month) => $"{month / 100:D4}-{month % 100:D2}";

    private static int? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2099)
        {
            return CaseReportRow.MonthOf(day);
        }

        errors[field] = ["Give a month as yyyy-MM (2000–2099)."];
        return null;
    }
}
