using FluentValidation;
using Lnemis.Documents.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Features.Documents;

/// <summary>Stores a new version of a document (the body is the file); earlier versions stay readable until disposal.</summary>
public static class AddVersion
{
    public sealed record Request([property: FromQuery] string? FileName);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.FileName).NotEmpty().MaximumLength(1000);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents/{id:guid}/versions", HandleAsync)
            .RequirePermission(DocumentsPermissions.Manage)
            .Validate<Request>()
            .WithMetadata(new Uploads.BodySize(long.MaxValue))
            .WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, [AsParameters] Request request, HttpRequest http, LnemisDbContext db, DocumentService documents, CancellationToken ct)
    {
        var document = await documents.Readable(db.Documents().AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return Problems.NotFound("The document");
        }

        var outcome = await documents.StoreAsync(
            new NewDocument(document.OwnerRef, request.FileName!, document.Classification, document.ScopePath, document.DisposeAfter, document.Id), http.Body, ct);
        return await UploadDocument.AnswerAsync(outcome, documents, ct);
    }
}
