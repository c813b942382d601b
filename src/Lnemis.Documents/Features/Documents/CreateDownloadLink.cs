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

    /// <summary><paramref name="Direct"/>: a presigned S3 URL (an OFFICIAL version under server-side encryption, ADR 0021); otherwise the app's own link.</summary>
    public sealed record LinkView(string Url, DateTimeOffset ExpiresAt, bool Direct);

    internal static async Task<IResult> HandleAsync(Guid id, Request request, DocumentService documents, CancellationToken ct) =>
        await documents.IssueLinkAsync(id, request.Version, ct) is { } issued
            ? TypedResults.Ok(new LinkView(issued.Link.Url, issued.Link.ExpiresAt, issued.Direct))
            : Problems.NotFound(request.Version is null ? "The document" : $"Version {request.Version} of the document");
}
