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
/// On PostgreSQL a stored generated <c>tsvector</c> over both columns carries a GIN index.
/// </summary>
public sealed class CaseSearchDocument
{
    public Guid CaseId { get; set; }
    public string CaseWords { get; set; } = " ";
    public string HistoryWords { get; set; } = " ";
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
    }

    /// <summary>The history words once <paramref name="entry"/> is appended (the one rule the observer and the backfill share).</summary>
    public static string HistoryAfter(string historyWords, CaseTransition entry) =>
        // Anonymisation wiped the messages: their words leave the index with them.
        entry.Event == Retention.CaseRetentionWork.AnonymiseEvent ? " " : SearchWords.Add(historyWords, entry.Message);

    public static string WordsOf(Case c) =>
        SearchWords.Join(SearchWords.Of(c.Number).Concat(SearchWords.Of(c.Subject)).Concat(SearchWords.Of(c.RequesterName)).Concat(SearchWords.Of(c.RequesterEmail)));
}

/// <summary>The <c>q</c> filter of the case lists: every word must start a word of the case (AND of prefixes).</summary>
internal static class CaseSearch
{
    public const string VectorColumn = "SearchVector";
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

    public static async Task<IQueryable<Case>> MatchingAsync(this IQueryable<Case> cases, LnemisDbContext db, IReadOnlyList<string> words, CancellationToken ct)
    {
        var documents = db.Set<CaseSearchDocument>().AsQueryable();
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // 'word:*' is a prefix match; the words are letters and digits only, so nothing in them is tsquery syntax.
            var tsquery = string.Join(" & ", words.Select(w => w + ":*"));
            documents = documents.Where(d => EF.Property<NpgsqlTsVector>(d, VectorColumn).Matches(EF.Functions.ToTsQuery("simple", tsquery)));
            var ids = await documents.Select(d => d.CaseId).Take(IdListLimit + 1).ToListAsync(ct);
            if (ids.Count <= IdListLimit)
            {
                return cases.Where(c => ids.Contains(c.Id));
            }
        }
        else
        {
            foreach (var word in words)
            {
                var pattern = "% " + word + "%";
                documents = documents.Where(d => EF.Functions.Like(d.CaseWords, pattern) || EF.Functions.Like(d.HistoryWords, pattern));
            }
        }

        return cases.Where(c => documents.Any(d => d.CaseId == c.Id));
    }

    /// <summary>The words for the PostgreSQL generated column (both word lists).</summary>
    public static string VectorSql(string caseWordsColumn, string historyWordsColumn) =>
        string.Create(CultureInfo.InvariantCulture, $"to_tsvector('simple'::regconfig, {caseWordsColumn} || ' ' || {historyWordsColumn})");
}
