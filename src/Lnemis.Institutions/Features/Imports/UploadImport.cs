using System.Security.Cryptography;
using System.Text.Json;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Uploads a CSV or XLSX file as the request body (?kind=learners&amp;fileName=…). The file is stored,
/// its header read and a column mapping suggested; nothing in the registry changes until a dry run
/// and an apply. A file that is not a readable table is refused here, and nothing is kept.
/// </summary>
public static class UploadImport
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private const int ChunkBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/imports", HandleAsync).RequireAuthorization().WithMetadata(new UploadSizeLimit(MaxBytes)).WithTags("Imports");

    internal static async Task<IResult> HandleAsync(
        HttpRequest http, string? kind, string? fileName, IEnumerable<IImportProcessor> processors, LnemisDbContext db, CurrentActor actor, TimeProvider clock,
        IDistributedCache cache, CancellationToken ct)
    {
        if (!Enum.TryParse<ImportKind>(kind, true, out var importKind) || !Enum.IsDefined(importKind))
        {
            return Problems.Field("kind", $"Use one of: {string.Join(", ", Enum.GetNames<ImportKind>())}.");
        }

        var processor = processors.Single(p => p.Kind == importKind);
        if (actor.UserId is not { } userId || !actor.Access.Has(processor.Permission))
        {
            return Problems.Forbidden($"You cannot import {importKind.ToString().ToLowerInvariant()}.");
        }

        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 260)
        {
            return Problems.Field("fileName", "Give the file's name (at most 260 characters).");
        }

        if (http.ContentLength > MaxBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.", detail: $"Files up to {MaxBytes / 1024 / 1024} MB can be imported; split it.");
        }

        var batch = new ImportBatch
        {
            Id = Guid.CreateVersion7(),
            Kind = importKind,
            FileName = name,
            Format = "csv",
            Sha256 = "",
            Columns = "",
            Status = ImportStatus.Uploaded,
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ImportBatches().Add(batch);
        await db.SaveChangesAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        var sequence = 0;
        long size = 0;
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await http.Body.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
            {
                filled += read;
            }

            if (filled == 0)
            {
                break;
            }

            size += filled;
            if (size > MaxBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.", detail: $"Files up to {MaxBytes / 1024 / 1024} MB can be imported; split it.");
            }

            if (sequence == 0)
            {
                batch.Format = TabularReader.DetectFormat(buffer.AsSpan(0, filled));
            }

            hash.AppendData(buffer, 0, filled);
            db.ImportFileChunks().Add(new ImportFileChunk { BatchId = batch.Id, Sequence = sequence++, Data = buffer[..filled] });
            await db.SaveChangesAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries<ImportFileChunk>().ToList())
            {
                entry.State = EntityState.Detached;
            }
        }

        if (size == 0)
        {
            return Problems.Field("file", "The file is empty.");
        }

        string[] header;
        try
        {
            await using var stored = new StoredFileStream(db, batch.Id);
            header = await FirstRowAsync(stored, batch.Format, ct);
        }
        catch (ImportFileException ex)
        {
            return Problems.Field("file", ex.Message);
        }

        var problem = CheckHeader(header);
        if (problem is not null)
        {
            return Problems.Field("file", problem);
        }

        batch.Size = size;
        batch.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        batch.Columns = string.Join('\t', header.Select(h => h.Trim()));
        batch.Mapping = JsonSerializer.Serialize(ImportFieldCatalog.Suggest(importKind, header.Select(h => h.Trim()).ToList()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/imports/{batch.Id}", await ImportMapping.ViewAsync(batch, cache, ct));
    }

    private static async Task<string[]> FirstRowAsync(Stream stream, string format, CancellationToken ct)
    {
        await foreach (var row in TabularReader.ReadAsync(stream, format, ct))
        {
            return row;
        }

        throw new ImportFileException("The file has no rows.");
    }

    private static string? CheckHeader(string[] header)
    {
        var names = header.Select(h => h.Trim()).ToList();
        if (names.Count < 2 || names.All(n => n.Length == 0))
        {
            return "The first row must name the columns (at least two); no header row was found.";
        }

        if (names.Any(n => n.Length is 0 or > 100))
        {
            return "Every column needs a name of at most 100 characters in the first row.";
        }

        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? $"The column \"{duplicate.Key}\" appears twice in the header." : null;
    }
}
