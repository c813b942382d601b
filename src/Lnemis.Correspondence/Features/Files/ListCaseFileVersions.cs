using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>The versions of a case file, newest first, as the Documents module holds them (a removed file has none).</summary>
public static class ListCaseFileVersions
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/correspondence/cases/{id:guid}/files/{fileId:guid}/versions", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Case files");

    internal static async Task<IResult> HandleAsync(Guid id, Guid fileId, LnemisDbContext db, IDocumentStore documents, CancellationToken ct)
    {
        var file = await FindAsync(db, id, fileId, ct);
        if (file is null)
        {
            return Problems.NotFound("The case file");
        }

        var versions = file.RemovedAt is null ? await documents.ListVersionsAsync(file.DocumentId, ct) : [];
        return TypedResults.Ok(versions);
    }

    /// <summary>A file of a case the caller may see (the case's scope; not deleted).</summary>
    internal static async Task<Domain.CaseFile?> FindAsync(LnemisDbContext db, Guid caseId, Guid fileId, CancellationToken ct) =>
        await db.Cases().AnyAsync(c => c.Id == caseId, ct)
            ? await db.CaseFiles().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.CaseId == caseId, ct)
            : null;
}
