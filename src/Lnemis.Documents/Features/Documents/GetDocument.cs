using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Documents.Features.Documents;

/// <summary>A document with its versions. OFFICIAL-SENSITIVE ones exist only for callers cleared to read them (404 otherwise).</summary>
public static class GetDocument
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/documents/{id:guid}", HandleAsync).RequirePermission(DocumentsPermissions.Read).WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, DocumentService documents, CancellationToken ct) =>
        await ViewAsync(documents, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("The document");

    internal static async Task<DocumentView?> ViewAsync(DocumentService documents, Guid id, CancellationToken ct)
    {
        var document = await documents.FindDocumentAsync(id, ct);
        return document is null ? null : DocumentView.From(document, await documents.VersionsOfAsync(id, ct));
    }
}
