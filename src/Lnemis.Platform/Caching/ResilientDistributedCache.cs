using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Lnemis.Platform.Caching;

/// <summary>
/// Wraps the Redis cache so that Redis being down never fails a request: a failed call is treated
/// as a cache miss, and for <see cref="PauseAfterFailure"/> the cache is bypassed altogether while
/// health reports it as degraded.
/// </summary>
public sealed class ResilientDistributedCache(IDistributedCache inner, TimeProvider clock, ILogger<ResilientDistributedCache> logger) : IDistributedCache
{
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(15);

    private long pausedUntilTicks;

    public bool IsBypassed => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref pausedUntilTicks);

    public string? LastError { get; private set; }

    public byte[]? Get(string key) => Try(() => inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => inner.GetAsync(key, token));

    public void Refresh(string key) => Try(() =>
    {
        inner.Refresh(key);
        return true;
    });

    public Task RefreshAsync(string key, CancellationToken token = default) => TryAsync(async () =>
    {
        await inner.RefreshAsync(key, token);
        return true;
    });

    public void Remove(string key) => Try(() =>
    {
        inner.Remove(key);
        return true;
    });

    public Task RemoveAsync(string key, CancellationToken token = default) => TryAsync(async () =>
    {
        await inner.RemoveAsync(key, token);
        return true;
    });

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() =>
    {
        inner.Set(key, value, options);
        return true;
    });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => TryAsync(async () =>
    {
        await inner.SetAsync(key, value, options, token);
        return true;
    });

    private T? Try<T>(Func<T> action)
    {
        if (IsBypassed)
        {
            return default;
        }

        try
        {
            return action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Trip(ex);
            return default;
        }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> action)
    {
        if (IsBypassed)
        {
            return default;
        }

        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Trip(ex);
            return default;
        }
    }

    private void Trip(Exception ex)
    {
        LastError = ex.Message;
        Interlocked.Exchange(ref pausedUntilTicks, (clock.GetUtcNow() + PauseAfterFailure).UtcTicks);
        logger.LogWarning("Distributed cache unavailable, bypassing it for {Seconds} s: {Error}", PauseAfterFailure.TotalSeconds, ex.Message);
    }
}
