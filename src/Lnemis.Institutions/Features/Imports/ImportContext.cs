using System.IO.Hashing;
using System.Text;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>What one chunk of rows came to.</summary>
internal sealed record ChunkOutcome(int Valid, int Invalid, int Created, int Updated, int Unchanged)
{
    public static ChunkOutcome None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>One import kind: checks a chunk of rows (dry run) or checks and writes it (apply).</summary>
internal interface IImportProcessor
{
    ImportKind Kind { get; }

    /// <summary>The permission needed over every record the file touches.</summary>
    string Permission { get; }

    Task<ChunkOutcome> ProcessAsync(ImportContext context, IReadOnlyList<SourceRow> rows, bool apply, CancellationToken ct);

    /// <summary>
    /// Called once after the last chunk, in the same pass (and transaction): a processor that only
    /// stages its chunks checks and writes them here, set-based. Its row errors go to the context.
    /// </summary>
    Task<ChunkOutcome> FinishAsync(ImportContext context, bool apply, CancellationToken ct) => Task.FromResult(ChunkOutcome.None);

    /// <summary>
    /// Called instead of the chunks, for an apply whose dry run staged every row of the file: true when the
    /// processor takes up those rows (its <see cref="FinishAsync"/> then checks and writes them), false when
    /// the runner must read the file again.
    /// </summary>
    Task<bool> ResumeAsync(ImportContext context, CancellationToken ct) => Task.FromResult(false);
}

/// <summary>State of one pass over a file: the importer's access, the mapping, caches, keys seen so far, errors of the chunk.</summary>
internal sealed class ImportContext(
    LnemisDbContext db, Guid batchId, AccessScope access, string permission, IReadOnlyDictionary<string, (int Index, string Column)> mapping, DateTimeOffset now)
{
    private readonly HashSet<ulong> seenKeys = [];
    private readonly Dictionary<string, InstitutionKey?> institutions = new(StringComparer.Ordinal);
    private Dictionary<string, AcademicYear>? academicYears;
    private Dictionary<string, Grade>? grades;

    public sealed record InstitutionKey(Guid Id, string Code, string ScopePath, InstitutionStatus Status);

    public LnemisDbContext Db => db;
    public Guid BatchId => batchId;

    /// <summary>A digest of the column mapping: what a kept dry run was read with (hex, no quotes).</summary>
    public string MappingKey { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', mapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}\t{m.Value.Index}\t{m.Value.Column}")))));

    public DateTimeOffset Now => now;
    public List<RowError> Errors { get; } = [];

    /// <summary>Hands the errors so far to the run (which may stop an all-or-nothing apply) and clears them; set by the runner.</summary>
    public Func<Task> ReportErrorsAsync { get; set; } = () => Task.CompletedTask;

    public RowReader Read(SourceRow row) => new(row, mapping, Errors);

    /// <summary>The file's column that holds a field (for error reports).</summary>
    public string ColumnOf(string field) => mapping.TryGetValue(field, out var at) ? at.Column : field;

    public bool Covers(string scopePath) => access.Covers(permission, scopePath);

    /// <summary>The scope paths <see cref="Covers"/> accepts as prefixes, for checks done in SQL; null when every path is covered.</summary>
    public string[]? CoveringPaths => access.IsSystem ? null : access.PathsFor(permission);

    /// <summary>Academic years by code, loaded once per run.</summary>
    public async Task<IReadOnlyDictionary<string, AcademicYear>> AcademicYearsAsync(CancellationToken ct) =>
        academicYears ??= await db.AcademicYears().AsNoTracking().ToDictionaryAsync(y => y.Code, StringComparer.Ordinal, ct);

    /// <summary>Grades by code, loaded once per run.</summary>
    public async Task<IReadOnlyDictionary<string, Grade>> GradesAsync(CancellationToken ct) =>
        grades ??= await db.Grades().AsNoTracking().ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, ct);

    /// <summary>False when the key was already seen earlier in the file (64-bit hashes keep a million keys in a few MB).</summary>
    public bool FirstTime(string key) => seenKeys.Add(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)));

    /// <summary>Institutions by code that the importer may write to; unknown or out-of-scope codes map to null.</summary>
    public async Task<IReadOnlyDictionary<string, InstitutionKey?>> InstitutionsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var missing = codes.Where(c => !institutions.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(1000))
        {
            var found = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
                .Where(i => chunk.Contains(i.Code))
                .Select(i => new InstitutionKey(i.Id, i.Code, i.ScopePath, i.Status))
                .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
            foreach (var code in chunk)
            {
                institutions[code] = found.GetValueOrDefault(code) is { } match && Covers(match.ScopePath) ? match : null;
            }
        }

        return institutions;
    }
}
