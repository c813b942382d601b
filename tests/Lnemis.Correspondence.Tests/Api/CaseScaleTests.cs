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

    [Fact]
    public async Task Search_ByAWordMoreThanAThousandCasesHold_CountsTheCallersLiveCasesOnly_AndPagesInListOrder()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        var word = "kudu" + Guid.NewGuid().ToString("N")[..10];

        // 1,001 cases of the office's group hold the word, two of them deleted; 600 of another group hold it too.
        var mine = await InsertAsync(office, 1_001, $"Buses for {word}", firstDay: 0, deleted: 2);
        await InsertAsync(other, 600, $"Vans for {word}", firstDay: 0, deleted: 0);

        var page = await office.Manager.GetJsonAsync($"/api/v1/cases?q={word}&pageSize=5");
        Assert.Equal(999, page["total"]!.GetValue<int>());
        Assert.True(page["totalExact"]!.GetValue<bool>());
        Assert.Equal(mine.Skip(2).Take(5), Items(page));
        Assert.Equal(600, (await other.Manager.GetJsonAsync($"/api/v1/cases?q={word}&pageSize=5"))["total"]!.GetValue<int>());

        // Two more: more than a thousand in the office's scope, by the whole word and by a beginning of it.
        var later = await InsertAsync(office, 2, $"Buses for {word}", firstDay: 2_000, deleted: 0);
        foreach (var q in new[] { word, word[..9], $"buses {word}" })
        {
            page = await office.Manager.GetJsonAsync($"/api/v1/cases?q={q}&pageSize=5&page=2");
            Assert.Equal(1_000, page["total"]!.GetValue<int>());
            Assert.False(page["totalExact"]!.GetValue<bool>());
            Assert.Equal(mine.Skip(7).Take(5), Items(page));
        }

        // Another filter narrows what the index counted: the list counts again.
        Assert.Equal(0, (await office.Manager.GetJsonAsync($"/api/v1/cases?q={word}&type=sar"))["total"]!.GetValue<int>());
        page = await office.Manager.GetJsonAsync($"/api/v1/cases?q={word}&deadlineFrom={Thursday19March.AddDays(2_000):yyyy-MM-dd}");
        Assert.Equal(later, Items(page));

        // Nationally, and for a manager of both groups (two scope paths): 1,601 live cases.
        var (national, _) = await new Given(factory).SignedInAsync(Lnemis.Identity.Domain.RoleCatalog.CaseManager);
        Assert.Equal(600, (await national.GetJsonAsync($"/api/v1/cases?q=vans {word}"))["total"]!.GetValue<int>());
        Assert.False((await national.GetJsonAsync($"/api/v1/cases?q={word}"))["totalExact"]!.GetValue<bool>());
        var (admin, _) = await new Given(factory).SignedInAsync(Lnemis.Identity.Domain.RoleCatalog.SystemAdministrator);
        await (await admin.PostAsync($"/api/v1/users/{other.ManagerUser.Id}/grants", new { role = Lnemis.Identity.Domain.RoleCatalog.CaseManager, scopeKind = "Team", scopeId = office.Group.Id }))
            .ReadJsonAsync(System.Net.HttpStatusCode.Created);
        var both = await new Given(factory).ClientForAsync(other.ManagerUser);
        page = await both.GetJsonAsync($"/api/v1/cases?q=buses {word}&pageSize=5");
        Assert.False(page["totalExact"]!.GetValue<bool>());
        Assert.Equal(mine.Skip(2).Take(5), Items(page));
        Assert.Equal(600, (await both.GetJsonAsync($"/api/v1/cases?q=vans {word}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CaseWordIndex_FollowsEveryWriteOfTheDocuments_LiveCasesOnly_UnderTheirScopeKey()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var word = "oryx" + Guid.NewGuid().ToString("N")[..10];
        var (edited, written) = ("gnu" + word, "ibex" + word);

        // Through the API: created, a message (no case word changes), a new subject, a deletion.
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "edit", new { subject = $"Buses for {word}" });
        var kept = await office.CreateCaseAsync("foi", Thursday19March);
        kept = await CaseOffice.FireAsync(office.Manager, kept, "edit", new { subject = $"Vans for {word}" });
        kept = await CaseOffice.FireAsync(office.Manager, kept, "add_message", new { message = $"Phoned about {written}." });
        Assert.Equal(2, (await office.Manager.GetJsonAsync($"/api/v1/cases?q={word}"))["total"]!.GetValue<int>());
        c = await CaseOffice.FireAsync(office.Manager, c, "edit", new { subject = $"Buses for {edited}" });
        var gone = await office.CreateCaseAsync("foi", Thursday19March);
        gone = await CaseOffice.FireAsync(office.Manager, gone, "edit", new { subject = $"Coaches for {word}" });
        await CaseOffice.FireAsync(office.Manager, gone, "delete", new { reason = "Duplicate" });

        // Written directly, as the generator and the backfill do: a live case and a deleted one.
        var direct = await InsertAsync(office, 2, $"Trains for {word}", firstDay: 0, deleted: 1);
        var (id, keptId) = (c["id"]!.GetValue<Guid>(), kept["id"]!.GetValue<Guid>());
        Assert.Equal(new[] { keptId, direct[1] }.Order(), (await IdsAsync(office, $"q={word}")).Order());
        Assert.Equal([id], await IdsAsync(office, $"q={edited}"));
        if (!factory.Database.IsPostgres)
        {
            return; // SQLite searches the documents' word lists; the case-word index is PostgreSQL's.
        }

        async Task<List<string>> EntriesAsync(string w) => await factory.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT case_id::text || ' ' || scope_key AS \"Value\" FROM correspondence.case_search_words WHERE word = {w} ORDER BY 1")
            .ToListAsync());
        string Entry(Guid caseId, string key) => caseId + " " + key;
        var group = office.Group.Path;
        Assert.Equal(new[] { Entry(keptId, group), Entry(direct[1], group) }.Order(), await EntriesAsync(word));
        Assert.Equal([Entry(id, group)], await EntriesAsync(edited));
        Assert.Empty(await EntriesAsync(written)); // message words stay in the full-text index only

        // A document moved to another scope, deleted, or rewritten without the word.
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == keptId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ScopeKeys, " / /moved/ /moved/unit/ ")));
        Assert.Equal(new[] { Entry(keptId, "/moved/unit/"), Entry(direct[1], group) }.Order(), await EntriesAsync(word));
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == keptId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ScopeKeys, " ")));
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == direct[1]).ExecuteDeleteAsync());
        Assert.Empty(await EntriesAsync(word));
        await factory.WithDbAsync(db => db.Set<CaseSearchDocument>().Where(d => d.CaseId == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CaseWords, " buses ")));
        Assert.Empty(await EntriesAsync(edited));
    }

    [Fact]
    public void ScopeRanges_CountEachCaseOnce_AndRefuseAPathTheKeysCannotExpress()
    {
        Assert.Equal([("/", "0")], CaseSearch.ScopeRanges(["/"]));
        Assert.Equal([("/a/", "/a0"), ("/b/", "/b0")], CaseSearch.ScopeRanges(["/a/", "/a/x/", "/b/", "/a/"]));
        Assert.Null(CaseSearch.ScopeRanges(["/a/", "/b"]));
        Assert.Null(CaseSearch.ScopeRanges([]));
    }

    [Fact]
    public void EveryFilterButTheSearchWords_MakesTheListCountAgain()
    {
        // A filter added to CaseFilter but not to NarrowsBeyondSearch would let a search's "1,000+" stand for a narrower list.
        var constructor = typeof(CaseFilter).GetConstructors().Single(c => c.GetParameters().Length > 1);
        var parameters = constructor.GetParameters();
        object?[] Arguments() => parameters.Select(p => p.Name == nameof(CaseFilter.Q) ? (object?)"word" : null).ToArray();
        Assert.False(((CaseFilter)constructor.Invoke(Arguments())).NarrowsBeyondSearch);
        foreach (var (parameter, i) in parameters.Select((p, i) => (p, i)).Where(x => x.p.Name != nameof(CaseFilter.Q)))
        {
            var arguments = Arguments();
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            arguments[i] = type == typeof(string) ? "disclosure"
                : type == typeof(Guid) ? Guid.NewGuid()
                : type == typeof(bool) ? true
                : type == typeof(DateOnly) ? Thursday19March
                : throw new InvalidOperationException($"{parameter.Name}: no sample value for {type}");
            Assert.True(((CaseFilter)constructor.Invoke(arguments)).NarrowsBeyondSearch, parameter.Name);
        }
    }

    [Fact]
    public void ScopeKeys_AreEveryPathTheScopeStartsWith_AndNoneOnceDeleted()
    {
        var c = new Lnemis.Correspondence.Domain.Case { Number = "1", Subject = "s", RequesterName = "r", State = "unassigned", ScopePath = "/bg/dir/" };
        Assert.Equal(" / /bg/ /bg/dir/ ", CaseSearchIndexer.ScopeKeysOf(c));
        c.DeletedAt = DateTimeOffset.UtcNow;
        Assert.Equal(" ", CaseSearchIndexer.ScopeKeysOf(c));
    }

    /// <summary>
    /// Cases of the office's group with their search documents, written directly (as the generator does), final
    /// deadlines a day apart from <paramref name="firstDay"/> days after 19 March; the first <paramref name="deleted"/>
    /// deleted. Returns the ids in list order.
    /// </summary>
    private async Task<List<Guid>> InsertAsync(CaseOffice office, int count, string subject, int firstDay, int deleted)
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        var cases = Enumerable.Range(0, count).Select(i => new Lnemis.Correspondence.Domain.Case
        {
            Id = Guid.CreateVersion7(),
            Number = prefix + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            Type = Lnemis.Correspondence.Domain.CaseType.Foi,
            Subject = subject,
            RequesterName = "Ann Example",
            ReceivedOn = Thursday19March,
            State = Lnemis.Correspondence.Domain.Workflow.WorkflowDefinitions.Unassigned,
            ManagingTeamId = office.Managers.Id,
            FinalDeadline = Thursday19March.AddDays(firstDay + i),
            ScopePath = office.Group.Path,
            CreatedAt = now,
            LastEventAt = now,
            DeletedAt = i < deleted ? now : null,
        }).ToList();
        await factory.WithDbAsync(async db =>
        {
            foreach (var c in cases)
            {
                db.Add(c);
                db.Add(new CaseSearchDocument { CaseId = c.Id, CaseWords = CaseSearchIndexer.WordsOf(c), ScopeKeys = CaseSearchIndexer.ScopeKeysOf(c) });
            }

            return await db.SaveChangesAsync();
        });
        return cases.Select(c => c.Id).ToList();
    }

    private static List<Guid> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

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
