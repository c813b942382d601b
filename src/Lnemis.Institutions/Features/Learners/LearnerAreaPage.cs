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
/// merged — a few index pages per school, and no table page. An area with more schools than <see cref="MaxSchools"/>
/// (a region, the country) holds enough of the list for the walk to meet a page at once, and keeps it.
/// </summary>
internal static class LearnerAreaPage
{
    public const int MaxSchools = 200;

    public static async Task<Page<LearnerSummary>?> PageAsync(LnemisDbContext db, LearnerCriteria criteria, PageRequest request, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres || criteria.AreaPath is not { Length: > 0 } area || criteria.Number is not null || criteria.Terms.Count > 0
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

        // The area's distinct scope paths, each found by one descent of the scope index (a loose index scan).
        // The paths beginning with the area's are those in its prefix range, in the byte order the index keeps (text_pattern_ops).
        var (from, above) = LearnerNameSearch.Range(area);
        var range = $"{path} ~>=~ {{0}} AND {path} ~<~ {{1}}";
        var paths = await db.Database.SqlQueryRaw<string>(
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
            MaxSchools + 1).ToListAsync(ct);
        if (paths.Count > MaxSchools)
        {
            return null;
        }

        var counted = await criteria.Query(db).Take(PaginationExtensions.CountLimit + 1).CountAsync(ct);

        // The caller's scope, per school: the scope filter's prefix match on each path (a path outside it has none of its learners listed).
        var visible = db.ScopeUnrestricted ? paths : paths.Where(p => db.ScopePaths.Any(s => p.StartsWith(s, StringComparison.Ordinal))).ToList();
        List<LearnerSummary> items = [];
        if (request.Skip < counted && visible.Count > 0)
        {
            // Each school's first rows in list order, read from the scope index alone, then the page of their merge.
            var (family, given, number) = (Col(nameof(Learner.FamilyName)), Col(nameof(Learner.GivenName)), Col(nameof(Learner.LearnerNumber)));
            var ids = await db.Database.SqlQueryRaw<Guid>(
                $$"""
                SELECT l.{{Col(nameof(Learner.Id))}} AS "Value" FROM unnest({0}::text[]) AS p(path)
                CROSS JOIN LATERAL (
                    SELECT x.{{Col(nameof(Learner.Id))}}, x.{{family}}, x.{{given}}, x.{{number}} FROM {{table}} AS x
                    WHERE x.{{deleted}} IS NULL AND x.{{path}} = p.path AND x.{{Col(nameof(Learner.Status))}} = {1}
                    ORDER BY x.{{family}}, x.{{given}}, x.{{number}}
                    LIMIT {2}) AS l
                ORDER BY l.{{family}}, l.{{given}}, l.{{number}}
                OFFSET {3} LIMIT {4}
                """,
                visible.ToArray(),
                criteria.Status.ToString(),
                request.Skip + request.PageSize,
                request.Skip,
                request.PageSize).ToListAsync(ct);
            items = await criteria.Query(db).Where(l => ids.Contains(l.Id))
                .OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).ThenBy(l => l.LearnerNumber)
                .Select(ListLearners.Summary)
                .ToListAsync(ct);
        }

        return PaginationExtensions.Capped(items, request, counted);
    }
}
