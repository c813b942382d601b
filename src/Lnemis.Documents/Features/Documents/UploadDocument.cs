using FluentValidation;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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
            RuleFor(r => r.FileName).NotEmpty().MaximumLength(1000);
            RuleFor(r => r.Classification).NotEmpty()
                .Must(c => c is Platform.Data.Classification.Official or Platform.Data.Classification.OfficialSensitive)
                .WithMessage($"Use {Platform.Data.Classification.Official} or {Platform.Data.Classification.OfficialSensitive}.");
            RuleFor(r => r.OwnerRef).MaximumLength(200).Matches("^[a-z][a-z0-9._-]*(:[A-Za-z0-9._-]+)?$")
                .WithMessage("An owner is 'module.kind:id', e.g. 'correspondence.case:…'.");
            RuleFor(r => r.ScopePath).MaximumLength(1000).Matches("^/([A-Za-z0-9_-]+/)*$").WithMessage("A scope path looks like /a1/b2/.");
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
        var paths = actor.Access.PathsFor(DocumentsPermissions.Manage);
        var scopePath = request.ScopePath ?? (actor.Access.IsSystem ? AccessScope.CountryPath : paths.Length == 1 ? paths[0] : null);
        if (scopePath is null)
        {
            return Problems.Field("scopePath", "You hold this permission in several places: say where the document belongs.");
        }

        if (!actor.Access.Covers(DocumentsPermissions.Manage, scopePath))
        {
            return Problems.Field("scopePath", "You cannot file documents there.");
        }

        if (request.Classification == Platform.Data.Classification.OfficialSensitive && !actor.Access.Covers(DocumentsPermissions.ReadSensitive, scopePath))
        {
            return Problems.Field("classification", "You may not file OFFICIAL-SENSITIVE documents there.");
        }

        var outcome = await documents.StoreAsync(
            new NewDocument(request.OwnerRef ?? "documents", request.FileName!, request.Classification!, scopePath, request.DisposeAfter), http.Body, ct);
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
