using System.Globalization;
using System.Text;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// The words a case is found by, one row per case, written by <see cref="CaseSearchIndexer"/> in
/// the transaction that changes the case (ADR 0011). <see cref="CaseWords"/> is rebuilt from the
/// case on every history entry (number, subject, requester name and email), so an edited subject
/// loses its old words; <see cref="HistoryWords"/> only grows with the words of each message.
/// Both hold distinct lower-case words separated by single spaces, with a space at each end.
/// <see cref="ScopeKeys"/> holds, for a case not deleted, every path its scope path starts with
/// ("/", "/group/"), so a search can ask the index for the caller's scope and live cases only.
/// On PostgreSQL a stored generated <c>tsvector</c> over the three columns carries a GIN index.
/// </summary>
public sealed class CaseSearchDocument
{
    public Guid CaseId { get; set; }
    public string CaseWords { get; set; } = " ";
    public string HistoryWords { get; set; } = " ";
    public string ScopeKeys { get; set; } = " ";
}

/// <summary>Splits text into the words the search compares: letters and digits, lower-cased.</summary>
internal static class SearchWords
{
    /// <summary>The longest word kept; longer runs (pasted hashes, URLs) are cut, as PostgreSQL would refuse them.</summary>
    public const int MaxWordLength = 60;

    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (word.Length < MaxWordLength)
                {
                    word.Append(char.ToLowerInvariant(ch));
                }
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>" a b c " from the distinct words, in first-seen order (so a LIKE '% b%' finds a word prefix).</summary>
    public static string Join(IEnumerable<string> words)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? " " : " " + string.Join(' ', distinct) + " ";
    }

    /// <summary>The words of <paramref name="existing"/> (a joined list) with those of <paramref name="text"/> added.</summary>
    public static string Add(string existing, string? text)
    {
        var added = Of(text).Where(w => !existing.Contains(" " + w + " ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return added.Count == 0 ? existing : existing + string.Join(' ', added) + " ";
    }
}

/// <summary>Keeps each case's <see cref="CaseSearchDocument"/> in step with the case, inside the same transaction.</summary>
internal sealed class CaseSearchIndexer : ICaseObserver
{
    public async Task OnAppendedAsync(LnemisDbContext db, Case c, CaseTransition entry, CancellationToken ct)
    {
        var set = db.Set<CaseSearchDocument>();
        var document = set.Local.FirstOrDefault(d => d.CaseId == c.Id) ?? await set.FirstOrDefaultAsync(d => d.CaseId == c.Id, ct);
        if (document is null)
        {
            document = new CaseSearchDocument { CaseId = c.Id };
            set.Add(document);
        }

        document.CaseWords = WordsOf(c);
        document.HistoryWords = HistoryAfter(document.HistoryWords, entry);
        document.ScopeKeys = ScopeKeysOf(c);
    }

    /// <summary>The history words once <paramref name="entry"/> is appended (the one rule the observer and the backfill share).</summary>
    public static string HistoryAfter(string historyWords, CaseTransition entry) =>
        // Anonymisation wiped the messages: their words leave the index with them.
        entry.Event == Retention.CaseRetentionWork.AnonymiseEvent ? " " : SearchWords.Add(historyWords, entry.Message);

    public static string WordsOf(Case c) =>
        SearchWords.Join(SearchWords.Of(c.Number).Concat(SearchWords.Of(c.Subject)).Concat(SearchWords.Of(c.RequesterName)).Concat(SearchWords.Of(c.RequesterEmail)));

    /// <summary>" / /group/ ": each path up to a '/' that the case's scope path starts with; none for a deleted case.</summary>
    public static string ScopeKeysOf(Case c)
    {
        if (c.DeletedAt is not null)
        {
            return " ";
        }

        var keys = new StringBuilder(" ");
        for (var i = c.ScopePath.IndexOf('/', StringComparison.Ordinal); i >= 0; i = c.ScopePath.IndexOf('/', i + 1))
        {
            keys.Append(c.ScopePath.AsSpan(0, i + 1)).Append(' ');
        }

        return keys.ToString();
    }
}

/// <summary>The <c>q</c> filter of the case lists: every word must start a word of the case (AND of prefixes).</summary>
internal static class CaseSearch
{
    public const string VectorColumn = "SearchVector";

    /// <summary>The case-word index on PostgreSQL (ADR 0036), kept up by triggers on the search documents.</summary>
    public const string WordsTable = "correspondence.case_search_words";
    public const int MaxWords = 8;

    /// <summary>The query's words, or null when it has none (only punctuation).</summary>
    public static IReadOnlyList<string>? Parse(string q)
    {
        var words = SearchWords.Of(q).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        return words.Count == 0 ? null : words;
    }

    /// <summary>
    /// On PostgreSQL, a search first reads the matching case ids from the GIN index, up to this
    /// many: a rare word (most searches) then filters the list by those ids, sorted in memory-sized
    /// sets. Left to itself the planner walks the deadline index probing each case for the word,
    /// which took over a second for a rare word at 300,000 cases (ADR 0011). A common word
    /// reaches the limit and keeps the semi-join: the walk meets matches at once.
    /// </summary>
    public const int IdListLimit = 1_000;

    /// <summary>The cases matching <paramref name="words"/>, and whether more than <see cref="IdListLimit"/> of the caller's live cases are known to match.</summary>
    /// <remarks>
    /// On PostgreSQL the ids are read with the caller's scope keys in the same index query
    /// (<see cref="CaseSearchDocument.ScopeKeys"/>), so "more than the limit" means in the caller's scope,
    /// and the list need not count them again: a count of a common word in one business group joined
    /// tens of thousands of cases to their documents (80 ms at 1,000,000 cases, ADR 0034). The whole
    /// words are asked first: they match a subset of the prefixes, and a common surname's exact
    /// posting list is read without merging every longer word that starts with it (e-mail names with digits).
    /// </remarks>
    public static async Task<(IQueryable<Case> Cases, bool OverLimit)> MatchingAsync(
        this IQueryable<Case> cases, LnemisDbContext db, IReadOnlyList<string> words, CancellationToken ct)
    {
        var documents = db.Set<CaseSearchDocument>().AsQueryable();
        if (db.Provider != DatabaseProvider.Postgres)
        {
            foreach (var word in words)
            {
                var pattern = "% " + word + "%";
                documents = documents.Where(d => EF.Functions.Like(d.CaseWords, pattern) || EF.Functions.Like(d.HistoryWords, pattern));
            }

            return (cases.Where(c => documents.Any(d => d.CaseId == c.Id)), false);
        }

        // 'word:*' is a prefix match; the words are letters and digits only, so nothing in them is tsquery syntax.
        var prefixes = string.Join(" & ", words.Select(w => w + ":*"));
        var matching = documents.Where(d => EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", prefixes)));
        var semiJoin = cases.Where(c => matching.Any(d => d.CaseId == c.Id));
        if (ScopeQuery(db) is not { } scope)
        {
            // A scope the keys cannot express (a path not ending in '/'): the ids unscoped, as before the keys.
            var any = await matching.Select(d => d.CaseId).Take(IdListLimit + 1).ToListAsync(ct);
            return any.Count <= IdListLimit ? (cases.Where(c => any.Contains(c.Id)), false) : (semiJoin, false);
        }

        if (words.Count == 1 && await CaseWordOverLimitAsync(db, words[0], ct))
        {
            return (semiJoin, true);
        }

        var whole = string.Join(" & ", words);
        var wholeInScope = await documents
            .Where(d => EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", whole).And(scope)))
            .Select(d => d.CaseId).Take(IdListLimit + 1).CountAsync(ct);
        if (wholeInScope > IdListLimit)
        {
            return (semiJoin, true);
        }

        var ids = await documents
            .Where(d => EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", prefixes).And(scope)))
            .Select(d => d.CaseId).Take(IdListLimit + 1).ToListAsync(ct);
        return ids.Count <= IdListLimit ? (cases.Where(c => ids.Contains(c.Id)), false) : (semiJoin, true);
    }

    /// <summary>
    /// Whether more than <see cref="IdListLimit"/> of the caller's live cases hold <paramref name="word"/> among
    /// their own words (number, subject, requester), counted in the case-word index (ADR 0036): for each of the
    /// caller's paths a range of (word, scope key) that the count leaves at the limit, where the full-text index
    /// must build the bitmap of every case holding the word in the scope first (10–25 ms for a subject word a
    /// group's 16,000 cases hold). Those cases all match the search, so more than the limit here is more than the
    /// limit for the search; fewer says nothing (the word may be in messages), and the full-text count follows.
    /// </summary>
    private static async Task<bool> CaseWordOverLimitAsync(LnemisDbContext db, string word, CancellationToken ct)
    {
        if (ScopeRanges(db) is not { } ranges)
        {
            return false;
        }

        const string Sql = $$"""
            SELECT count(*)::int AS "Value"
            FROM (
                SELECT 1
                FROM {{WordsTable}}
                WHERE word = {0} AND scope_key >= {1} AND scope_key < {2}
                LIMIT {3}) AS w
            """;
        var counted = 0;
        foreach (var (from, to) in ranges)
        {
            counted += await db.Database.SqlQueryRaw<int>(Sql, word, from, to, IdListLimit + 1 - counted).SingleAsync(ct);
            if (counted > IdListLimit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The caller's scope as ranges of scope keys that do not overlap: everything from "/" when unrestricted,
    /// else each path not inside another of the caller's paths (a case is counted once); null when a path does
    /// not end in '/' (as <see cref="ScopeQuery"/>).
    /// </summary>
    internal static IReadOnlyList<(string From, string To)>? ScopeRanges(LnemisDbContext db) =>
        ScopeRanges(db.ScopeUnrestricted ? ["/"] : db.ScopePaths);

    internal static IReadOnlyList<(string From, string To)>? ScopeRanges(string[] paths)
    {
        if (paths.Length == 0 || paths.Any(p => !p.StartsWith('/') || !p.EndsWith('/')))
        {
            return null;
        }

        return paths.Distinct(StringComparer.Ordinal)
            .Where(p => !paths.Any(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal)))
            .Select(p => (p, p[..^1] + (char)(p[^1] + 1)))
            .ToList();
    }

    /// <summary>
    /// The caller's scope as a query on the scope keys: "/" (every live case) when unrestricted, else
    /// any of the caller's paths; null when a path does not end in '/' (no key is a prefix of another's segment).
    /// </summary>
    internal static NpgsqlTsQuery? ScopeQuery(LnemisDbContext db)
    {
        if (db.ScopeUnrestricted)
        {
            return new NpgsqlTsQueryLexeme("/");
        }

        var paths = db.ScopePaths;
        if (paths.Length == 0 || paths.Any(p => !p.StartsWith('/') || !p.EndsWith('/') || p.Contains(' ', StringComparison.Ordinal)))
        {
            return null;
        }

        NpgsqlTsQuery query = new NpgsqlTsQueryLexeme(paths[0]);
        foreach (var path in paths.Skip(1))
        {
            query = new NpgsqlTsQueryOr(query, new NpgsqlTsQueryLexeme(path));
        }

        return query;
    }

    /// <summary>The PostgreSQL generated column: the words of both lists, and the scope keys as they are.</summary>
    public static string VectorSql(string caseWordsColumn, string historyWordsColumn, string scopeKeysColumn) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"to_tsvector('simple'::regconfig, {caseWordsColumn} || ' ' || {historyWordsColumn}) || array_to_tsvector(string_to_array(btrim({scopeKeysColumn}), ' '))");
}
