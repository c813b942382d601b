using FluentValidation;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// The steps after the upload: set the column mapping, start a dry run (every bad row reported,
/// nothing changed), then apply all-or-nothing or skipping bad rows. Both runs are background jobs;
/// GET /imports/{id} shows their progress.
/// </summary>
public static class RunImport
{
    public sealed record MappingRequest(Dictionary<string, string> Mapping);

    public sealed record ApplyRequest(ImportMode Mode);

    public sealed class ApplyValidator : AbstractValidator<ApplyRequest>
    {
        public ApplyValidator() => RuleFor(r => r.Mode).IsInEnum();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/imports/{id:guid}/mapping", MapColumnsAsync).RequireAuthorization().WithTags("Imports");
        api.MapPost("/imports/{id:guid}/dry-run", DryRunAsync).RequireAuthorization().WithTags("Imports");
        api.MapPost("/imports/{id:guid}/apply", ApplyAsync).RequireAuthorization().Validate<ApplyRequest>().WithTags("Imports");
    }

    internal static async Task<IResult> MapColumnsAsync(Guid id, MappingRequest request, LnemisDbContext db, CurrentActor actor, IDistributedCache cache, CancellationToken ct)
    {
        var batch = await ImportMapping.FindAsync(db, actor, id, ct);
        if (batch is null)
        {
            return Problems.NotFound("The import");
        }

        if (batch.Status is not (ImportStatus.Uploaded or ImportStatus.Validated))
        {
            return Problems.Conflict($"The import is {batch.Status.ToString().ToLowerInvariant()}; the mapping can change only before it is applied.");
        }

        var fields = ImportFieldCatalog.For(batch.Kind);
        var columns = batch.Columns.Split('\t');
        var errors = new Dictionary<string, string[]>();
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, column) in request.Mapping ?? [])
        {
            if (!fields.Any(f => f.Name == field))
            {
                errors[$"mapping.{field}"] = ["Not a field of this import."];
            }
            else if (string.IsNullOrWhiteSpace(column))
            {
                continue;
            }
            else if (!columns.Contains(column, StringComparer.Ordinal))
            {
                errors[$"mapping.{field}"] = [$"The file has no column \"{column}\"."];
            }
            else
            {
                mapping[field] = column;
            }
        }

        foreach (var field in fields.Where(f => f.Required && !mapping.ContainsKey(f.Name)))
        {
            errors.TryAdd($"mapping.{field.Name}", ["Choose the column that holds this field."]);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        batch.Mapping = System.Text.Json.JsonSerializer.Serialize(mapping);
        batch.Status = ImportStatus.Uploaded;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ImportMapping.ViewAsync(batch, cache, ct));
    }

    internal static async Task<IResult> DryRunAsync(Guid id, LnemisDbContext db, CurrentActor actor, Outbox outbox, IDistributedCache cache, CancellationToken ct)
    {
        var batch = await ImportMapping.FindAsync(db, actor, id, ct);
        if (batch is null)
        {
            return Problems.NotFound("The import");
        }

        if (batch.Status is not (ImportStatus.Uploaded or ImportStatus.Validated))
        {
            return Problems.Conflict($"The import is {batch.Status.ToString().ToLowerInvariant()}.");
        }

        var missing = ImportFieldCatalog.For(batch.Kind).Where(f => f.Required).Select(f => f.Name)
            .Except((System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(batch.Mapping) ?? []).Keys).ToList();
        if (missing.Count > 0)
        {
            return Problems.Validation(missing.ToDictionary(m => $"mapping.{m}", _ => new[] { "Choose the column that holds this field." }));
        }

        batch.Status = ImportStatus.Validating;
        outbox.Enqueue(new ImportValidateMessage(batch.Id), maxAttempts: 3);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/v1/imports/{batch.Id}", await ImportMapping.ViewAsync(batch, cache, ct));
    }

    internal static async Task<IResult> ApplyAsync(Guid id, ApplyRequest request, LnemisDbContext db, CurrentActor actor, Outbox outbox, IDistributedCache cache, CancellationToken ct)
    {
        var batch = await ImportMapping.FindAsync(db, actor, id, ct);
        if (batch is null)
        {
            return Problems.NotFound("The import");
        }

        if (batch.Status != ImportStatus.Validated)
        {
            return Problems.Conflict("Run the dry run first; an import is applied after it has been checked.");
        }

        if (request.Mode == ImportMode.AllOrNothing && batch.ErrorRows > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file has bad rows.",
                detail: $"{batch.ErrorRows} row(s) have errors. Correct the file and upload it again, or apply with mode SkipBadRows.");
        }

        if (batch.ValidRows == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to import.", detail: "The file has no valid rows.");
        }

        batch.Status = ImportStatus.Applying;
        batch.Mode = request.Mode;
        outbox.Enqueue(new ImportApplyMessage(batch.Id), maxAttempts: 3);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/v1/imports/{batch.Id}", await ImportMapping.ViewAsync(batch, cache, ct));
    }
}
