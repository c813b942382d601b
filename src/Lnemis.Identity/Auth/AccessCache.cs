using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lnemis.Identity.Auth;

/// <summary>A bearer token as resolved from the database: its kind and owner, and when it stops working.</summary>
internal sealed record ResolvedToken(
    Guid Id, TokenKind Kind, string? Scopes, Guid? UserId, string? Email, string? ClientId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// This node's short-lived copies of resolved tokens and of callers' access scopes, so that a busy
/// caller's requests skip the token and grant statements (ADR 0030). A copy is used only while the
/// shared <see cref="AccessVersion"/> is the one read before it was loaded, and never longer than
/// <see cref="SecurityOptions.AccessCacheSeconds"/>; without a trustworthy stamp nothing is kept.
/// </summary>
internal sealed class AccessCache : IDisposable
{
    private readonly MemoryCache copies = new(new MemoryCacheOptions { SizeLimit = 50_000 });
    private readonly TimeSpan lifetime;

    public AccessCache(IOptions<LnemisOptions> options)
    {
        var value = options.Value;
        // Without Redis each node has its own stamp: only a single process (role "all") may keep copies.
        var shared = !string.IsNullOrWhiteSpace(value.Redis) || value.Role == "all";
        lifetime = shared ? TimeSpan.FromSeconds(Math.Max(0, value.Security.AccessCacheSeconds)) : TimeSpan.Zero;
    }

    public bool Enabled => lifetime > TimeSpan.Zero;

    public bool TryGet<T>(string key, string version, out T value)
        where T : class
    {
        if (copies.TryGetValue(key, out Copy<T>? copy) && copy is not null && copy.Version == version)
        {
            value = copy.Value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set<T>(string key, string version, T value)
        where T : class =>
        copies.Set(key, new Copy<T>(version, value), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });

    public void Dispose() => copies.Dispose();

    private sealed record Copy<T>(string Version, T Value);
}

/// <summary>
/// The request's view of <see cref="AccessCache"/>: reads the shared stamp once per request (before
/// anything is loaded), so the token and the grants of one request are checked against the same stamp.
/// </summary>
internal sealed class RequestAccessCache(AccessCache cache, AccessVersion version)
{
    private Task<string?>? current;

    public Task<string?> VersionAsync(CancellationToken ct) =>
        cache.Enabled ? current ??= version.CurrentAsync(ct) : Task.FromResult<string?>(null);

    public async Task<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load, CancellationToken ct)
        where T : class
    {
        var stamp = await VersionAsync(ct);
        if (stamp is not null && cache.TryGet<T>(key, stamp, out var copy))
        {
            return copy;
        }

        var loaded = await load();
        if (stamp is not null && loaded is not null)
        {
            cache.Set(key, stamp, loaded);
        }

        return loaded;
    }

    /// <summary>Replaces a copy the request has changed (a token's last use).</summary>
    public async Task UpdateAsync<T>(string key, T value, CancellationToken ct)
        where T : class
    {
        if (await VersionAsync(ct) is { } stamp)
        {
            cache.Set(key, stamp, value);
        }
    }
}
