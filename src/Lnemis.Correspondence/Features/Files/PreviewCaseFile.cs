using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>
/// A short-lived signed link that shows a case file version in the browser (the latest, or
/// <c>?version=n</c>): PDF, PNG, JPEG and plain text only, served by the Documents module inline with
/// nosniff and a restrictive Content-Security-Policy, and audited like a download for
/// OFFICIAL-SENSITIVE (SAR) files. Any other type is refused (422): download it instead. The same
/// access as downloading: anyone who may see the case.
/// </summary>
public static class PreviewCaseFile
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/cases/{id:guid}/files/{fileId:guid}/previews", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Case files");

    internal static async Task<IResult> HandleAsync(Guid id, Guid fileId, int? version, LnemisDbContext db, IDocumentStore documents, CancellationToken ct)
    {
        var (file, problem) = await CreateCaseFileLink.FindStoredAsync(db, id, fileId, ct);
        if (file is null)
        {
            return problem!;
        }

        var outcome = await documents.IssuePreviewLinkAsync(file.DocumentId, version, ct);
        return outcome switch
        {
            null => CreateCaseFileLink.VersionNotFound(version),
            { Link: { } link } => TypedResults.Ok(link),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file cannot be shown in the browser.", detail: outcome.Refusal),
        };
    }
}
