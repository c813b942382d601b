using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>
/// A short-lived signed download link to a case file (the latest version, or <c>?version=n</c>),
/// served by the Documents module, which audits downloads of OFFICIAL-SENSITIVE (SAR) files.
/// Anyone who may see the case may download its files.
/// </summary>
public static class CreateCaseFileLink
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/cases/{id:guid}/files/{fileId:guid}/links", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Case files");

    internal static async Task<IResult> HandleAsync(Guid id, Guid fileId, int? version, LnemisDbContext db, IDocumentStore documents, CancellationToken ct)
    {
        var (file, problem) = await FindStoredAsync(db, id, fileId, ct);
        if (file is null)
        {
            return problem!;
        }

        var link = await documents.IssueDownloadLinkAsync(file.DocumentId, version, ct);
        return link is null ? VersionNotFound(version) : TypedResults.Ok(link);
    }

    /// <summary>A file of a case the caller may see that still has its content; else the problem to answer.</summary>
    internal static async Task<(Domain.CaseFile? File, IResult? Problem)> FindStoredAsync(LnemisDbContext db, Guid caseId, Guid fileId, CancellationToken ct)
    {
        var file = await ListCaseFileVersions.FindAsync(db, caseId, fileId, ct);
        return file is null ? (null, Problems.NotFound("The case file"))
            : file.RemovedAt is not null ? (null, Problems.Conflict("The file was removed on anonymisation; there is nothing to download."))
            : (file, null);
    }

    internal static IResult VersionNotFound(int? version) => Problems.NotFound(version is null ? "The file" : $"Version {version} of the file");
}
