using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>
/// Uploads a file to a case (multipart, part "file"; <c>?kind=response|correspondence|letter</c>),
/// streamed through the Documents module. Only people who may act on the case now may upload; a
/// refused file is 422 on "file", storage or the scanner down is 503, and neither leaves anything.
/// </summary>
public static class UploadCaseFile
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/cases/{id:guid}/files", HandleAsync)
            .RequirePermission(CorrespondencePermissions.CasesRead)
            .WithMetadata(new CaseFileUploads.UnlimitedBody())
            .WithTags("Case files");

    internal static async Task<IResult> HandleAsync(
        Guid id, string? kind, HttpRequest http, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, CaseFiles files, TimeProvider clock, CancellationToken ct)
    {
        if (CaseFiles.ParseKind(kind) is not { } fileKind)
        {
            return Problems.Field("kind", "Say what the file is: response, correspondence or letter.");
        }

        var (c, mayAct) = await CaseFiles.FindAsync(db, actor, id, caseClock, clock, ct);
        if (c is null)
        {
            return Problems.NotFound("The case");
        }

        if (!mayAct)
        {
            return CaseFileUploads.NotActing(c);
        }

        return await CaseFileUploads.WithFilePartAsync(http, async (content, fileName) =>
        {
            var outcome = await files.StoreAsync(c, null, content, fileName, fileKind, ct);
            return outcome.File is { } file
                ? TypedResults.Created($"/api/v1/correspondence/cases/{id}/files/{file.Id}", CaseFileView.From(file, c.ResponseFileId))
                : CaseFileUploads.Refused(outcome);
        }, ct);
    }
}
