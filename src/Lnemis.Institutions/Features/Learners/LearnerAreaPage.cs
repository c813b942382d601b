using Lnemis.Institutions.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

#pragma warning disable EF1002 // Table and column names come from the EF model; every value is a parameter.

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// A district's learner list (the area filter alone) on PostgreSQL, merged from its schools. A
/// district holds about 1 % of the country's learners, so the list's page walked the national name
/// index past some 7,000 other learners to meet its 20 (3–37 ms a request at 5,000,000 learners,
/// and p95 172 ms under the harness's 8 clients). Each school is one scope path, and the scope index
/// holds each path's learners in list order: the page is the first rows of each school's range,
/// merged — a few index pages per school, and no table page. The index holds every column the list
/// shows, so the merge returns the page itself, with its school names: one statement after the
/// schools' paths and the count. An area with more schools than <see cref="MaxSchools"/>
/// (a region, the country) holds enough of the list for the walk to meet a page at once, and keeps it.
/// A caller held to a scope who names no area — a district officer's or a head teacher's own list —
/// is served the same way from the areas of their grants.
/// </summary>
internal static class LearnerAreaPage
{
    public const int MaxSchools = 200;

    public static async Task<Page<LearnerSummary>?> PageAsync(LnemisDbContext db, LearnerCriteria criteria, PageRequest request, CancellationToken ct)
    {
        // The area asked for; without one, a caller held to a scope (a district officer, a head teacher) lists the areas of their grants.
        string[]? areas = criteria.AreaPath is { Length: > 0 } area ? [area] : db.ScopeUnrestricted ? null : db.ScopePaths;
        if (db.Provider != DatabaseProvider.Postgres || areas is null || areas.Any(a => a.Length == 0) || criteria.Number is not null || criteria.Terms.Count > 0
            || criteria.InstitutionId is not null || criteria.Sex is not null || criteria.BornFrom is not null || criteria.BornTo is not null)
        {
            return null;
        }

        if (request.Skip + request.PageSize > PaginationExtensions.PageLimit)
        {
            throw new PageOutOfRangeException(PaginationExtensions.PageLimit);
        }

        var entity = db.Model.FindEntityType(typeof(Learner))!;
        var table = SqlNames.Table(db, entity);
        string Col(string property) => SqlNames.Column(db, entity.FindProperty(property)!);
        var (path, deleted) = (Col(nameof(Learner.ScopePath)), Col(nameof(Learner.DeletedAt)));

        // Each area's distinct scope paths, each found by one descent of the scope index (a loose index scan).
        // The paths beginning with the area's are those in its prefix range, in the byte order the index keeps (text_pattern_ops).
        var range = $"{path} ~>=~ {{0}} AND {path} ~<~ {{1}}";
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, above) in areas.Distinct(StringComparer.Ordinal).Select(LearnerNameSearch.Range))
        {
            paths.UnionWith(await db.Database.SqlQueryRaw<string>(
                $$"""
                WITH RECURSIVE p(path) AS (
                    (SELECT {{path}} FROM {{table}} WHERE {{deleted}} IS NULL AND {{range}} ORDER BY {{path}} USING ~<~ LIMIT 1)
                    UNION ALL
                    SELECT (SELECT {{path}} FROM {{table}} WHERE {{deleted}} IS NULL AND {{range}} AND {{path}} ~>~ p.path ORDER BY {{path}} USING ~<~ LIMIT 1)
                    FROM p WHERE p.path IS NOT NULL)
                SELECT p.path AS "Value" FROM p WHERE p.path IS NOT NULL LIMIT {2}
                """,
                from,
                above,
                MaxSchools + 1).ToListAsync(ct));
            if (paths.Count > MaxSchools)
            {
                return null;
            }
        }

        var counted = await criteria.Query(db).Take(PaginationExtensions.CountLimit + 1).CountAsync(ct);

        // The caller's scope, per school: the scope filter's prefix match on each path (a path outside it has none of its learners listed).
        var visible = paths.Where(p => db.ScopeUnrestricted || db.ScopePaths.Any(s => p.StartsWith(s, StringComparison.Ordinal))).ToArray();
        List<LearnerSummary> items = [];
        if ((request.Skip < counted || counted > PaginationExtensions.CountLimit) && visible.Length > 0)
        {
            // Each school's first rows in list order, read from the scope index alone (it holds every column
            // the list shows), merged; then the page's school names. One statement, no learner table page.
            var (family, given, number) = (Col(nameof(Learner.FamilyName)), Col(nameof(Learner.GivenName)), Col(nameof(Learner.LearnerNumber)));
            var (id, institution) = (Col(nameof(Learner.Id)), Col(nameof(Learner.InstitutionId)));
            var listed = $"{id}, {number}, {given}, {family}, {Col(nameof(Learner.Sex))}, {Col(nameof(Learner.DateOfBirth))}, {institution}";
            var schools = db.Model.FindEntityType(typeof(Institution))!;
            var rows = await db.Database.SqlQueryRaw<AreaRow>(
                $$"""
                SELECT m.*, i.{{SqlNames.Column(db, schools.FindProperty(nameof(Institution.Name))!)}} AS institution_name
                FROM (
                    SELECT l.* FROM unnest({0}::text[]) AS p(path)
                    CROSS JOIN LATERAL (
                        SELECT {{listed}} FROM {{table}}
                        WHERE {{deleted}} IS NULL AND {{path}} = p.path AND {{Col(nameof(Learner.Status))}} = {1}
                        ORDER BY {{family}}, {{given}}, {{number}}
                        LIMIT {2}) AS l
                    ORDER BY l.{{family}}, l.{{given}}, l.{{number}}
                    OFFSET {3} LIMIT {4}) AS m
                LEFT JOIN {{SqlNames.Table(db, schools)}} AS i ON i.{{SqlNames.Column(db, schools.FindProperty(nameof(Institution.Id))!)}} = m.{{institution}}
                ORDER BY m.{{family}}, m.{{given}}, m.{{number}}
                """,
                visible,
                criteria.Status.ToString(),
                request.Skip + request.PageSize,
                request.Skip,
                request.PageSize).ToListAsync(ct);
            items = rows.Select(r => new LearnerSummary(
                r.Id, r.LearnerNumber, r.GivenName, r.FamilyName, Enum.Parse<Sex>(r.Sex), r.DateOfBirth, r.InstitutionId, r.InstitutionName, criteria.Status)).ToList();
        }

        return PaginationExtensions.Capped(items, request, counted);
    }

    /// <summary>A row of the merged page as PostgreSQL returns it (sex as stored: its name; columns by the snake-case convention).</summary>
    private sealed class AreaRow
    {
        public Guid Id { get; set; }
        public string LearnerNumber { get; set; } = "";
        public string GivenName { get; set; } = "";
        public string FamilyName { get; set; } = "";
        public string Sex { get; set; } = "";
        public DateOnly DateOfBirth { get; set; }
        public Guid InstitutionId { get; set; }
        public string? InstitutionName { get; set; }
    }
}
