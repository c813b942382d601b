using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Lnemis.Institutions.Features.Imports;

public sealed record ImportValidateMessage(Guid BatchId);

public sealed record ImportApplyMessage(Guid BatchId);

/// <summary>
/// Runs the dry run and the apply of an import in the worker: streams the stored file in chunks of
/// rows through the kind's processor, with the importer's current access. The apply is one
/// transaction: in all-or-nothing mode any bad row rolls it all back; a crash leaves nothing half
/// written, and a rerun is safe because rows are upserts by key.
/// </summary>
internal sealed class ImportRunner(
    LnemisDbContext db, IEnumerable<IImportProcessor> processors, IAccessResolver resolver, IDistributedCache cache, TimeProvider clock, ILogger<ImportRunner> logger)
    : IJobHandler<ImportValidateMessage>, IJobHandler<ImportApplyMessage>
{
    public const int ChunkSize = 2000;
    public const int MaxStoredProblems = 10_000;

    public static string ProgressKey(Guid batchId) => $"import-progress:{batchId:N}";

    private sealed record Totals(int Rows, int Valid, int Invalid, int Created, int Updated, int Unchanged);

    public async Task HandleAsync(ImportValidateMessage message, JobContext context, CancellationToken ct)
    {
        var batch = await db.ImportBatches().FirstOrDefaultAsync(b => b.Id == message.BatchId, ct);
        if (batch is null || batch.Status != ImportStatus.Validating)
        {
            return;
        }

        await db.ImportProblems().Where(p => p.BatchId == batch.Id).ExecuteDeleteAsync(ct);
        var stored = 0;
        try
        {
            var totals = await RunPassAsync(batch, apply: false, async errors =>
            {
                var room = MaxStoredProblems - stored;
                if (room <= 0)
                {
                    return;
                }

                foreach (var error in errors.Take(room))
                {
                    db.ImportProblems().Add(Problem(batch.Id, error));
                }

                stored += Math.Min(room, errors.Count);
                await db.SaveChangesAsync(ct);
            }, ct);
            batch.TotalRows = totals.Rows;
            batch.ValidRows = totals.Valid;
            batch.ErrorRows = totals.Invalid;
            batch.Status = ImportStatus.Validated;
        }
        catch (ImportFileException ex)
        {
            batch.Status = ImportStatus.Failed;
            batch.Failure = ex.Message;
        }
        catch (Exception ex) when (batch.Format == "xlsx" && TabularReader.IsDamagedWorkbook(ex))
        {
            batch.Status = ImportStatus.Failed;
            batch.Failure = "The workbook is damaged and could not be read to the end; save it again from Excel, or as CSV UTF-8.";
        }

        batch.ValidatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await cache.RemoveAsync(ProgressKey(batch.Id), ct);
    }

    public async Task HandleAsync(ImportApplyMessage message, JobContext context, CancellationToken ct)
    {
        var batch = await db.ImportBatches().AsNoTracking().FirstOrDefaultAsync(b => b.Id == message.BatchId, ct);
        if (batch is null || batch.Status != ImportStatus.Applying)
        {
            return;
        }

        var errors = new List<RowError>();
        Totals? totals = null;
        string? failure = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                totals = await RunPassAsync(batch, apply: true, chunk =>
                {
                    if (errors.Count < MaxStoredProblems)
                    {
                        errors.AddRange(chunk.Take(MaxStoredProblems - errors.Count));
                    }

                    if (batch.Mode == ImportMode.AllOrNothing && chunk.Count > 0)
                    {
                        throw new ImportFileException("Rows have errors and the import is all-or-nothing; nothing was changed.");
                    }

                    return Task.CompletedTask;
                }, ct);
                db.AddAudit(new PendingAudit("import", nameof(ImportBatch), batch.Id.ToString(), JsonSerializer.Serialize(new
                {
                    batch.Kind,
                    batch.FileName,
                    batch.Sha256,
                    Mode = batch.Mode?.ToString(),
                    totals.Created,
                    totals.Updated,
                    totals.Unchanged,
                    Skipped = totals.Invalid,
                })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (ImportFileException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                failure = ex.Message;
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                // A conflicting change since the dry run (e.g. the same admission number entered by hand).
                await transaction.RollbackAsync(CancellationToken.None);
                logger.LogWarning(ex, "Import {Batch} failed to apply", batch.Id);
                failure = "The registry changed since the dry run and a row now conflicts with it; nothing was changed. Run the dry run again.";
            }
        }

        db.ChangeTracker.Clear();
        var tracked = await db.ImportBatches().FirstAsync(b => b.Id == batch.Id, CancellationToken.None);
        if (totals is not null && failure is null)
        {
            tracked.Status = ImportStatus.Applied;
            tracked.Created = totals.Created;
            tracked.Updated = totals.Updated;
            tracked.Unchanged = totals.Unchanged;
            tracked.Skipped = totals.Invalid;
            tracked.AppliedAt = clock.GetUtcNow();
        }
        else
        {
            tracked.Status = ImportStatus.Failed;
            tracked.Failure = failure;
            if (errors.Count > 0)
            {
                await db.ImportProblems().Where(p => p.BatchId == batch.Id).ExecuteDeleteAsync(CancellationToken.None);
                db.ImportProblems().AddRange(errors.Select(e => Problem(batch.Id, e)));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await cache.RemoveAsync(ProgressKey(batch.Id), CancellationToken.None);
    }

    private async Task<Totals> RunPassAsync(ImportBatch batch, bool apply, Func<List<RowError>, Task> onErrors, CancellationToken ct)
    {
        var processor = processors.Single(p => p.Kind == batch.Kind);
        var access = await resolver.ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(LnemisClaims.UserId, batch.CreatedBy.ToString())], "import")), ct);
        var columns = batch.Columns.Split('\t');
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(batch.Mapping) ?? [];
        var mapping = fields.ToDictionary(f => f.Key, f => (Array.IndexOf(columns, f.Value), f.Value), StringComparer.Ordinal);
        // Whole milliseconds, so the time stored on new rows equals it exactly on every database.
        var context = new ImportContext(db, batch.Id, access, processor.Permission, mapping, AuditChain.Normalise(clock.GetUtcNow()));

        var rows = 0;
        var valid = 0;
        var invalid = 0;
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        var chunk = new List<SourceRow>(ChunkSize);
        var number = 0;

        context.ReportErrorsAsync = async () =>
        {
            await onErrors(context.Errors);
            context.Errors.Clear();
        };

        void Add(ChunkOutcome outcome)
        {
            valid += outcome.Valid;
            invalid += outcome.Invalid;
            created += outcome.Created;
            updated += outcome.Updated;
            unchanged += outcome.Unchanged;
        }

        async Task FlushAsync()
        {
            Add(await processor.ProcessAsync(context, chunk, apply, ct));
            rows += chunk.Count;
            chunk.Clear();
            await context.ReportErrorsAsync();
            await cache.SetStringAsync(ProgressKey(batch.Id), rows.ToString(CultureInfo.InvariantCulture),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) }, ct);
        }

        // Kept open for the pass: a processor may stage rows in temporary tables of this session.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // An apply may take up what its dry run staged, instead of reading the file again.
            if (apply && await processor.ResumeAsync(context, ct))
            {
                rows = batch.TotalRows;
            }
            else
            {
                await using var file = new StoredFileStream(db, batch.Id);
                await foreach (var cells in TabularReader.ReadAsync(file, batch.Format, ct))
                {
                    number++;
                    if (number == 1 || cells.Length == 0 || cells.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    chunk.Add(new SourceRow(number, cells));
                    if (chunk.Count == ChunkSize)
                    {
                        await FlushAsync();
                    }
                }

                if (chunk.Count > 0)
                {
                    await FlushAsync();
                }
            }

            Add(await processor.FinishAsync(context, apply, ct));
            await context.ReportErrorsAsync();
            return new Totals(rows, valid, invalid, created, updated, unchanged);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A write refused by a constraint (the registry changed since the dry run); raw SQL raises the provider's own exception.</summary>
    private static bool IsConflict(Exception ex) => ex is DbUpdateException
        or Npgsql.PostgresException { SqlState: ['2', '3', ..] }
        or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    private static ImportProblem Problem(Guid batchId, RowError error) => new()
    {
        BatchId = batchId,
        Row = error.Row,
        Column = Cut(error.Column),
        Value = Cut(error.Value),
        Message = error.Message.Length > 500 ? error.Message[..500] : error.Message,
    };

    private static string? Cut(string? value) => value is { Length: > 200 } ? value[..199] + "…" : value;
}

/// <summary>Reads a stored upload back, one chunk row at a time.</summary>
internal sealed class StoredFileStream(LnemisDbContext db, Guid batchId) : Stream
{
    private byte[] current = [];
    private int offset;
    private int next;
    private bool done;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (offset >= current.Length)
        {
            if (done)
            {
                return 0;
            }

            var sequence = next++;
            var data = await db.ImportFileChunks().AsNoTracking().Where(c => c.BatchId == batchId && c.Sequence == sequence)
                .Select(c => c.Data).FirstOrDefaultAsync(cancellationToken);
            if (data is null)
            {
                done = true;
                return 0;
            }

            current = data;
            offset = 0;
        }

        var n = Math.Min(buffer.Length, current.Length - offset);
        current.AsMemory(offset, n).CopyTo(buffer);
        offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
