using Lnemis.Documents.Data;
using Lnemis.Documents.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Features.Uploads;

/// <summary>
/// The client says its PUT is done: if an object is there, the upload is quarantined and the release
/// job queued (in the same transaction). Repeating it on a queued or finished upload answers its status.
/// </summary>
public static class CompleteDirectUpload
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/documents/uploads/{id:guid}/complete", HandleAsync).RequirePermission(DocumentsPermissions.Manage).WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, DirectTransfer direct, Outbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var upload = await db.DocumentUploads().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null)
        {
            return Problems.NotFound("The upload");
        }

        switch (upload.Status)
        {
            case UploadStatus.Quarantined or UploadStatus.Scanning or UploadStatus.Stored:
                return TypedResults.Ok(UploadView.From(upload));
            case UploadStatus.Rejected:
                return Problems.Conflict($"The upload was rejected: {upload.Reason}");
            case UploadStatus.Expired:
                return Problems.Conflict("The upload was not completed in time and has been removed; start a new one.");
        }

        // Completion is accepted after the URL expired as long as the PUT itself came in time (S3 refused it otherwise).
        if (await direct.SizeAsync(upload.QuarantineKey, ct) is null)
        {
            return Problems.Conflict("Nothing has been uploaded to the upload URL yet: PUT the file first.");
        }

        upload.Status = UploadStatus.Quarantined;
        upload.CompletedAt = clock.GetUtcNow();
        outbox.Enqueue(new ReleaseUploadMessage(upload.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/v1/documents/uploads/{upload.Id}", UploadView.From(upload));
    }
}

/// <summary>The status of a direct upload (poll it until stored or rejected).</summary>
public static class GetDirectUpload
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/documents/uploads/{id:guid}", HandleAsync).RequirePermission(DocumentsPermissions.Manage).WithTags("Documents");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct) =>
        await db.DocumentUploads().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } upload
            ? TypedResults.Ok(UploadView.From(upload))
            : Problems.NotFound("The upload");
}
