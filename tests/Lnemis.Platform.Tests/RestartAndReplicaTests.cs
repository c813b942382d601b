using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Tests;

public sealed class RestartAndReplicaTests
{
    [Fact]
    public async Task SessionCookie_StillWorks_AfterTheServerRestarts()
    {
        // Data-protection keys live in the database, so a new process (or another web instance) reads old cookies.
        await using var first = new LnemisFactory();
        await first.InitializeAsync();
        var (client, user) = await new Given(first).SignedInAsync(RoleCatalog.Viewer);
        var cookies = client.Cookies.GetCookieHeader(first.Server.BaseAddress);

        await using var second = LnemisFactory.On(first.Database);
        await second.InitializeAsync();
        var other = second.CreateTestClient();
        other.Http.DefaultRequestHeaders.Add("Cookie", cookies);
        var me = await (await other.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.Email, me["email"]!.GetValue<string>());
        await ((IAsyncLifetime)second).DisposeAsync();
        await ((IAsyncLifetime)first).DisposeAsync();
    }

    [Fact]
    public async Task SensitiveRead_IsWrittenToTheChain_WithTheReader()
    {
        await using var factory = new LnemisFactory();
        await factory.InitializeAsync();
        var user = await new Given(factory).UserAsync(RoleCatalog.Viewer);
        var id = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Access.CurrentActor>().SetUser(user.Id, user.Email, Access.AccessScope.None);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordSensitiveReadAsync("Learner", id, CancellationToken.None);
        }

        var record = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.EntityId == id.ToString()));
        Assert.Equal("read", record.Action);
        Assert.Equal(user.Id, record.UserId);
        Assert.Contains("OFFICIAL-SENSITIVE", record.Changes, StringComparison.Ordinal);
        Assert.True((await factory.WithDbAsync(db => AuditVerifier.VerifyAsync(db, CancellationToken.None))).Valid);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }

    [Fact]
    public async Task Lists_ReadTheReplica_WhileWritesGoToThePrimary()
    {
        await using var replica = await TestDatabase.CreateAsync();
        await using var replicaFactory = LnemisFactory.On(replica);
        await replicaFactory.InitializeAsync(); // migrates the "replica" (a separate database standing in for one)

        await using var factory = new ReplicaFactory(replica.ConnectionString);
        await factory.InitializeAsync();
        var (client, _) = await new Given(factory).SignedInAsync(RoleCatalog.SystemAdministrator);
        var created = await (await client.PostAsync("/api/v1/areas", new { code = Given.Unique("REP"), name = "Written to the primary" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();

        // The get reads the primary; the list reads the replica, which has not received the row.
        await (await client.GetAsync($"/api/v1/areas/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        var list = await client.GetJsonAsync("/api/v1/areas?pageSize=200");
        Assert.DoesNotContain(list["items"]!.AsArray(), a => a!["id"]!.GetValue<string>() == id);
        using (var scope = factory.Services.CreateScope())
        {
            // On PostgreSQL the app adds its session options (jit=off) to the configured string.
            var expected = replica.ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseRegistration.WithoutJit(replica.ConnectionString)
                : replica.ConnectionString;
            Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<ReplicaDbContext>().Database.GetConnectionString());
        }

        await ((IAsyncLifetime)factory).DisposeAsync();
        await ((IAsyncLifetime)replicaFactory).DisposeAsync();
    }

    private sealed class ReplicaFactory(string replica) : LnemisFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lnemis:Database:Replica"] = replica };
    }
}
