using Lnemis.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Data;

/// <summary>
/// Read-only context on the read replica (the primary when no replica is configured). For reads
/// that tolerate replication lag: lists, reports, exports. It refuses to save.
/// </summary>
public sealed class ReplicaDbContext(DbContextOptions<ReplicaDbContext> options, IEnumerable<IModelContributor> contributors, CurrentActor actor, TimeProvider clock)
    : LnemisDbContext(options, contributors, actor, clock)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("The replica context is read-only.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The replica context is read-only.");
}
