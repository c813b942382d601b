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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents.Features.Uploads;

/// <summary>
/// Starts a direct-to-storage upload of a new version of an existing document: the same
/// presigned PUT, quarantine, completion and release as a new document's (ADR 0021), with the
/// access checks of POST /documents/{id}/versions (documents.manage, and the document must be one
/// the caller may read). The version takes the document's classification, place and owner; it
/// appears only when the release job has found the file clean.
/// </summary>
public static class CreateDirectVersionUpload
{
    public sealed record Request(string? FileName, long? Size, string? ContentType);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(IOptions<DocumentsOptions> options)
        {
            RuleFor(r => r.FileName).IsFileName();
            DirectUploads.Size(RuleFor(r => r.Size), options.Value);
            DirectUploads.ContentType(RuleFor(r => r.ContentType));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents/{id:guid}/versions/uploads", HandleAsync).RequirePermission(DocumentsPermissions.Manage).Validate<Request>().WithTags("Documents");

    internal static async Task<IResult> HandleAsync(
        Guid id, Request request, LnemisDbContext db, DocumentService documents, DirectTransfer direct, CurrentActor actor, TimeProvider clock,
        IOptions<DocumentsOptions> options, CancellationToken ct)
    {
        if (!direct.UploadsEnabled)
        {
            return DirectUploads.NotEnabled();
        }

        var document = await documents.Readable(db.Documents().AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        var fileName = FileNames.Sanitise(request.FileName);
        if (fileName is null)
        {
            return Problems.Field("fileName", "Give the file a name.");
        }

        return await DirectUploads.IssueAsync(
            new DocumentUpload
            {
                FileName = fileName,
                DeclaredSize = request.Size!.Value,
                Classification = document.Classification,
                OwnerRef = document.OwnerRef,
                ScopePath = document.ScopePath,
                DisposeAfter = document.DisposeAfter,
                VersionOf = document.Id,
            },
            request.ContentType, db, direct, actor, clock, options.Value, ct);
    }
}
