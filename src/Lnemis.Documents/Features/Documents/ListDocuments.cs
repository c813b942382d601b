using Lnemis.Documents.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Documents.Features.Documents;

/// <summary>Documents the caller may read, newest first, optionally those of one owner.</summary>
public static class ListDocuments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/documents", HandleAsync).RequirePermission(DocumentsPermissions.Read).WithTags("Documents");

    internal static async Task<IResult> HandleAsync(DocumentService documents, ReplicaDbContext db, string? ownerRef, int? page, int? pageSize, CancellationToken ct)
    {
        var query = documents.Readable(db.Documents().AsQueryable());
        if (!string.IsNullOrWhiteSpace(ownerRef))
        {
            query = query.Where(d => d.OwnerRef == ownerRef);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                .Select(d => new DocumentSummary(d.Id, d.OwnerRef, d.FileName, d.Classification, d.ScopePath, d.LatestVersion, d.DisposeAfter, d.CreatedAt)),
            PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
