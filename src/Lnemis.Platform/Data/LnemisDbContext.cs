using System.Reflection;
using System.Text.Json;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Hosting;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lnemis.Platform.Data;

/// <summary>
/// The one unit of work of the platform. Each module adds its (internal) entity types through an
/// <see cref="IModelContributor"/>, in its own schema; a save writes the module's rows, their audit
/// entries, outbox jobs and the idempotency record in one transaction.
/// </summary>
public class LnemisDbContext : DbContext, IDataProtectionKeyContext
{
    private static readonly MethodInfo ScopeFilterMethod =
        typeof(LnemisDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo SoftDeleteFilterMethod =
        typeof(LnemisDbContext).GetMethod(nameof(ApplySoftDeleteFilter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IEnumerable<IModelContributor> contributors;
    private readonly CurrentActor actor;
    private readonly TimeProvider clock;
    private readonly List<PendingAudit> explicitAudit = [];

    public LnemisDbContext(DbContextOptions<LnemisDbContext> options, IEnumerable<IModelContributor> contributors, CurrentActor actor, TimeProvider clock)
        : this((DbContextOptions)options, contributors, actor, clock)
    {
    }

    protected LnemisDbContext(DbContextOptions options, IEnumerable<IModelContributor> contributors, CurrentActor actor, TimeProvider clock)
        : base(options)
    {
        this.contributors = contributors;
        this.actor = actor;
        this.clock = clock;
    }

    /// <summary>Name of the query filter that limits scoped records to the caller's scopes.</summary>
    public const string ScopeFilter = "scope";

    /// <summary>Name of the query filter that hides soft-deleted records.</summary>
    public const string SoftDeleteFilter = "soft-delete";

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public CurrentActor Actor => actor;

    /// <summary>
    /// Whether the caller's scope covers the whole country (the scope filters then match every row).
    /// Read by the query filters at query time, like the paths below (EF parameterises members of the context).
    /// </summary>
    public bool ScopeUnrestricted => actor.ScopeUnrestricted;

    /// <summary>
    /// The paths the caller's scope covers when not unrestricted (a row is in scope when its path starts with one).
    /// Read by the query filters at query time; modules that keep their own scope keys (the case search) read them too.
    /// </summary>
    public string[] ScopePaths => actor.ScopePaths;

    // Most scoped users hold one path (a district officer, a head teacher): then the filter is a
    // plain prefix match an index can serve, instead of a per-row search through the path array.
    private string? SingleScopePath => actor.ScopePaths is [var only] ? only : null;

    /// <summary>
    /// Bulk work (imports) records one audit entry for the whole batch (with the source file kept)
    /// instead of one per row; while set, row changes are not audited one by one.
    /// </summary>
    public bool RowAuditSuppressed { get; set; }

    /// <summary>Adds an entry to the audit log that is written with the next save (access events, sensitive reads).</summary>
    public void AddAudit(PendingAudit entry) => explicitAudit.Add(entry);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (!Database.IsNpgsql())
        {
            // SQLite cannot compare or order DateTimeOffset stored as text; store UTC ticks.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var provider = Provider;
        PlatformModel.Configure(modelBuilder, provider);
        foreach (var contributor in contributors)
        {
            contributor.Configure(modelBuilder, provider);
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => t.ClrType is not null && !t.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(ISoftDeletable).IsAssignableFrom(clr))
            {
                SoftDeleteFilterMethod.MakeGenericMethod(clr).Invoke(null, [modelBuilder]);
            }

            if (typeof(IScoped).IsAssignableFrom(clr))
            {
                ScopeFilterMethod.MakeGenericMethod(clr).Invoke(this, [modelBuilder]);
                if (provider == DatabaseProvider.Postgres)
                {
                    PatternOrderedScopeIndexes(entityType);
                }
            }

            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                modelBuilder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    private void ApplyScopeFilter<T>(ModelBuilder modelBuilder)
        where T : class, IScoped =>
        modelBuilder.Entity<T>().HasQueryFilter(
            ScopeFilter,
            e => ScopeUnrestricted
                || (SingleScopePath != null && e.ScopePath.StartsWith(SingleScopePath))
                || (SingleScopePath == null && ScopePaths.Any(p => e.ScopePath.StartsWith(p))));

    /// <summary>
    /// Scope filters are prefix matches (<c>scope_path LIKE '/region/district/%'</c>). PostgreSQL
    /// turns a prefix into an index range only on the "C" collation or a pattern operator class;
    /// with a linguistic collation (the usual en_US.UTF-8, and even C.UTF-8) every scoped query
    /// would read the whole index or table. Modules may give their own operator classes.
    /// </summary>
    private static void PatternOrderedScopeIndexes(IMutableEntityType entityType)
    {
        foreach (var index in entityType.GetIndexes())
        {
            if (index.Properties is [{ Name: nameof(IScoped.ScopePath) }] && index.GetOperators() is null)
            {
                index.SetOperators(new[] { "text_pattern_ops" });
            }
        }
    }

    private static void ApplySoftDeleteFilter<T>(ModelBuilder modelBuilder)
        where T : class, ISoftDeletable =>
        modelBuilder.Entity<T>().HasQueryFilter(SoftDeleteFilter, e => e.DeletedAt == null);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Only framework stores (data-protection keys) save synchronously; they are not audited.
        var audits = PrepareChanges(clock.GetUtcNow());
        if (audits.Count > 0)
        {
            throw new InvalidOperationException("Audited changes must be saved with SaveChangesAsync.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = AuditChain.Normalise(clock.GetUtcNow());
        var audits = PrepareChanges(now);
        var idempotency = AddIdempotencyRecord(now, audits.Count > 0 || ChangeTracker.HasChanges());

        if (audits.Count == 0)
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            MarkIdempotencyRecorded(idempotency);
            return written;
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var added = new List<AuditRecord>(audits.Count);
        try
        {
            await AppendToChainAsync(audits, now, added, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            MarkIdempotencyRecorded(idempotency);
            return written;
        }
        catch
        {
            // Leave the context as the caller left it: no half-built chain entries linger.
            foreach (var record in added)
            {
                Entry(record).State = EntityState.Detached;
            }

            if (idempotency is not null)
            {
                Entry(idempotency).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private IdempotencyRecord? AddIdempotencyRecord(DateTimeOffset now, bool hasChanges)
    {
        if (!hasChanges || actor.IdempotencyKey is null || actor.IdempotencyRecorded)
        {
            return null;
        }

        var record = new IdempotencyRecord
        {
            Id = Guid.CreateVersion7(),
            Caller = actor.PartitionKey,
            Key = actor.IdempotencyKey,
            Fingerprint = actor.IdempotencyFingerprint ?? "",
            CreatedAt = now,
        };
        IdempotencyRecords.Add(record);
        return record;
    }

    private void MarkIdempotencyRecorded(IdempotencyRecord? record)
    {
        if (record is not null)
        {
            actor.IdempotencyRecorded = true;
        }
    }

    private async Task AppendToChainAsync(List<PendingAudit> audits, DateTimeOffset now, List<AuditRecord> added, CancellationToken ct)
    {
        // Taking the head row's write lock first serialises appenders (a row lock on PostgreSQL,
        // the database write lock on SQLite) so the chain stays one line.
        await AuditChainHeads.Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct);
        var head = await AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);

        var sequence = head.LastSequence;
        var previous = head.LastHash;
        foreach (var audit in audits)
        {
            var record = new AuditRecord
            {
                Sequence = ++sequence,
                At = now,
                UserId = actor.UserId,
                Actor = actor.Email ?? (actor.ClientId is { } c ? $"client:{c}" : actor.Access.IsSystem ? "system" : "anonymous"),
                RequestId = actor.RequestId,
                Action = audit.Action,
                EntityType = audit.EntityType,
                EntityId = audit.EntityId,
                Changes = audit.Changes,
                PreviousHash = previous,
                Hash = "",
            };
            record.Hash = AuditChain.ComputeHash(record);
            previous = record.Hash;
            AuditRecords.Add(record);
            added.Add(record);
        }

        await AuditChainHeads.Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), ct);
    }

    private List<PendingAudit> PrepareChanges(DateTimeOffset now)
    {
        var audits = new List<PendingAudit>();
        var ownedChanges = MarkOwnersOfChangedOwnedValues();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };

            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable soft)
            {
                entry.State = EntityState.Modified;
                soft.DeletedAt = now;
            }

            if (entry.Entity is IVersioned versioned)
            {
                if (entry.State == EntityState.Added)
                {
                    versioned.Version = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    var original = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                    versioned.Version = original + 1;
                }
            }

            if (entry.Entity is IAudited audited && !RowAuditSuppressed)
            {
                var changes = DescribeChanges(entry, action, ownedChanges.GetValueOrDefault(entry.Entity));
                if (changes is not null || action != AuditActions.Update)
                {
                    audits.Add(new PendingAudit(action, entry.Metadata.ClrType.Name, audited.Id.ToString(), changes));
                }
            }
        }

        audits.AddRange(explicitAudit);
        explicitAudit.Clear();
        return audits;
    }

    /// <summary>
    /// Values stored as owned JSON (guardians, qualifications, census figures) change without their
    /// owner's row being marked modified; mark it, so its version moves on (optimistic concurrency)
    /// and the audit records the new value. Returns the changed owned navigations per owner.
    /// </summary>
    private Dictionary<object, List<INavigationBase>> MarkOwnersOfChangedOwnedValues()
    {
        var changed = new Dictionary<object, List<INavigationBase>>(ReferenceEqualityComparer.Instance);
        var entries = ChangeTracker.Entries().ToList();

        // Owned values removed from their owner: which owner (by type and key) they belonged to.
        var removed = entries.Where(e => e.Metadata.IsOwned() && e.State == EntityState.Deleted)
            .Select(e => (Ownership: e.Metadata.FindOwnership()!, Key: OwnerKey(e)))
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Metadata.IsOwned() || entry.State is EntityState.Added or EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            foreach (var navigation in entry.Navigations)
            {
                if (navigation.Metadata is not INavigation { TargetEntityType: var target } || !target.IsOwned())
                {
                    continue;
                }

                var targets = navigation.CurrentValue switch
                {
                    null => [],
                    System.Collections.IEnumerable items => items.Cast<object>(),
                    var single => [single],
                };
                var dirty = targets.Any(t => Entry(t).State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                    || removed.Any(r => r.Ownership.PrincipalToDependent == navigation.Metadata
                        && r.Key == string.Join('|', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)));
                if (!dirty)
                {
                    continue;
                }

                if (entry.State == EntityState.Unchanged)
                {
                    entry.State = EntityState.Modified;
                }

                if (!changed.TryGetValue(entry.Entity, out var list))
                {
                    changed[entry.Entity] = list = [];
                }

                list.Add(navigation.Metadata);
            }
        }

        return changed;
    }

    private static string OwnerKey(EntityEntry owned) =>
        string.Join('|', owned.Metadata.FindOwnership()!.Properties.Select(p => owned.Property(p.Name).OriginalValue));

    /// <summary>A JSON object of changed properties: { "Name": { "old": ..., "new": ... } }; null when nothing changed.</summary>
    private static string? DescribeChanges(EntityEntry entry, string action, List<INavigationBase>? owned = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            var any = false;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.Name == nameof(IVersioned.Version))
                {
                    continue;
                }

                var changed = action != AuditActions.Update || (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue));
                if (!changed)
                {
                    continue;
                }

                if (property.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null)
                {
                    continue;
                }

                any = true;
                json.WritePropertyName(property.Metadata.Name);
                json.WriteStartObject();
                if (action != AuditActions.Create)
                {
                    json.WritePropertyName("old");
                    WriteValue(json, property.OriginalValue);
                }

                if (action != AuditActions.Delete || entry.State == EntityState.Modified)
                {
                    json.WritePropertyName("new");
                    WriteValue(json, property.CurrentValue);
                }

                json.WriteEndObject();
            }

            foreach (var navigation in owned ?? [])
            {
                any = true;
                json.WritePropertyName(navigation.Name);
                json.WriteStartObject();
                json.WritePropertyName("new");
                WriteValue(json, entry.Navigation(navigation.Name).CurrentValue);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (!any)
            {
                return null;
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(json, value, value.GetType());
    }

    /// <summary>Stores a DateTimeOffset as UTC ticks (SQLite only), keeping order and full precision.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
