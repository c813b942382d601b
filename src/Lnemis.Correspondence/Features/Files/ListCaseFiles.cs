using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>A case's files, newest first, paged; <c>?kind=</c> narrows to one kind. Anyone who may see the case may list them.</summary>
public static class ListCaseFiles
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/cases/{id:guid}/files", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Case files");

    internal static async Task<IResult> HandleAsync(Guid id, string? kind, int? page, int? pageSize, LnemisDbContext db, CancellationToken ct)
    {
        var c = await db.Cases().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.ResponseFileId }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return Problems.NotFound("The case");
        }

        var files = db.CaseFiles().AsNoTracking().Where(f => f.CaseId == id);
        if (kind is not null)
        {
            if (CaseFiles.ParseKind(kind) is not { } fileKind)
            {
                return Problems.Field("kind", "A kind is response, correspondence or letter.");
            }

            files = files.Where(f => f.Kind == fileKind);
        }

        var listed = await files.ToCappedPageAsync(q => q.OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id), PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(listed.Map(f => CaseFileView.From(f, c.ResponseFileId)));
    }
}
