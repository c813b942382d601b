using System.Net;
using Lnemis.Platform.Caching;
using Lnemis.Testing;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Lnemis.Platform.Tests;

/// <summary>Runs only where the test script started Redis (LNEMIS_TEST_REDIS).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("LNEMIS_TEST_REDIS")))
        {
            Skip = "LNEMIS_TEST_REDIS is not set (./test.sh starts Redis and sets it).";
        }
    }
}

public sealed class RedisFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Redis"] = Environment.GetEnvironmentVariable("LNEMIS_TEST_REDIS") ?? "127.0.0.1:1",
    };
}

public sealed class DeadRedisFactory : LnemisFactory
{
    // A port nothing listens on: Redis is "down" from the start.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lnemis:Redis"] = "127.0.0.1:9" };
}

public sealed class RedisTests(RedisFactory factory) : IClassFixture<RedisFactory>
{
    [RedisFact]
    public async Task HybridCache_StoresEntriesInRedis()
    {
        // The app connects in the background; on a busy machine the first connect can take a while, and
        // a cache call before it is bypassed by design (ResilientDistributedCache). Wait for the connection.
        var multiplexer = factory.Services.GetRequiredService<IConnectionMultiplexer>();
        for (var waited = 0; !multiplexer.IsConnected && waited < 200; waited++)
        {
            await Task.Delay(100);
        }

        var key = "test:" + Guid.NewGuid().ToString("N");
        await factory.AsSystemAsync(async sp =>
        {
            var cache = sp.GetRequiredService<HybridCache>();
            await cache.GetOrCreateAsync(key, _ => ValueTask.FromResult("from-the-source"));
        });

        var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("LNEMIS_TEST_REDIS")!);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        List<RedisKey> keys = [];
        for (var waited = 0; keys.Count == 0 && waited < 50; waited++)
        {
            // The second-level write may finish just after the value is returned.
            await Task.Delay(waited == 0 ? 0 : 100);
            keys = server.Keys(pattern: "lnemis:" + key + "*").ToList();
        }

        var resilient = factory.Services.GetRequiredService<ResilientDistributedCache>();
        Assert.True(keys.Count > 0, $"No entry in Redis (connected: {multiplexer.IsConnected}, bypassed: {resilient.IsBypassed}, last error: {resilient.LastError}).");
        var ready = await factory.CreateTestClient().GetJsonAsync("/health/ready");
        Assert.Contains(ready["checks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "redis" && c["status"]!.GetValue<string>() == "Healthy");
    }
}

public sealed class DeadRedisTests(DeadRedisFactory factory) : IClassFixture<DeadRedisFactory>
{
    [Fact]
    public async Task RedisDown_AppKeepsServing_AndHealthIsDegraded()
    {
        var value = await factory.AsSystemAsync(async sp =>
            await sp.GetRequiredService<HybridCache>().GetOrCreateAsync("down:" + Guid.NewGuid(), _ => ValueTask.FromResult(42)));
        Assert.Equal(42, value);
        Assert.True(factory.Services.GetRequiredService<ResilientDistributedCache>().IsBypassed);

        var client = factory.CreateTestClient();
        var response = await client.GetAsync("/health/ready");
        var ready = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/antiforgery")).StatusCode == HttpStatusCode.NoContent ? HttpStatusCode.OK : HttpStatusCode.InternalServerError);
    }
}
