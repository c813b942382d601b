using FluentValidation;
using Lnemis.Documents.Data;
using Lnemis.Documents.Domain;
using Lnemis.Documents.Features.Documents;
using Lnemis.Documents.Safety;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using UploadRules = Lnemis.Documents.Features.Documents.Uploads;

namespace Lnemis.Documents.Features.Uploads;

/// <summary>
/// Starts a direct-to-storage upload: records what the client will send and gives it a presigned
/// PUT to a quarantine key, signed for the declared length and content type and valid a few
/// minutes. Same fields, places and clearances as a normal upload (ADR 0021).
/// </summary>
public static class CreateDirectUpload
{
    public sealed record Request(string? FileName, long? Size, string? ContentType, string? Classification, string? OwnerRef, string? ScopePath, DateOnly? DisposeAfter);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(IOptions<DocumentsOptions> options)
        {
            var max = options.Value.MaxFileBytes;
            RuleFor(r => r.FileName).IsFileName();
            RuleFor(r => r.Size).NotNull().GreaterThan(0).LessThanOrEqualTo(max)
                .WithMessage($"The file must be between 1 byte and {max / (1024 * 1024.0):0.#} MB.");
            RuleFor(r => r.ContentType).MaximumLength(100).Matches(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$")
                .WithMessage("A content type looks like application/pdf.");
            RuleFor(r => r.Classification).IsClassification();
            RuleFor(r => r.OwnerRef).IsOwnerRef();
            RuleFor(r => r.ScopePath).IsScopePath();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents/uploads", HandleAsync).RequirePermission(DocumentsPermissions.Manage).Validate<Request>().WithTags("Documents");

    internal static async Task<IResult> HandleAsync(
        Request request, LnemisDbContext db, DirectTransfer direct, CurrentActor actor, TimeProvider clock, IOptions<DocumentsOptions> options, CancellationToken ct)
    {
        if (!direct.UploadsEnabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Direct uploads are not enabled",
                detail: "This server takes uploads through POST /api/v1/documents only.");
        }

        var fileName = FileNames.Sanitise(request.FileName);
        if (fileName is null)
        {
            return Problems.Field("fileName", "Give the file a name.");
        }

        var (scopePath, problem) = UploadRules.Place(actor, request.ScopePath, request.Classification);
        if (problem is not null)
        {
            return problem;
        }

        var id = Guid.CreateVersion7();
        var contentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType;
        var quarantineKey = $"{options.Value.DirectUploads.QuarantinePrefix}{id:N}";
        var (url, expires) = direct.PresignUpload(quarantineKey, contentType, request.Size!.Value);
        var upload = new DocumentUpload
        {
            Id = id,
            FileName = fileName,
            DeclaredSize = request.Size.Value,
            DeclaredContentType = contentType,
            Classification = request.Classification!,
            OwnerRef = request.OwnerRef ?? "documents",
            ScopePath = scopePath!,
            DisposeAfter = request.DisposeAfter,
            QuarantineKey = quarantineKey,
            Status = UploadStatus.AwaitingUpload,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserId,
            ExpiresAt = expires,
        };
        db.DocumentUploads().Add(upload);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/documents/uploads/{id}", new IssuedUpload(
            UploadView.From(upload), url, "PUT", new Dictionary<string, string> { ["Content-Type"] = contentType }, expires));
    }
}
