namespace Lnemis.Platform.Integrations;

/// <summary>What the national identity register answered about an identity number and a person.</summary>
public enum IdentityMatch
{
    /// <summary>The number exists and belongs to a person with this name and date of birth.</summary>
    Match,

    /// <summary>The number does not exist, or belongs to someone else.</summary>
    NoMatch,

    /// <summary>No answer (the register is unavailable, not configured, or could not decide).</summary>
    Unknown,
}

public sealed record NationalIdentityQuery(string NationalId, string GivenName, string FamilyName, DateOnly DateOfBirth);

public sealed record NationalIdentityResult(IdentityMatch Match, string? Reason = null);

/// <summary>
/// The seam to the government's national identity register: verifies an identity number against
/// a name and a date of birth. Never throws for an unavailable register: it answers
/// <see cref="IdentityMatch.Unknown"/> with the reason.
/// </summary>
public interface INationalIdentityLookup
{
    Task<NationalIdentityResult> VerifyAsync(NationalIdentityQuery query, CancellationToken ct);
}

/// <summary>A person whose identity can be verified: what the owning module holds on them (the stored number when it keeps one).</summary>
public sealed record IdentityHolder(Guid Id, string ScopePath, string GivenName, string FamilyName, DateOnly DateOfBirth, string? NationalId);

/// <summary>
/// Implemented by the module that holds people (the registry for learners and staff) so that the
/// integrations module can verify them without reading another module's tables. Lookups honour
/// the request's scope filters: a record outside the caller's scope is not found.
/// </summary>
public interface IIdentityHolders
{
    /// <summary>"learner" or "staff"; the route segment of the verification endpoint.</summary>
    string Kind { get; }

    /// <summary>The permission that lets a caller verify (and so read) the person's identity.</summary>
    string ManagePermission { get; }

    Task<IdentityHolder?> FindAsync(Guid id, CancellationToken ct);
}
