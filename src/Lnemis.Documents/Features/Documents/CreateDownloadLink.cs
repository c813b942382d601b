using FluentValidation;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Documents.Features.Documents;

/// <summary>
/// A short-lived signed link to one version (the latest by default) that works without a session,
/// for the browser to download directly. Only a caller who may read the document gets one.
/// </summary>
public static class CreateDownloadLink
{
    public sealed record Request(int? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Version).GreaterThan(0);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents/{id:guid}/links", HandleAsync).RequirePermission(DocumentsPermissions.Read).Validate<Request>().WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, DocumentService documents, CancellationToken ct) =>
        await documents.IssueDownloadLinkAsync(id, request.Version, ct) is { } link
            ? TypedResults.Ok(link)
            : Problems.NotFound(request.Version is null ? "The document" : $"Version {request.Version} of the document");
}
