namespace Lnemis.Platform.Access;

/// <summary>Where a role can be granted: the whole country, an area (and all below it), one institution, one team.</summary>
public enum ScopeKind
{
    Country,
    Area,
    Institution,
    Team,
}

/// <summary>A place in the scope tree: its path (prefix of everything under it) and a name to show.</summary>
public sealed record ScopeNode(string Path, string Name);

/// <summary>
/// Resolves a scope id to its place in the tree. The module that owns the kind implements it
/// (Institutions: areas and institutions; Correspondence: teams).
/// </summary>
public interface IScopeDirectory
{
    IReadOnlyCollection<ScopeKind> Kinds { get; }

    Task<ScopeNode?> FindAsync(ScopeKind kind, Guid id, CancellationToken ct);
}
