using System.Text.Json.Nodes;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// The learner list's name search (ADR 0032): every word typed must begin a word of the learner's
/// names (given, other, family; lower case, accents ignored), so "bar oti" finds Baraka Otieno.
/// <para>
/// <see cref="Matching"/> states the rule as <c>LIKE</c> patterns over the learners' search text: the
/// exports, the subject-access search, SQLite and the lists the word index cannot serve use it.
/// </para>
/// <para>
/// <see cref="PageAsync"/> serves the list on PostgreSQL from <c>institutions.learner_name_words</c>:
/// one entry per distinct name word of each active learner, in the list's order within a word (word,
/// family name, given name, number), carrying the search text and the school, kept up by triggers on
/// the learners table. Two typed words read the pair entries (<see cref="PairPageAsync"/>); otherwise one typed word drives; it widens to the name words it begins (a loose index
/// scan); each of those words gives its first page already in order (its own <c>LIMIT</c>, so
/// PostgreSQL walks the index and stops), and the few rows are merged. The count reads the prefix
/// range once, each learner once, and stops at the cap. The other typed words, the scope and the
/// area, sex and birth dates are checked on the index entries themselves, which also hold every column
/// the list shows: a search never reads the learners table.
/// </para>
/// </summary>
internal static class LearnerNameSearch
{
    /// <summary>At most this many name words are merged page by page; a shorter prefix is read as one range.</summary>
    public const int MergedWords = 32;

    /// <summary>A prefix range up to this size is sorted; a larger one (a letter or two) walks the learners in name order instead.</summary>
    public const int SortedRange = 20_000;

    /// <summary>The one key a learner with more than eight name words has instead of pairs (the typed words are checked on its search text).</summary>
    private const string ManyWordsKey = " *";

    /// <summary>The name-word index table (PostgreSQL only; made by the LearnerNameWords migration, pair entries from LearnerNamePairs).</summary>
    public const string WordsTable = "institutions.learner_name_words";

    /// <summary>The typed words as the search text holds them (at most eight).</summary>
    public static List<string> Terms(string q) =>
        SearchText.Of(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(8).ToList();

    /// <summary>The learners whose names have a word beginning with each term (any provider; no index needed).</summary>
    public static IQueryable<Learner> Matching(IQueryable<Learner> learners, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            var (first, inner) = SearchText.WordStart(term);
            learners = learners.Where(l => EF.Functions.Like(l.SearchText, first, "\\") || EF.Functions.Like(l.SearchText, inner, "\\"));
        }

        return learners;
    }

    /// <summary>
    /// A page of the list in list order, with the capped count (as <see cref="PaginationExtensions.ToCappedPageAsync"/>
    /// counts), read from the index entries alone; null when the word index does not serve these criteria
    /// (SQLite, no name words, merged learners, a prefix of very many words) and the caller should run
    /// <see cref="LearnerCriteria.Query"/> instead.
    /// </summary>
    public static async Task<Page<LearnerSummary>?> PageAsync(LnemisDbContext db, LearnerCriteria criteria, PageRequest request, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres || criteria.Terms.Count == 0 || criteria.Status != LearnerStatus.Active)
        {
            return null;
        }

        if (request.Skip + request.PageSize > PaginationExtensions.PageLimit)
        {
            throw new PageOutOfRangeException(PaginationExtensions.PageLimit);
        }

        var all = db.Set<LearnerNameWord>().AsNoTracking();
        if (criteria.Terms.Count > 1 && await PairPageAsync(db, all, criteria, request, ct) is { } paired)
        {
            return paired;
        }

        var driver = await DriverAsync(db, criteria.Terms, ct);
        var words = await WordsBeginningAsync(db, driver, ct);
        if (words.Count == 0)
        {
            return new Page<LearnerSummary>([], request.Page, request.PageSize, 0);
        }

        // One word widened to one name word cannot give a learner twice (a learner's words are distinct).
        var entries = Filtered(db, all, criteria, criteria.Terms.Where(t => t != driver));
        entries = words.Count > 1 ? FirstOfLearner(entries, driver) : entries;
        var (from, to) = Range(driver);
        var range = entries.Where(n => string.Compare(n.Word, from) >= 0 && string.Compare(n.Word, to) < 0);
        if (words.Count > MergedWords && await range.Take(SortedRange + 1).CountAsync(ct) > SortedRange)
        {
            return null;
        }

