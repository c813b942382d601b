using Lnemis.Documents.Domain;

namespace Lnemis.Documents.Features.Uploads;

/// <summary>
/// A direct upload as the API shows it; <c>status</c> is awaiting-upload, quarantined, scanning, stored, rejected or expired;
/// <c>versionOf</c> names the document a version upload adds to.
/// </summary>
public sealed record UploadView(
    Guid Id, string Status, string FileName, long Size, string Classification, string OwnerRef, string ScopePath, DateOnly? DisposeAfter,
    string? Reason, Guid? DocumentId, int? Version, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? CompletedAt, DateTimeOffset? FinishedAt,
    Guid? VersionOf)
{
    internal static UploadView From(DocumentUpload u) =>
        new(u.Id, StatusName(u.Status), u.FileName, u.DeclaredSize, u.Classification, u.OwnerRef, u.ScopePath, u.DisposeAfter,
            u.Reason, u.DocumentId, u.VersionNumber, u.CreatedAt, u.ExpiresAt, u.CompletedAt, u.FinishedAt, u.VersionOf);

    internal static string StatusName(UploadStatus status) => status switch
    {
        UploadStatus.AwaitingUpload => "awaiting-upload",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>The answer to a new direct upload: where and how to PUT the file, until when.</summary>
public sealed record IssuedUpload(UploadView Upload, string UploadUrl, string UploadMethod, IReadOnlyDictionary<string, string> UploadHeaders, DateTimeOffset ExpiresAt);
