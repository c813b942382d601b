using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Backfills the search index (<see cref="CaseSearchDocument"/>, ADR 0011): for every case, in
/// batches ordered by case number, the document the observer would have built from the case and
/// its whole history; written only where it is missing (cases older than the search index) or
/// differs (stale). Each batch is one transaction, so the backfill can stop anywhere and be run
/// again; a second run writes nothing. While users work: on PostgreSQL the batch locks its cases'
/// rows first (a case being changed is read after that change commits), and a case changed after
/// its batch is kept up to date by the observer as usual.
/// `Lnemis.Server correspondence rebuild-search [--batch N]`.
/// </summary>
public static class RebuildCaseSearch
{
    public const int DefaultBatchSize = 1_000;

    public sealed record Progress(int Done, int Total, int Written);

    public sealed record Outcome(int Cases, int Written);

    /// <summary>Rebuilds the documents of the next batch of cases numbered after <paramref name="after"/>; returns the last number (null when done), the cases seen and the documents written.</summary>
    public static async Task<(string? Last, int Count, int Written)> BatchAsync(LnemisDbContext db, string? after, int batchSize, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cases = await db.Cases().IgnoreQueryFilters().AsNoTracking()
            .Where(c => after == null || string.Compare(c.Number, after) > 0)
            .OrderBy(c => c.Number)
            .Take(batchSize)
            .ToListAsync(ct);
        if (cases.Count == 0)
        {
            return (null, 0, 0);
        }

        var ids = cases.Select(c => c.Id).ToList();
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Waits for cases being changed right now, so their new history entries are read below.
            var table = SqlNames.Table(db, db.Model.FindEntityType(typeof(Case))!);
#pragma warning disable EF1002 // The table name comes from the model; the ids are a parameter.
            await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM {table} WHERE id = ANY({{0}}) FOR UPDATE", [ids.ToArray()], ct);
#pragma warning restore EF1002
            cases = await db.Cases().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Number).ToListAsync(ct);
        }

        var history = (await db.CaseTransitions().AsNoTracking()
                .Where(t => ids.Contains(t.CaseId))
                .Select(t => new { t.CaseId, t.Sequence, t.Event, t.Message })
                .ToListAsync(ct))
            .ToLookup(t => t.CaseId);
        var documents = await db.Set<CaseSearchDocument>().Where(d => ids.Contains(d.CaseId)).ToDictionaryAsync(d => d.CaseId, ct);
        var written = 0;
        foreach (var c in cases)
        {
            var caseWords = CaseSearchIndexer.WordsOf(c);
            var historyWords = " ";
            foreach (var entry in history[c.Id].OrderBy(t => t.Sequence))
            {
                historyWords = CaseSearchIndexer.HistoryAfter(historyWords, new CaseTransition { Event = entry.Event, ToState = "", Message = entry.Message });
            }

            var scopeKeys = CaseSearchIndexer.ScopeKeysOf(c);
            if (!documents.TryGetValue(c.Id, out var document))
            {
                db.Set<CaseSearchDocument>().Add(new CaseSearchDocument { CaseId = c.Id, CaseWords = caseWords, HistoryWords = historyWords, ScopeKeys = scopeKeys });
                written++;
            }
            else if (document.CaseWords != caseWords || document.HistoryWords != historyWords || document.ScopeKeys != scopeKeys)
            {
                document.CaseWords = caseWords;
                document.HistoryWords = historyWords;
                document.ScopeKeys = scopeKeys;
                written++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (cases[^1].Number, cases.Count, written);
    }

    /// <summary>Runs every batch, reporting progress after each.</summary>
    public static async Task<Outcome> RunAsync(LnemisDbContext db, int batchSize, IProgress<Progress>? progress, CancellationToken ct)
    {
        var total = await db.Cases().IgnoreQueryFilters().CountAsync(ct);
        int done = 0, written = 0;
        string? after = null;
        while (true)
        {
            var (last, count, batchWritten) = await BatchAsync(db, after, batchSize, ct);
            if (last is null)
            {
                return new Outcome(done, written);
            }

            done += count;
            written += batchWritten;
            after = last;
            progress?.Report(new Progress(done, Math.Max(done, total), written));
        }
    }
}
