using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Server.Tests;

/// <summary>kill -9 in the middle of a batch of writes, on the database the run is for (SQLite or PostgreSQL).</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task KillDuringWrites_LosesNoAcknowledgedWrite_AndLeavesNoHalfWrittenRecord()
    {
        var env = ServerProcess.EnvironmentFor(database);
        var token = await Operator.BootstrapAsync(env);
        var prefix = "K" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var acknowledged = new ConcurrentBag<Guid>();
        var attempts = 0;

        var server = await ServerProcess.StartAsync(env);
        await using (server)
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                using var http = server.Client(token);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref attempts);
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/v1/areas", new { code = $"{prefix}-{w}-{i}", name = $"Area {w}/{i}" }, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(stop.Token))!;
                            acknowledged.Add(body["id"]!.GetValue<Guid>());
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 40 && DateTime.UtcNow < deadline && writers.Any(t => !t.IsCompleted))
            {
                await Task.Delay(20);
            }

            Assert.True(acknowledged.Count >= 40, $"Only {acknowledged.Count} writes were acknowledged:\n{server.Output}");
            await server.KillAsync(); // writes are in flight
            await Task.WhenAll(writers);
            stop.Cancel();
        }

        await using var factory = LnemisFactory.On(database);
        await factory.InitializeAsync();
        var (areas, creates) = await factory.WithDbAsync(async db =>
        {
            var rows = await db.Set<Area>().IgnoreQueryFilters().AsNoTracking().Where(a => a.Code.StartsWith(prefix)).ToListAsync();
            var ids = rows.Select(a => a.Id.ToString()).ToList();
            var audit = await db.Set<AuditRecord>().AsNoTracking()
                .Where(r => r.EntityType == nameof(Area) && r.Action == AuditActions.Create && ids.Contains(r.EntityId!))
                .GroupBy(r => r.EntityId!).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
            return (rows, audit.ToDictionary(a => a.Id, a => a.Count));
        });

        var stored = areas.Select(a => a.Id).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes were lost (of {acknowledged.Count}; {attempts} attempted).");
        Assert.All(areas, a =>
        {
            Assert.StartsWith("Area ", a.Name, StringComparison.Ordinal);
            Assert.Equal(1, creates.GetValueOrDefault(a.Id.ToString()));
        });

        var verify = await ServerProcess.RunAsync(env, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.StdErr + verify.StdOut);

        // And the server comes back and takes writes again.
        await using var restarted = await ServerProcess.StartAsync(env);
        using var client = restarted.Client(token);
        var after = await client.PostAsJsonAsync("/api/v1/areas", new { code = $"{prefix}-AFTER", name = "Area after restart" });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }
}
