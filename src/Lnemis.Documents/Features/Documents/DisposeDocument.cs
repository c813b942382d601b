using Lnemis.Documents.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Documents.Features.Documents;

/// <summary>Secure disposal: every version, its data key and its stored object go; the audit log keeps that it happened.</summary>
public static class DisposeDocument
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/documents/{id:guid}", HandleAsync).RequirePermission(DocumentsPermissions.Manage).WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, DocumentService documents, CancellationToken ct)
    {
        var disposed = await documents.DisposeAsync(documents.Readable(db.Documents()).Where(d => d.Id == id), "disposed on request", ct);
        return disposed == 0 ? Problems.NotFound("The document") : TypedResults.NoContent();
    }
}
