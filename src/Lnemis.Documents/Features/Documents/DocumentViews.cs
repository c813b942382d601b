using FluentValidation;
using Lnemis.Documents.Domain;
using Lnemis.Platform.Access;
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

/// <summary>What the upload endpoints share: the rules of their fields, where a new document goes, the answer to a store outcome, and the body size they accept.</summary>
internal static class Uploads
{
    public static IRuleBuilderOptions<T, string?> IsFileName<T>(this IRuleBuilder<T, string?> rule) => rule.NotEmpty().MaximumLength(1000);

    public static IRuleBuilderOptions<T, string?> IsClassification<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(c => c is Platform.Data.Classification.Official or Platform.Data.Classification.OfficialSensitive)
            .WithMessage($"Use {Platform.Data.Classification.Official} or {Platform.Data.Classification.OfficialSensitive}.");

    public static IRuleBuilderOptions<T, string?> IsOwnerRef<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(200).Matches("^[a-z][a-z0-9._-]*(:[A-Za-z0-9._-]+)?$").WithMessage("An owner is 'module.kind:id', e.g. 'correspondence.case:…'.");

    public static IRuleBuilderOptions<T, string?> IsScopePath<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(1000).Matches("^/([A-Za-z0-9_-]+/)*$").WithMessage("A scope path looks like /a1/b2/.");

    /// <summary>
    /// Where a new document goes: the requested path, or the caller's one place holding documents.manage;
    /// the caller must manage documents there, and be cleared for OFFICIAL-SENSITIVE ones to file one.
    /// </summary>
    public static (string? ScopePath, IResult? Problem) Place(CurrentActor actor, string? requested, string? classification)
    {
        var paths = actor.Access.PathsFor(DocumentsPermissions.Manage);
        var scopePath = requested ?? (actor.Access.IsSystem ? AccessScope.CountryPath : paths.Length == 1 ? paths[0] : null);
        if (scopePath is null)
        {
            return (null, Problems.Field("scopePath", "You hold this permission in several places: say where the document belongs."));
        }

        if (!actor.Access.Covers(DocumentsPermissions.Manage, scopePath))
        {
            return (null, Problems.Field("scopePath", "You cannot file documents there."));
        }

        if (classification == Platform.Data.Classification.OfficialSensitive && !actor.Access.Covers(DocumentsPermissions.ReadSensitive, scopePath))
        {
            return (null, Problems.Field("classification", "You may not file OFFICIAL-SENSITIVE documents there."));
        }

        return (scopePath, null);
    }

    public static IResult Answer(StoreOutcome outcome, Func<DocumentVersionInfo, IResult> created) =>
        outcome.Stored is { } stored ? created(stored) : Problems.Field(outcome.Field!, outcome.Reason!);

    /// <summary>Lets an upload past the API's JSON body limit; the pipeline enforces MaxFileBytes itself while it streams.</summary>
    public sealed class BodySize(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
