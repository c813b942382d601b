using System.Text.Json.Nodes;

namespace Lnemis.Platform.Privacy;

/// <summary>Who a subject access request is about, as the requester described them.</summary>
public sealed record DataSubjectQuery(string Name, DateOnly? DateOfBirth);

/// <summary>A record that may be the data subject: enough to tell people apart, nothing more.</summary>
public sealed record DataSubjectMatch(string Kind, Guid Id, string Name, DateOnly? DateOfBirth, string? Number, string? Where);

/// <summary>
/// The seam between case management and the modules that hold personal data: each module that
/// keeps records on people registers one (the registry for learners and for staff). A SAR
/// searches them all, then exports everything one of them holds on the chosen person. Searches
/// are national (a subject may have moved anywhere); the caller decides who may ask, and
/// audits it.
/// </summary>
public interface IDataSubjectRegistry
{
    /// <summary>The kind of record, e.g. "learner"; used in routes and exports.</summary>
    string Kind { get; }

    Task<IReadOnlyList<DataSubjectMatch>> FindAsync(DataSubjectQuery query, CancellationToken ct);

    /// <summary>Every record held on the subject, or null when there is no such subject.</summary>
    Task<JsonObject?> ExportAsync(Guid id, CancellationToken ct);
}