        var limit = PaginationExtensions.CountLimit;
        if (criteria.Terms.Count > 1)
        {
            // Several typed words mostly match a few learners: one read of the range finds them all, sorted
            // by PostgreSQL, and the page is cut from them. Only past the cap is the page read on its own.
            var found = await Summaries(InListOrder(range.Take(limit + 1))).ToListAsync(ct);
            if (found.Count <= limit)
            {
                return new Page<LearnerSummary>(found.Skip(request.Skip).Take(request.PageSize).ToList(), request.Page, request.PageSize, found.Count);
            }
        }

        var counted = criteria.Terms.Count > 1 ? limit + 1 : await range.Take(limit + 1).CountAsync(ct);
        List<LearnerSummary> items = [];
        if (request.Skip < counted || counted > limit)
        {
            var wanted = request.Skip + request.PageSize;
            var hits = words.Count > MergedWords
                ? range
                : words.Select(w => InListOrder(entries.Where(n => n.Word == w)).Take(wanted))
                    .Aggregate(Queryable.Concat);
            items = await Named(db, InListOrder(hits).Skip(request.Skip).Take(request.PageSize))
                .ToListAsync(ct);
        }

        return PaginationExtensions.Capped(items, request, counted);
    }

    /// <summary>The list's order (family name, given name, number): within one word, the index's own.</summary>
    private static IOrderedQueryable<LearnerNameWord> InListOrder(IQueryable<LearnerNameWord> entries) =>
        entries.OrderBy(n => n.FamilyName).ThenBy(n => n.GivenName).ThenBy(n => n.LearnerNumber);

    /// <summary>The list's columns, all held by the index entries.</summary>
    private static IQueryable<LearnerSummary> Summaries(IQueryable<LearnerNameWord> entries) =>
        entries.Select(n => new LearnerSummary(n.LearnerId, n.LearnerNumber, n.GivenName, n.FamilyName, n.Sex, n.DateOfBirth, n.InstitutionId, null, LearnerStatus.Active));

    /// <summary>
    /// A page's summaries with their school names, joined after the page's <c>LIMIT</c> (one statement
    /// instead of a second lookup; ADR 0035 addendum). The join keeps the institutions' query filters (a
    /// query that ignored them would ignore every filter in it): a school the caller may not see, or a
    /// deleted one, leaves the name empty, and the list looks it up as before.
    /// </summary>
    private static IQueryable<LearnerSummary> Named(LnemisDbContext db, IQueryable<LearnerNameWord> page) =>
        page.LeftJoin(
            db.Institutions(),
            n => n.InstitutionId,
            i => i.Id,
            (n, i) => new LearnerSummary(n.LearnerId, n.LearnerNumber, n.GivenName, n.FamilyName, n.Sex, n.DateOfBirth, n.InstitutionId, i!.Name, LearnerStatus.Active));

    /// <summary>
    /// Two typed words read from the pair entries (ADR 0032): a learner's entry under " x y" for each pair of
    /// their name words x &lt; y, so the learners named by both words are found without reading every
    /// learner with either. The first word widens to the name words it begins (at most
    /// <see cref="MergedWords"/>); for each, the pair entries whose second word begins with the second typed
    /// word are one index range, read in list order up to what the count and the page need. Null (the
    /// caller goes on with one driving word) when no two typed words make a pair — one begins the other,
    /// as "ann anna" — when the first widens to too many words, or when a learner would be counted twice
    /// past the cap.
    /// </summary>
    private static async Task<Page<LearnerSummary>?> PairPageAsync(LnemisDbContext db, IQueryable<LearnerNameWord> all, LearnerCriteria criteria, PageRequest request, CancellationToken ct)
    {
        // The two longest typed words that make a pair (the fewest learners have both).
        var pair = criteria.Terms
            .SelectMany(a => criteria.Terms, (a, b) => (First: a, Second: b))
            .Where(p => InKeyOrder(p.First, p.Second) < 0 && !p.Second.StartsWith(p.First, StringComparison.Ordinal))
            .OrderByDescending(p => p.First.Length + p.Second.Length)
            .FirstOrDefault();
        if (pair.First is null)
        {
            return null;
        }

        var firsts = await WordsBeginningAsync(db, pair.First, ct);
        if (firsts.Count > MergedWords)
        {
            return null;
        }

        // Each first word's pair range holds the learners under one or more pair keys (" baraka otieno", and
        // " baraka otis" for "baraka oti"). Within one key the index is in list order, so a read of it stops
        // at what is needed; a range of several keys is sorted whole, and a common family name under a common
        // given name is tens of thousands of entries (" nkere ole": 45,865 sorted to give 1,001, 27 ms alone).
        // The keys are found first (one statement); only past MergedWords of them are the ranges read whole.
        var ranges = firsts.ConvertAll(x => Range(PairKey(x, pair.Second)));
        var keys = await WordsBeginningAsync(db, ranges, ct);
        var limit = PaginationExtensions.CountLimit;
        var take = Math.Max(limit + 1, request.Skip + request.PageSize);
        var entries = Filtered(db, all, criteria, criteria.Terms.Where(t => t != pair.First && t != pair.Second));
        var reads = keys.Sum(k => k.Count) <= MergedWords
            ? keys.SelectMany(k => k).Select(key => entries.Where(n => n.Word == key))
            : ranges.Select(r => entries.Where(n => string.Compare(n.Word, r.From) >= 0 && string.Compare(n.Word, r.To) < 0));
        var hits = reads
            .Select(read => InListOrder(read).Take(take))
            .Append(InListOrder(Beginning(entries.Where(n => n.Word == ManyWordsKey), [pair.First, pair.Second])).Take(take))
            .Aggregate(Queryable.Concat);
        var found = await Summaries(InListOrder(hits).Take(take)).ToListAsync(ct);

        // "Baraka Barasa Otieno" has two pairs for "bara oti": one learner, read twice, side by side in list order.
        var learners = found.DistinctBy(l => l.Id).ToList();
        if (found.Count == take && learners.Count < found.Count)
        {
            return null;
        }

        var items = learners.Skip(request.Skip).Take(request.PageSize).ToList();
        return PaginationExtensions.Capped(items, request, learners.Count);
    }

    /// <summary>The key of the pair entries for name words <paramref name="first"/> &lt; <paramref name="second"/> (a leading space keeps them apart from words).</summary>
    private static string PairKey(string first, string second) => " " + first + " " + second;

    /// <summary>The order of the "C" collation the keys are compared in: UTF-8 bytes.</summary>
    private static int InKeyOrder(string a, string b) =>
        System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));

    /// <summary>
    /// The index entries that match every criterion but the driving words' ranges: the typed words in
    /// <paramref name="checkedTerms"/> (on the search text), scope, area, school, sex and birth dates.
    /// </summary>
    private static IQueryable<LearnerNameWord> Filtered(LnemisDbContext db, IQueryable<LearnerNameWord> entries, LearnerCriteria criteria, IEnumerable<string> checkedTerms)
    {
        entries = Beginning(entries, checkedTerms);

        if (criteria.InstitutionId is { } institution)
        {
            entries = entries.Where(n => n.InstitutionId == institution);
        }

        // A learner's scope is their school's: the schools in scope (and in the area) are a small set to probe.
        if (!db.ScopeUnrestricted || criteria.AreaPath is not null)
        {
            var schools = db.Institutions().IgnoreQueryFilters([LnemisDbContext.SoftDeleteFilter]);
            if (criteria.AreaPath is { } path)
            {
                schools = schools.Where(i => i.ScopePath.StartsWith(path));
            }

            entries = entries.Where(n => schools.Select(i => i.Id).Contains(n.InstitutionId));
        }

        entries = criteria.Sex is { } sex ? entries.Where(n => n.Sex == sex) : entries;
        entries = criteria.BornFrom is { } bornFrom ? entries.Where(n => n.DateOfBirth >= bornFrom) : entries;
        return criteria.BornTo is { } bornTo ? entries.Where(n => n.DateOfBirth <= bornTo) : entries;
    }

    /// <summary>The entries whose search text has a word beginning with each of <paramref name="terms"/>.</summary>
    private static IQueryable<LearnerNameWord> Beginning(IQueryable<LearnerNameWord> entries, IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            var (first, inner) = SearchText.WordStart(term);
            entries = entries.Where(n => EF.Functions.Like(n.SearchText, first, "\\") || EF.Functions.Like(n.SearchText, inner, "\\"));
        }

        return entries;
    }

    /// <summary>
    /// Each learner once among entries of several words beginning with <paramref name="driver"/>: "Baraka
    /// Barasa" has two words beginning with "bara", and only the first one's entry counts (checked last, on
    /// the entries every other check has kept).
    /// </summary>
    private static IQueryable<LearnerNameWord> FirstOfLearner(IQueryable<LearnerNameWord> entries, string driver)
    {
        var (spaced, driverAtWordStart) = (" ", " " + driver);
        return entries.Where(n => (spaced + n.SearchText).IndexOf(driverAtWordStart) == (spaced + n.SearchText + spaced).IndexOf(spaced + n.Word + spaced));
    }

    /// <summary>The words (as the "C" collation orders them) that begin with <paramref name="prefix"/>: [from, to).</summary>
    internal static (string From, string To) Range(string prefix) => (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    /// <summary>
    /// The typed word whose prefix range holds the fewest entries, by PostgreSQL's own estimate (the word
    /// column's statistics: its most common words and a histogram; one plan, not a read, per word) —
    /// the longest among equals. Reading the rarest word's range and checking the others on its entries
    /// costs the least.
    /// </summary>
    private static async Task<string> DriverAsync(LnemisDbContext db, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var byLength = terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToList();
        if (byLength.Count == 1)
        {
            return byLength[0];
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var (best, fewest) = (byLength[0], double.MaxValue);
            foreach (var term in byLength)
            {
                var (from, to) = Range(term);
                await using var explain = connection.CreateCommand();
                explain.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM {WordsTable} WHERE word >= @from AND word < @to";
                foreach (var (name, value) in new[] { ("from", from), ("to", to) })
                {
                    var parameter = explain.CreateParameter();
                    (parameter.ParameterName, parameter.Value) = (name, value);
                    explain.Parameters.Add(parameter);
                }

                var plan = JsonNode.Parse((string)(await explain.ExecuteScalarAsync(ct))!)!;
                var rows = plan[0]!["Plan"]!["Plan Rows"]!.GetValue<double>();
                if (rows < fewest)
                {
                    (best, fewest) = (term, rows);
                }
            }

            return best;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The distinct name words that begin with <paramref name="prefix"/>, in order, at most <see cref="MergedWords"/> + 1
    /// (one more says "too many to merge").
    /// </summary>
    private static async Task<List<string>> WordsBeginningAsync(LnemisDbContext db, string prefix, CancellationToken ct) =>
        (await WordsBeginningAsync(db, [Range(prefix)], ct))[0];

    /// <summary>
    /// For each key range [from, to), the distinct keys (name words or pair keys) in it, in order, at most
    /// <see cref="MergedWords"/> + 1 each: one statement, each step one probe of the words index (a loose index
    /// scan from every range at once).
    /// </summary>
    private static async Task<List<string>[]> WordsBeginningAsync(LnemisDbContext db, IReadOnlyList<(string From, string To)> ranges, CancellationToken ct)
    {
        const string Sql = $"""
            WITH RECURSIVE ranges(r, lo, hi) AS (
                SELECT x.r::int, x.lo, x.hi FROM unnest({"{0}"}::text[], {"{1}"}::text[]) WITH ORDINALITY AS x(lo, hi, r)
            ), found(r, word, hi, n) AS (
                SELECT ranges.r, first.word, ranges.hi, 1 FROM ranges
                CROSS JOIN LATERAL (SELECT w.word FROM {WordsTable} AS w WHERE w.word >= ranges.lo AND w.word < ranges.hi ORDER BY w.word LIMIT 1) AS first
                UNION ALL
                SELECT found.r, next.word, found.hi, found.n + 1 FROM found
                CROSS JOIN LATERAL (SELECT w.word FROM {WordsTable} AS w WHERE w.word > found.word AND w.word < found.hi ORDER BY w.word LIMIT 1) AS next
                WHERE found.n <= {"{2}"}
            )
            SELECT r AS "Range", word AS "Word" FROM found
            """;
        if (ranges.Count == 0)
        {
            return [];
        }

        var froms = ranges.Select(r => r.From).ToArray();
        var tos = ranges.Select(r => r.To).ToArray();
#pragma warning disable EF1002 // The statement is constant; the ranges and the limit are parameters.
        var found = await db.Database.SqlQueryRaw<RangeWord>(Sql, froms, tos, MergedWords).ToListAsync(ct);
#pragma warning restore EF1002
        var words = ranges.Select(_ => new List<string>()).ToArray();
        foreach (var hit in found.OrderBy(h => h.Word, StringComparer.Ordinal))
        {
            words[hit.Range - 1].Add(hit.Word);
        }

        return words;
    }

    /// <summary>A key found in the <see cref="Range"/>-th range (from 1) of a loose scan.</summary>
    private sealed class RangeWord
    {
        public int Range { get; set; }

        public string Word { get; set; } = "";
    }
}
