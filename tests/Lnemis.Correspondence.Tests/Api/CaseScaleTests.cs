using System.Text.Json.Nodes;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>The search backfill and the team filter's two-branch query (ADR 0020).</summary>
public sealed class CaseScaleTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    [Fact]
    public async Task RebuildSearch_WritesMissingAndStaleDocuments_FromTheCaseAndItsHistory_AndASecondRunWritesNothing()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var word = "quokka" + Guid.NewGuid().ToString("N")[..10];
        c = await CaseOffice.FireAsync(office.Manager, c, "add_message", new { message = $"Phoned about the {word} survey." });
        var id = c["id"]!.GetValue<Guid>();
        var other = (await office.CreateCaseAsync("sar", Thursday19March))["id"]!.GetValue<Guid>();
        Assert.Equal([id], await IdsAsync(office, $"q={word}"));

        // As for a case created before the search index: no document. And one gone stale.
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == id).ExecuteDeleteAsync());
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == other).ExecuteUpdateAsync(s => s.SetProperty(d => d.CaseWords, " stale ")));
        Assert.Empty(await IdsAsync(office, $"q={word}"));

        var progress = new List<RebuildCaseSearch.Progress>();
        var outcome = await factory.AsSystemAsync(sp => CorrespondenceCommands.RebuildSearchAsync(sp, 1, new SyncProgress(progress.Add), CancellationToken.None));
        Assert.True(outcome.Cases >= 2);
        Assert.Equal(2, outcome.Written);
        Assert.Equal(outcome.Cases, progress[^1].Done);
        Assert.Equal([id], await IdsAsync(office, $"q={word}"));
        Assert.Contains(other, await IdsAsync(office, "q=transport"));

        var again = await factory.AsSystemAsync(sp => CorrespondenceCommands.RebuildSearchAsync(sp, 100, null, CancellationToken.None));
        Assert.Equal(0, again.Written);
    }

    [Fact]
    public async Task TeamFilter_FindsCasesTheTeamManagesOrHolds_OnceEach_InListOrder()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var held = await office.CreateCaseAsync("foi", Thursday19March);
        held = await CaseOffice.FireAsync(office.Manager, held, "assign", new { teamId = office.Responders.Id });
        var managedOnly = await office.CreateCaseAsync("foi", Thursday19March.AddDays(-10));
        var closed = await ReportTests.RespondedAsync(office, "foi", Thursday19March.AddDays(-20), new DateOnly(2026, 4, 1));
        closed = await CaseOffice.FireAsync(office.Manager, closed, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted", lateTeam = "Responders" } });
        var elsewhere = await CaseOffice.CreateAsync(factory);
        await elsewhere.CreateCaseAsync("foi", Thursday19March);

        Guid Id(JsonNode c) => c["id"]!.GetValue<Guid>();

        // Managed by the managers: all three, each once, soonest deadline first.
        Assert.Equal([Id(closed), Id(managedOnly), Id(held)], await IdsAsync(office, $"teamId={office.Managers.Id}"));
        var page = await office.Manager.GetJsonAsync($"/api/v1/cases?teamId={office.Managers.Id}&pageSize=2&page=2");
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal([Id(held)], page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));

        // Held by the responders (answered or not), open only, and with another filter on top.
        Assert.Equal([Id(closed), Id(held)], await IdsAsync(office, $"teamId={office.Responders.Id}"));
        Assert.Equal([Id(held)], await IdsAsync(office, $"teamId={office.Responders.Id}&open=true"));
        Assert.Equal([Id(managedOnly), Id(held)], await IdsAsync(office, $"teamId={office.Managers.Id}&open=true"));
        Assert.Empty(await IdsAsync(office, $"teamId={office.Responders.Id}&type=sar"));
        Assert.Empty(await IdsAsync(office, $"teamId={elsewhere.Managers.Id}"));
    }

    private static async Task<List<Guid>> IdsAsync(CaseOffice office, string query)
    {
        var page = await office.Manager.GetJsonAsync($"/api/v1/cases?{query}&pageSize=100");
        return page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    private sealed class SyncProgress(Action<RebuildCaseSearch.Progress> report) : IProgress<RebuildCaseSearch.Progress>
    {
        public void Report(RebuildCaseSearch.Progress value) => report(value);
    }
}
