namespace Lnemis.Platform.Access;

/// <summary>One role held at one place in the scope tree, with the permissions the role gives.</summary>
public sealed record ScopedGrant(string Role, string ScopePath, IReadOnlySet<string> Permissions);

/// <summary>
/// What the caller may do and where. A path is a prefix in the scope tree: "/" is the whole
/// country, "/a1/b2/" an area and everything below it.
/// </summary>
public sealed class AccessScope
{
    public const string CountryPath = "/";

    private AccessScope(bool isSystem, IReadOnlyList<ScopedGrant> grants)
    {
        IsSystem = isSystem;
        Grants = grants;
        Permissions = grants.SelectMany(g => g.Permissions).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Background jobs and command-line tools: everything, everywhere.</summary>
    public static AccessScope System { get; } = new(true, []);

    /// <summary>Anonymous callers: nothing.</summary>
    public static AccessScope None { get; } = new(false, []);

    public static AccessScope FromGrants(IReadOnlyList<ScopedGrant> grants) => new(false, grants);

    public bool IsSystem { get; }
    public IReadOnlyList<ScopedGrant> Grants { get; }
    public IReadOnlySet<string> Permissions { get; }

    public bool Has(string permission) => IsSystem || Permissions.Contains(permission);

    /// <summary>The paths under which the caller holds <paramref name="permission"/> (any permission when null).</summary>
    public string[] PathsFor(string? permission)
    {
        var paths = Grants
            .Where(g => permission is null || g.Permissions.Contains(permission))
            .Select(g => g.ScopePath)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        // A path inside another adds nothing; keep the outermost ones.
        return paths.Where(p => !paths.Any(o => o != p && p.StartsWith(o, StringComparison.Ordinal))).ToArray();
    }

    public bool IsUnrestricted(string? permission) => IsSystem || PathsFor(permission).Contains(CountryPath);

    /// <summary>True when <paramref name="path"/> lies under a grant carrying <paramref name="permission"/>.</summary>
    public bool Covers(string permission, string path) =>
        IsSystem || PathsFor(permission).Any(p => path.StartsWith(p, StringComparison.Ordinal));
}
