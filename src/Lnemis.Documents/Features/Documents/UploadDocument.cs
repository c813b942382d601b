using FluentValidation;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Documents.Features.Documents;

/// <summary>
/// Uploads a new document: the body is the file (streamed, never held whole), the query names it,
/// classifies it and says where it sits in the scope tree (the caller's own place when they hold one).
/// </summary>
public static class UploadDocument
{
    public sealed record Request(
        [property: FromQuery] string? FileName,
        [property: FromQuery] string? Classification,
        [property: FromQuery] string? OwnerRef,
        [property: FromQuery] string? ScopePath,
        [property: FromQuery] DateOnly? DisposeAfter);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.FileName).IsFileName();
            RuleFor(r => r.Classification).IsClassification();
            RuleFor(r => r.OwnerRef).IsOwnerRef();
            RuleFor(r => r.ScopePath).IsScopePath();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents", HandleAsync)
            .RequirePermission(DocumentsPermissions.Manage)
            .Validate<Request>()
            .WithMetadata(new Uploads.BodySize(long.MaxValue))
            .WithTags("Documents");

    internal static async Task<IResult> HandleAsync([AsParameters] Request request, HttpRequest http, DocumentService documents, CurrentActor actor, CancellationToken ct)
    {
        var (scopePath, problem) = Uploads.Place(actor, request.ScopePath, request.Classification);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await documents.StoreAsync(
            new NewDocument(request.OwnerRef ?? "documents", request.FileName!, request.Classification!, scopePath!, request.DisposeAfter), http.Body, ct);
        return await AnswerAsync(outcome, documents, ct);
    }

    internal static async Task<IResult> AnswerAsync(StoreOutcome outcome, DocumentService documents, CancellationToken ct)
    {
        if (outcome.Stored is not { } stored)
        {
            return Uploads.Answer(outcome, _ => TypedResults.NoContent());
        }

        var view = await GetDocument.ViewAsync(documents, stored.DocumentId, ct);
        return TypedResults.Created($"/api/v1/documents/{stored.DocumentId}", view);
    }
}
