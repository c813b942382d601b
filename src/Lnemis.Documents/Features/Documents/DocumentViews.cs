using Lnemis.Documents.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lnemis.Documents.Features.Documents;

public sealed record DocumentSummary(Guid Id, string OwnerRef, string FileName, string Classification, string ScopePath, int LatestVersion, DateOnly? DisposeAfter, DateTimeOffset CreatedAt);

public sealed record DocumentView(
    Guid Id, string OwnerRef, string FileName, string Classification, string ScopePath, int LatestVersion, DateOnly? DisposeAfter,
    DateTimeOffset CreatedAt, long Version, IReadOnlyList<DocumentVersionInfo> Versions)
{
    internal static DocumentView From(Document d, IReadOnlyList<DocumentVersionInfo> versions) =>
        new(d.Id, d.OwnerRef, d.FileName, d.Classification, d.ScopePath, d.LatestVersion, d.DisposeAfter, d.CreatedAt, d.Version, versions);
}

/// <summary>What the upload endpoints share: the answer to a store outcome, and the body size they accept.</summary>
internal static class Uploads
{
    public static IResult Answer(StoreOutcome outcome, Func<DocumentVersionInfo, IResult> created) =>
        outcome.Stored is { } stored ? created(stored) : Problems.Field(outcome.Field!, outcome.Reason!);

    /// <summary>Lets an upload past the API's JSON body limit; the pipeline enforces MaxFileBytes itself while it streams.</summary>
    public sealed class BodySize(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
