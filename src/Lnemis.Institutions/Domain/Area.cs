using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

/// <summary>
/// A node of the administrative tree (country → county → district → …). Its <see cref="ScopePath"/>
/// ("/{root}/{child}/…/") is the scope path that grants and scoped records hang on; a grant on a
/// county covers every district and school below it. Moving an area (MoveArea) rewrites the paths of its whole subtree in one transaction.
/// </summary>
public sealed class Area : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }
    public int Level { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }


    public static string PathFor(Area? parent, Guid id) => (parent?.ScopePath ?? "/") + id.ToString("N") + "/";
}
