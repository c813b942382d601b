namespace Lnemis.Platform.Data;

/// <summary>Every create, update and delete of this entity is written to the audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>Registry data: deleting sets <see cref="DeletedAt"/>; queries skip deleted rows.</summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>Optimistic concurrency: the version goes up on every update; a stale update fails with 409.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>
/// Data that sits in the scope tree (an area path such as "/a1/b2/"). Queries only return rows
/// under a path the caller holds a grant for.
/// </summary>
public interface IScoped
{
    string ScopePath { get; }
}

/// <summary>A property left out of the audit log: secrets and hashes (audited as explicit events), and bookkeeping such as last-seen times.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Security classification of an entity; OFFICIAL-SENSITIVE reads are audited.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClassifiedAttribute(string label) : Attribute
{
    public string Label { get; } = label;
}

public static class Classification
{
    public const string Official = "OFFICIAL";
    public const string OfficialSensitive = "OFFICIAL-SENSITIVE";
}
