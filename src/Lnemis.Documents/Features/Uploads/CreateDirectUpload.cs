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
            RuleFor(r => r.FileName).IsFileName();
            DirectUploads.Size(RuleFor(r => r.Size), options.Value);
            DirectUploads.ContentType(RuleFor(r => r.ContentType));
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
            return DirectUploads.NotEnabled();
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

        return await DirectUploads.IssueAsync(
            new DocumentUpload
            {
                FileName = fileName,
                DeclaredSize = request.Size!.Value,
                Classification = request.Classification!,
                OwnerRef = request.OwnerRef ?? "documents",
                ScopePath = scopePath!,
                DisposeAfter = request.DisposeAfter,
            },
            request.ContentType, db, direct, actor, clock, options.Value, ct);
    }
}

/// <summary>What a new document's and a new version's direct uploads share: the field rules and the issuing of the presigned PUT.</summary>
internal static class DirectUploads
{
    public static void Size<T>(IRuleBuilder<T, long?> rule, DocumentsOptions options) =>
        rule.NotNull().GreaterThan(0).LessThanOrEqualTo(options.MaxFileBytes)
            .WithMessage($"The file must be between 1 byte and {options.MaxFileBytes / (1024 * 1024.0):0.#} MB.");

    public static void ContentType<T>(IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(100).Matches(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$")
            .WithMessage("A content type looks like application/pdf.");

    public static IResult NotEnabled() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Direct uploads are not enabled",
            detail: "This server takes uploads through POST /api/v1/documents and POST /api/v1/documents/{id}/versions only.");

    /// <summary>Records <paramref name="upload"/> (its file, place and target filled in by the caller) and answers with a presigned PUT to its quarantine key.</summary>
    public static async Task<IResult> IssueAsync(
        DocumentUpload upload, string? contentType, LnemisDbContext db, DirectTransfer direct, CurrentActor actor, TimeProvider clock, DocumentsOptions options, CancellationToken ct)
    {
        upload.Id = Guid.CreateVersion7();
        upload.DeclaredContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType;
        upload.QuarantineKey = $"{options.DirectUploads.QuarantinePrefix}{upload.Id:N}";
        (var url, upload.ExpiresAt) = direct.PresignUpload(upload.QuarantineKey, upload.DeclaredContentType, upload.DeclaredSize);
        upload.Status = UploadStatus.AwaitingUpload;
        upload.CreatedAt = clock.GetUtcNow();
        upload.CreatedBy = actor.UserId;
        db.DocumentUploads().Add(upload);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/documents/uploads/{upload.Id}", new IssuedUpload(
            UploadView.From(upload), url, "PUT", new Dictionary<string, string> { ["Content-Type"] = upload.DeclaredContentType }, upload.ExpiresAt));
    }
}
