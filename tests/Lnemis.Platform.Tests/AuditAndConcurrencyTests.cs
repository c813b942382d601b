using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Tests;

public sealed class AuditAndConcurrencyTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Changes_AreAuditedWithBeforeAndAfter_AndTheChainVerifies()
    {
        var (client, admin) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var code = Given.Unique("AUD");
        var created = await (await client.PostAsync("/api/v1/areas", new { code, name = "Before" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await (await client.PutAsync($"/api/v1/areas/{id}", new { code, name = "After", version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.DeleteAsync($"/api/v1/areas/{id}")).ReadJsonAsync(HttpStatusCode.NoContent);

        var log = await client.GetJsonAsync($"/api/v1/audit?entityType=Area&entityId={id}");
        var items = log["items"]!.AsArray().Reverse().ToList();
        Assert.Equal(["create", "update", "delete"], items.Select(i => i!["action"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal(admin.Email, i!["actor"]!.GetValue<string>()));
        var update = JsonNode.Parse(items[1]!["changes"]!.GetValue<string>())!;
        Assert.Equal("Before", update["Name"]!["old"]!.GetValue<string>());
        Assert.Equal("After", update["Name"]!["new"]!.GetValue<string>());
        var delete = JsonNode.Parse(items[2]!["changes"]!.GetValue<string>())!;
        Assert.NotNull(delete["DeletedAt"]!["new"]);

        var verify = await (await client.PostAsync("/api/v1/audit/verify")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(verify["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SoftDeletedArea_IsGoneFromReadsButKeptInTheDatabase()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var area = await given.AreaAsync();
        await (await client.DeleteAsync($"/api/v1/areas/{area.Id}")).ReadJsonAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/areas/{area.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var kept = await factory.WithDbAsync(db => db.Set<Institutions.Domain.Area>().IgnoreQueryFilters().AnyAsync(a => a.Id == area.Id && a.DeletedAt != null));
        Assert.True(kept);
    }

    [Fact]
    public async Task TamperedEntry_IsDetectedByVerification()
    {
        // Its own factory: tampering breaks the chain for everything after it.
        await using var isolated = new LnemisFactory();
        await isolated.InitializeAsync();
        var local = new Given(isolated);
        await local.AreaAsync();
        var victim = await local.AreaAsync();
        await local.AreaAsync();

        var sequence = await isolated.WithDbAsync(async db =>
        {
            var record = await db.AuditRecords.SingleAsync(r => r.EntityId == victim.Id.ToString());
            record.Changes = record.Changes!.Replace(victim.Name, "Someone Else", StringComparison.Ordinal);
            await db.AuditRecords.Where(r => r.Sequence == record.Sequence).ExecuteUpdateAsync(s => s.SetProperty(r => r.Changes, record.Changes));
            return record.Sequence;
        });

        var result = await isolated.WithDbAsync(db => AuditVerifier.VerifyAsync(db, CancellationToken.None));
        Assert.False(result.Valid);
        Assert.Equal(sequence, result.FirstBrokenSequence);
        await ((IAsyncLifetime)isolated).DisposeAsync();
    }

    [Fact]
    public async Task DeletedEntry_IsDetectedByVerification()
    {
        await using var isolated = new LnemisFactory();
        await isolated.InitializeAsync();
        var local = new Given(isolated);
        await local.AreaAsync();
        await local.AreaAsync();
        await isolated.WithDbAsync(async db => await db.AuditRecords.Where(r => r.Sequence == 1).ExecuteDeleteAsync());
        var result = await isolated.WithDbAsync(db => AuditVerifier.VerifyAsync(db, CancellationToken.None));
        Assert.False(result.Valid);
        await ((IAsyncLifetime)isolated).DisposeAsync();
    }

    [Fact]
    public async Task StaleUpdate_GetsConflict_NotASilentOverwrite()
    {
        var (alice, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var (bob, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var area = await given.AreaAsync();
        var read = await alice.GetJsonAsync($"/api/v1/areas/{area.Id}");
        var version = read["version"]!.GetValue<long>();
        var code = read["code"]!.GetValue<string>();

        await (await alice.PutAsync($"/api/v1/areas/{area.Id}", new { code, name = "Alice's name", version })).ReadJsonAsync(HttpStatusCode.OK);
        var conflict = await bob.PutAsync($"/api/v1/areas/{area.Id}", new { code, name = "Bob's name", version });
        await conflict.ReadProblemAsync(HttpStatusCode.Conflict);
        var final = await alice.GetJsonAsync($"/api/v1/areas/{area.Id}");
        Assert.Equal("Alice's name", final["name"]!.GetValue<string>());
        Assert.Equal(version + 1, final["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task ConcurrentWriters_KeepOneUnbrokenChain()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var tasks = Enumerable.Range(0, 12).Select(_ => client.PostAsync("/api/v1/areas", new { code = Given.Unique("PAR"), name = "Parallel" }));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var verify = await (await client.PostAsync("/api/v1/audit/verify")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(verify["valid"]!.GetValue<bool>(), verify.ToJsonString());
    }
}
