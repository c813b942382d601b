namespace Lnemis.Platform.Documents;

/// <summary>
/// What another module needs from the Documents module: store a file for one of its records (the
/// owner, e.g. "correspondence.case:{id}"), list a document's versions, hand out a short-lived
/// download link, and dispose of everything an owner holds when its retention ends. The Documents
/// module implements it; the caller's own access rules decide whether to call it.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Streams <paramref name="content"/> through the type check, the virus scan and encryption into
    /// storage. A rejected file is never stored. Throws <see cref="StorageUnavailableException"/> when
    /// storage or the scanner cannot be reached (nothing is left behind).
    /// </summary>
    Task<StoreOutcome> StoreAsync(NewDocument document, Stream content, CancellationToken ct);

    /// <summary>The versions of a document, newest first; empty when there is no such document in the caller's scope.</summary>
    Task<IReadOnlyList<DocumentVersionInfo>> ListVersionsAsync(Guid documentId, CancellationToken ct);

    /// <summary>A signed link to one version (the latest when null), valid for a few minutes; null when not found.</summary>
    Task<DownloadLink?> IssueDownloadLinkAsync(Guid documentId, int? version, CancellationToken ct);

    /// <summary>
    /// A signed link that shows one version (the latest when null) in the browser, for the types
    /// <see cref="InlinePreview"/> allows, valid for a few minutes; null when not found, a refusal
    /// when the type is not one to show inline (download it instead).
    /// </summary>
    Task<PreviewOutcome?> IssuePreviewLinkAsync(Guid documentId, int? version, CancellationToken ct);

    /// <summary>Deletes every document of the owner, every version, and their keys. Returns how many documents went.</summary>
    Task<int> DisposeOwnerAsync(string ownerRef, CancellationToken ct);
}

/// <summary>
/// A file to store. <see cref="DocumentId"/> set adds a new version to that document; otherwise a
/// new document is made for <see cref="OwnerRef"/> at <see cref="ScopePath"/>.
/// </summary>
public sealed record NewDocument(
    string OwnerRef,
    string FileName,
    string Classification,
    string ScopePath,
    DateOnly? DisposeAfter = null,
    Guid? DocumentId = null);

public sealed record DocumentVersionInfo(
    Guid DocumentId,
    Guid VersionId,
    int Number,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string ScanStatus,
    DateTimeOffset CreatedAt);

public sealed record DownloadLink(string Url, DateTimeOffset ExpiresAt);

public sealed record PreviewLink(string Url, DateTimeOffset ExpiresAt, string ContentType);

/// <summary>A preview link, or why the version is not shown inline.</summary>
public sealed record PreviewOutcome(PreviewLink? Link, string? Refusal)
{
    public static PreviewOutcome Issued(PreviewLink link) => new(link, null);

    public static PreviewOutcome Refused(string reason) => new(null, reason);
}

/// <summary>
/// The content types a browser may show inline. The type is the one the Documents module read from
/// the content when it stored it, never the name; everything else is served as an attachment only.
/// HTML, SVG and XML are never on this list (they can run script in the site's origin).
/// </summary>
public static class InlinePreview
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Text = "text/plain";

    public static IReadOnlyList<string> MediaTypes { get; } = [Pdf, Png, Jpeg, Text];

    /// <summary>The media type without parameters, lower case ("text/plain; charset=utf-8" → "text/plain").</summary>
    public static string MediaType(string contentType) => contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    public static bool Supports(string contentType) => MediaTypes.Contains(MediaType(contentType));
}
/// <summary>A stored version, or why the file was refused (the request field it concerns and a reason to show).</summary>
public sealed record StoreOutcome(DocumentVersionInfo? Stored, string? Field, string? Reason)
{
    public bool Ok => Stored is not null;

    public static StoreOutcome Success(DocumentVersionInfo version) => new(version, null, null);

    public static StoreOutcome Rejected(string field, string reason) => new(null, field, reason);
}

/// <summary>Storage or the virus scanner cannot be reached: the API answers 503 and nothing was kept.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
