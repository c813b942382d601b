using System.Text.Json;
using Lnemis.Platform.Caching;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lnemis.Platform.Observability;

internal sealed class DatabaseHealthCheck(LnemisDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.AuditChainHeads.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{db.Provider} answers.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{db.Provider} does not answer.", ex);
        }
    }
}

/// <summary>Redis down is degraded, not unhealthy: the app keeps serving without the shared cache.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, ResilientDistributedCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return cache.IsBypassed
                ? HealthCheckResult.Degraded($"Redis answers again ({latency.TotalMilliseconds:F1} ms); the cache resumes shortly.")
                : HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Degraded("Redis does not answer; serving without the shared cache.", ex);
        }
    }
}

internal sealed class StorageHealthCheck(IOptions<LnemisOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.DataDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return Task.FromResult(HealthCheckResult.Healthy("The data folder is writable."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The data folder is not writable.", ex));
        }
    }
}

internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
