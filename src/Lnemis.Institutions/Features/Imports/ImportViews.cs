using System.Text.Json;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace Lnemis.Institutions.Features.Imports;

public sealed record ImportProgress(int ProcessedRows, int? TotalRows);

public sealed record ImportView(
    Guid Id, ImportKind Kind, string FileName, string Format, long Size, string Sha256, ImportStatus Status, ImportMode? Mode,
    IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<ImportField> Fields,
    int TotalRows, int ValidRows, int ErrorRows, int Created, int Updated, int Unchanged, int Skipped, string? Failure,
    ImportProgress? Progress, DateTimeOffset CreatedAt, DateTimeOffset? ValidatedAt, DateTimeOffset? AppliedAt);

public sealed record ImportProblemView(int Row, string? Column, string? Value, string Message);

/// <summary>Lets the upload endpoint take files bigger than the API's usual body limit.</summary>
internal sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}

internal static class ImportMapping
{
    /// <summary>The batch when the caller started it; imports are private to whoever uploaded them.</summary>
    public static Task<ImportBatch?> FindAsync(LnemisDbContext db, CurrentActor actor, Guid id, CancellationToken ct) =>
        db.ImportBatches().FirstOrDefaultAsync(b => b.Id == id && b.CreatedBy == actor.UserId, ct);

    public static async Task<ImportView> ViewAsync(ImportBatch b, IDistributedCache cache, CancellationToken ct)
    {
        ImportProgress? progress = null;
        if (b.Status is ImportStatus.Validating or ImportStatus.Applying)
        {
            var processed = await cache.GetStringAsync(ImportRunner.ProgressKey(b.Id), ct);
            progress = new ImportProgress(int.TryParse(processed, out var n) ? n : 0, b.TotalRows > 0 ? b.TotalRows : null);
        }

        return new ImportView(
            b.Id, b.Kind, b.FileName, b.Format, b.Size, b.Sha256, b.Status, b.Mode, b.Columns.Split('\t'),
            JsonSerializer.Deserialize<Dictionary<string, string>>(b.Mapping) ?? [], ImportFieldCatalog.For(b.Kind),
            b.TotalRows, b.ValidRows, b.ErrorRows, b.Created, b.Updated, b.Unchanged, b.Skipped, b.Failure, progress,
            b.CreatedAt, b.ValidatedAt, b.AppliedAt);
    }
}
