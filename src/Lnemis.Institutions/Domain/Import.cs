namespace Lnemis.Institutions.Domain;

public enum ImportKind
{
    Institutions,
    Learners,
    Enrolments,
    Staff,
}

public enum ImportStatus
{
    /// <summary>Uploaded and readable; waiting for the column mapping and a dry run.</summary>
    Uploaded,
    Validating,
    Validated,
    Applying,
    Applied,

    /// <summary>The file could not be processed (or an apply found errors in all-or-nothing mode); nothing was changed.</summary>
    Failed,
}

public enum ImportMode
{
    AllOrNothing,
    SkipBadRows,
}

/// <summary>
/// An uploaded file on its way into the registry: mapped, dry-run, applied. The file itself is
/// kept in <see cref="ImportFileChunk"/> rows, so web and worker roles on different machines both
/// reach it; the batch record is the audit of what the import did.
/// </summary>
public sealed class ImportBatch
{
    public Guid Id { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The header row, tab-separated.</summary>
    public required string Columns { get; set; }

    /// <summary>Field → column, as JSON.</summary>
    public string Mapping { get; set; } = "{}";

    public ImportStatus Status { get; set; }
    public ImportMode? Mode { get; set; }
    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public int ErrorRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public string? Failure { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public long Version { get; set; }
}

public sealed class ImportFileChunk
{
    public Guid BatchId { get; set; }
    public int Sequence { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary>A bad row found by the dry run: where, what value, why.</summary>
public sealed class ImportProblem
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public int Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
}
