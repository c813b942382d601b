using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Files;

/// <summary>Uploads a new version of a case file (multipart, part "file"): the same checks and access as a new file.</summary>
public static class AddCaseFileVersion
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/correspondence/cases/{id:guid}/files/{fileId:guid}/versions", HandleAsync)
            .RequirePermission(CorrespondencePermissions.CasesRead)
            .WithMetadata(new CaseFileUploads.UnlimitedBody())
            .WithTags("Case files");

    internal static async Task<IResult> HandleAsync(
        Guid id, Guid fileId, HttpRequest http, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, CaseFiles files, TimeProvider clock, CancellationToken ct)
    {
        var (c, mayAct) = await CaseFiles.FindAsync(db, actor, id, caseClock, clock, ct);
        var file = c is null ? null : await db.CaseFiles().FirstOrDefaultAsync(f => f.Id == fileId && f.CaseId == id, ct);
        if (c is null || file is null)
        {
            return Problems.NotFound("The case file");
        }

        if (!mayAct)
        {
            return CaseFileUploads.NotActing(c);
        }

        if (file.RemovedAt is not null)
        {
            return Problems.Conflict("The file was removed on anonymisation; it takes no new versions.");
        }

        return await CaseFileUploads.WithFilePartAsync(http, async (content, fileName) =>
        {
            var outcome = await files.StoreAsync(c, file, content, fileName, file.Kind, ct);
            return outcome.File is { } stored ? TypedResults.Ok(CaseFileView.From(stored, c.ResponseFileId)) : CaseFileUploads.Refused(outcome);
        }, ct);
    }
}
