using Lnemis.Institutions.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

#pragma warning disable EF1002, EF1003 // Table and column names come from the EF model; every value is a parameter.

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// A district's learner list (the area filter alone) on PostgreSQL, merged from its schools. A
/// district holds about 1 % of the country's learners, so the list's page walked the national name
/// index past some 7,000 other learners to meet its 20 (3–37 ms a request at 5,000,000 learners,
/// and p95 172 ms under the harness's 8 clients). Each school is one scope path, and the scope index
/// holds each path's learners in list order: the page is the first rows of each school's range,
/// merged — a few index entries per school (bounded as <see cref="MergeParameters"/> says), and no
/// table page. The index holds every column the list shows, so the merge returns the page itself,
/// with its school names and the capped count: one statement after the schools' paths. An area with
/// more schools than <see cref="MaxSchools"/>
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
                PreparedStatements.Marker + $$"""
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

        // The caller's scope, per school: the scope filter's prefix match on each path (a path outside it has none of its learners listed).
        var visible = paths.Where(p => db.ScopeUnrestricted || db.ScopePaths.Any(s => p.StartsWith(s, StringComparison.Ordinal))).ToArray();
        if (visible.Length == 0)
        {
            return PaginationExtensions.Capped<LearnerSummary>([], request, 0);
        }

        // One statement counts the visible schools' learners (capped) and merges the page; a page past the end has the count alone.
        var rows = await db.Database.SqlQueryRaw<AreaRow>(MergeSql(db), MergeParameters(visible, criteria.Status, request)).ToListAsync(ct);
        var counted = rows.Count > 0 ? rows[0].Total : 0;
        var items = rows.Where(r => r.Id is not null).Select(r => new LearnerSummary(
            r.Id!.Value, r.LearnerNumber!, r.GivenName!, r.FamilyName!, Enum.Parse<Sex>(r.Sex!), r.DateOfBirth!.Value, r.InstitutionId!.Value, r.InstitutionName, criteria.Status)).ToList();
        return PaginationExtensions.Capped(items, request, counted);
    }

    /// <summary>
    /// The parameters of <see cref="MergeSql"/>: the schools' paths, the status, how many first rows of each
    /// school are candidates (<c>m</c>), the page's end (<c>n</c> = skip + take), skip, take and where the count stops.
    /// </summary>
    /// <remarks>
    /// The page's rows are the first <c>n</c> of the merged schools. Reading each school's first <c>n</c>
    /// (as the merge first did) reads schools × n rows: 9,700 for page 5 of a district of 97 schools,
    /// 4–8 ms, to keep 100. Instead each school gives its first <c>m</c> rows, about 2n across the
    /// schools; the n-th of those candidates in list order bounds the page (n rows lie at or before it).
    /// Only a school whose m candidates all lie within the bound can have more rows within it, and
    /// only those schools are read again, from their m-th row to the bound. With fewer than
    /// <c>n</c> candidates there is no bound, and such schools are read on for up to <c>n</c> rows.
    /// </remarks>
    internal static object[] MergeParameters(string[] paths, LearnerStatus status, PageRequest request)
    {
        var wanted = request.Skip + request.PageSize;
        var candidates = Math.Min(wanted, Math.Max(2, (2 * wanted + paths.Length - 1) / paths.Length));
        return [paths, status.ToString(), candidates, wanted - 1, wanted, request.Skip, request.PageSize, PaginationExtensions.CountLimit + 1];
    }

    /// <summary>
    /// The merged page (parameters from <see cref="MergeParameters"/>): every column the list shows, read
    /// from the scope index alone (it holds them), with the page's school names joined after its limit.
    /// Keys are unique (the learner number is), so the bound and the page are exact.
    /// </summary>
    private static string MergeSql(LnemisDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Learner))!;
        var table = SqlNames.Table(db, entity);
        string Col(string property) => SqlNames.Column(db, entity.FindProperty(property)!);
        var (family, given, number) = (Col(nameof(Learner.FamilyName)), Col(nameof(Learner.GivenName)), Col(nameof(Learner.LearnerNumber)));
        var institution = Col(nameof(Learner.InstitutionId));
        var columns = $"{Col(nameof(Learner.Id))}, {number}, {given}, {family}, {Col(nameof(Learner.Sex))}, {Col(nameof(Learner.DateOfBirth))}, {institution}";
        var school = $"{Col(nameof(Learner.DeletedAt))} IS NULL AND {Col(nameof(Learner.Status))} = {{1}} AND {Col(nameof(Learner.ScopePath))}";
        var order = $"{family}, {given}, {number}";
        string Key(string alias) => $"({alias}.{family}, {alias}.{given}, {alias}.{number})";
        string Of(string alias) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
        var schools = db.Model.FindEntityType(typeof(Institution))!;
        return PreparedStatements.Marker + $$"""
            WITH c AS MATERIALIZED (
                SELECT p.path, l.* FROM unnest({0}::text[]) AS p(path)
                CROSS JOIN LATERAL (
                    SELECT {{columns}}, row_number() OVER (ORDER BY {{order}}) AS rn FROM {{table}}
                    WHERE {{school}} = p.path ORDER BY {{order}} LIMIT {2}) AS l),
            b AS MATERIALIZED (SELECT {{order}} FROM c ORDER BY {{order}} OFFSET {3} LIMIT 1),
            more AS (
                SELECT {{Of("l")}} FROM c CROSS JOIN b CROSS JOIN LATERAL (
                    SELECT {{columns}} FROM {{table}} AS x
                    WHERE {{school}} = c.path AND {{Key("x")}} > {{Key("c")}} AND {{Key("x")}} <= {{Key("b")}}
                    ORDER BY {{order}} LIMIT {4}) AS l
                WHERE c.rn = {2} AND {{Key("c")}} <= {{Key("b")}}
                UNION ALL
                SELECT {{Of("l")}} FROM c CROSS JOIN LATERAL (
                    SELECT {{columns}} FROM {{table}} AS x
                    WHERE {{school}} = c.path AND {{Key("x")}} > {{Key("c")}}
                    ORDER BY {{order}} LIMIT {4}) AS l
                WHERE c.rn = {2} AND NOT EXISTS (SELECT FROM b)),
            page AS (
                SELECT {{Of("c")}} FROM c LEFT JOIN b ON true WHERE b.{{family}} IS NULL OR {{Key("c")}} <= {{Key("b")}}
                UNION ALL
                SELECT {{columns}} FROM more
                ORDER BY {{order}} OFFSET {5} LIMIT {6})
            SELECT t.total, m.*, i.{{SqlNames.Column(db, schools.FindProperty(nameof(Institution.Name))!)}} AS institution_name
            FROM (
                SELECT count(*)::int AS total FROM (
                    SELECT FROM unnest({0}::text[]) AS p(path)
                    CROSS JOIN LATERAL (SELECT FROM {{table}} WHERE {{school}} = p.path LIMIT {7}) AS l
                    LIMIT {7}) AS counted) AS t
            LEFT JOIN page AS m ON true
            LEFT JOIN {{SqlNames.Table(db, schools)}} AS i ON i.{{SqlNames.Column(db, schools.FindProperty(nameof(Institution.Id))!)}} = m.{{institution}}
            ORDER BY m.{{family}}, m.{{given}}, m.{{number}}
            """;
    }

    /// <summary>
    /// A row of the merged page as PostgreSQL returns it (sex as stored: its name; columns by the snake-case
    /// convention), each with the capped count; a page past the end is one row with the count alone.
    /// </summary>
    private sealed class AreaRow
    {
        public int Total { get; set; }
        public Guid? Id { get; set; }
        public string? LearnerNumber { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? Sex { get; set; }
        public DateOnly? DateOfBirth { get; set; }
        public Guid? InstitutionId { get; set; }
        public string? InstitutionName { get; set; }
    }
}
