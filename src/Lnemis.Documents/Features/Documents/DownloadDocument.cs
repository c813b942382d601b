using System.Text.Json;
using Lnemis.Documents.Data;
using Lnemis.Documents.Domain;
using Lnemis.Documents.Encryption;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lnemis.Documents.Features.Documents;

/// <summary>
/// Streams a version's plain content: with a session (documents.read) or with a signed link. Every
/// download of an OFFICIAL-SENSITIVE document is audited before the first byte goes out. The same
/// signed link on <c>/documents/preview</c> shows it inline instead (<see cref="InlineFileResult"/>).
/// </summary>
public static class DownloadDocument
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/documents/{id:guid}/versions/{number:int}/content", HandleAsync).RequirePermission(DocumentsPermissions.Read).WithTags("Documents");

        // The signature is the authority here: it was issued to a caller who could read the document, minutes ago.
        api.MapGet("/documents/download", HandleLinkAsync).AllowAnonymous().WithTags("Documents");
        api.MapGet("/documents/preview", HandlePreviewAsync).AllowAnonymous().WithTags("Documents");
    }

    internal static async Task<IResult> HandleAsync(Guid id, int number, DocumentService documents, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        var found = await documents.FindVersionAsync(id, number, ct);
        return found is { } f
            ? await SendAsync(f.Document, f.Version, "session", null, documents, audit, logs, ct)
            : Problems.NotFound($"Version {number} of the document");
    }

    internal static Task<IResult> HandleLinkAsync(string? token, DownloadLinks links, LnemisDbContext db, DocumentService documents, AuditLog audit, CurrentActor actor, ILoggerFactory logs, CancellationToken ct) =>
        ServeLinkAsync(token, preview: false, links, db, documents, audit, actor, logs, ct);

    internal static Task<IResult> HandlePreviewAsync(string? token, DownloadLinks links, LnemisDbContext db, DocumentService documents, AuditLog audit, CurrentActor actor, ILoggerFactory logs, CancellationToken ct) =>
        ServeLinkAsync(token, preview: true, links, db, documents, audit, actor, logs, ct);

    private static async Task<IResult> ServeLinkAsync(
        string? token, bool preview, DownloadLinks links, LnemisDbContext db, DocumentService documents, AuditLog audit, CurrentActor actor, ILoggerFactory logs, CancellationToken ct)
    {
        var (claim, problem) = links.Verify(token);
        if (claim is null)
        {
            return string.IsNullOrEmpty(token) ? Problems.Field("token", "The link has no token.") : Problems.Forbidden(problem!);
        }

        // The link stands for the reader: look the version up as the system, it may sit in any scope.
        actor.SetSystem();
        var version = await db.DocumentVersions().AsNoTracking().FirstOrDefaultAsync(v => v.Id == claim.VersionId, ct);
        var document = version is null ? null : await db.Documents().AsNoTracking().FirstOrDefaultAsync(d => d.Id == version.DocumentId, ct);
        return document is null || version is null
            ? Problems.NotFound("The document")
            : await SendAsync(document, version, preview ? "preview-link" : "link", claim.IssuedTo, documents, audit, logs, ct, preview);
    }

    private static async Task<IResult> SendAsync(
        Document document, DocumentVersion version, string via, Guid? issuedTo, DocumentService documents, AuditLog audit, ILoggerFactory logs, CancellationToken ct, bool preview = false)
    {
        Stream content;
        try
        {
            content = await documents.OpenAsync(version, ct);
        }
        catch (DocumentIntegrityException ex)
        {
            logs.CreateLogger("Lnemis.Documents").LogError(ex, "Document {DocumentId} version {Number} failed its integrity check", document.Id, version.Number);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The stored file could not be opened.",
                detail: ex.Message + " Nothing was sent; the incident has been logged.");
        }

        if (document.Classification == Classification.OfficialSensitive)
        {
            await audit.RecordAsync("download", nameof(Document), document.Id.ToString(),
                JsonSerializer.Serialize(new { classification = document.Classification, version = version.Number, via, issuedTo }), ct);
        }

        return preview ? new InlineFileResult(content, version.ContentType, version.FileName) : TypedResults.Stream(content, version.ContentType, version.FileName);
    }
}
