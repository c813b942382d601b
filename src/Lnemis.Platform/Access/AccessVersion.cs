using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Access;

/// <summary>
/// A stamp of everything that decides who a caller is and what they may do (tokens, users, grants,
/// scope paths), kept in the shared cache (Redis when configured) so every web node reads the same
/// one. Whatever copies an identity (a resolved token, a user's grants) into a node's memory tags
/// the copy with the stamp it read before loading, and uses the copy only while the stamp is
/// unchanged; revoking a token, removing a grant, deactivating a user or moving a scope writes a
/// new stamp, so every node drops its copies at its next request (ADR 0030).
/// </summary>
public sealed class AccessVersion(IDistributedCache shared)
{
    public const string Key = "platform:access-version";

    private static readonly DistributedCacheEntryOptions Forever = new();

    /// <summary>
    /// The current stamp (created when there is none), or null when there is none to trust (the
    /// shared cache is down): callers then go to the database and keep nothing.
    /// </summary>
    public async Task<string?> CurrentAsync(CancellationToken ct)
    {
        var stamp = await shared.GetAsync(Key, ct);
        if (stamp is { Length: > 0 })
        {
            return Convert.ToHexString(stamp);
        }

        // A random stamp, not a counter: a restarted Redis can never bring back an old value that
        // copies still carry. Read back, so a cache that is down (which swallows the write) yields null.
        await shared.SetAsync(Key, Guid.NewGuid().ToByteArray(), Forever, ct);
        return await shared.GetAsync(Key, ct) is { Length: > 0 } created ? Convert.ToHexString(created) : null;
    }

    /// <summary>Call after committing a change to tokens, users, grants or scope paths.</summary>
    public Task ChangedAsync(CancellationToken ct) => shared.SetAsync(Key, Guid.NewGuid().ToByteArray(), Forever, ct);

    /// <summary>Writes a new stamp through the application that resolved <paramref name="db"/> (see <see cref="Of"/>).</summary>
    public static Task ChangedAsync(DbContext db, CancellationToken ct) => Of(db)?.ChangedAsync(ct) ?? Task.CompletedTask;

    /// <summary>
    /// For code that holds only the data context (set-based rewrites of scope paths): the stamp of
    /// the application the context was resolved from, or null for a context built by hand.
    /// </summary>
    public static AccessVersion? Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<AccessVersion>();
}
