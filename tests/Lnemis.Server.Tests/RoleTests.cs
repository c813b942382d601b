using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lnemis.Platform.Jobs;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Server.Tests;

/// <summary>The web and worker roles scale apart: web serves the API and runs no jobs; the worker runs jobs and serves only health and metrics.</summary>
public sealed class RoleTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task WebQueuesJobs_WorkerRunsThem()
    {
        var env = ServerProcess.EnvironmentFor(database);
        var token = await Operator.BootstrapAsync(env);
        await using var web = await ServerProcess.StartAsync(env, "--role", "web");
        using var api = web.Client(token);
        var area = JsonNode.Parse(await (await api.PostAsJsonAsync("/api/v1/areas", new { code = Given.Unique("R"), name = "Role test district" })).Content.ReadAsStringAsync())!;
        var created = await api.PostAsJsonAsync("/api/v1/institutions", new
        {
            code = Given.Unique("RS"),
            name = "Role test school",
            type = "Primary",
            ownership = "Public",
            areaId = area["id"]!.GetValue<Guid>(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        await using var reader = new ReadOnlyFactory(database);
        await reader.InitializeAsync();
        await Task.Delay(1500); // several poll intervals: a web process must not pick the job up
        Assert.Equal(JobState.Pending, await StateOfEventJobAsync(reader));

        await using var worker = await ServerProcess.StartAsync(env, "--role", "worker");
        using var workerHttp = worker.Client(token);
        Assert.Equal(HttpStatusCode.NotFound, (await workerHttp.GetAsync("/api/v1/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workerHttp.GetAsync("/health/ready")).StatusCode);

        var state = JobState.Pending;
        for (var i = 0; i < 100 && state != JobState.Succeeded; i++)
        {
            await Task.Delay(100);
            state = await StateOfEventJobAsync(reader);
        }

        Assert.True(state == JobState.Succeeded, $"The worker did not run the job ({state}):\n{worker.Output}");
    }

    private static Task<JobState> StateOfEventJobAsync(LnemisFactory reader) =>
        reader.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Payload.Contains("institution.created")).Select(j => j.State).SingleAsync());

    /// <summary>An in-memory server on the same database that runs no jobs itself (web role), used to look into the tables.</summary>
    private sealed class ReadOnlyFactory(TestDatabase shared) : LnemisFactory(shared)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lnemis:Role"] = "web" };
    }
}
