using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Reports from the read model: kept in step with every event, grouped and rated, filtered, scoped, exported, rebuilt.</summary>
public sealed class ReportTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    /// <summary>Takes a new case to "responded" on <paramref name="respondedOn"/>.</summary>
    internal static async Task<JsonNode> RespondedAsync(CaseOffice office, string type, DateOnly receivedOn, DateOnly respondedOn, DateOnly? icoDeadline = null)
    {
        var c = await office.CreateCaseAsync(type, receivedOn, icoDeadline);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        return await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = respondedOn });
    }

    [Fact]
    public async Task Timeliness_CountsAnsweredCasesByMonthTypeAndUnit_RatesThem_AndFilters()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        // FOI received Thu 19 Mar 2026 is due Mon 20 Apr: two in time (one on the day), one late → 66.6%, red.
        await RespondedAsync(office, "foi", Thursday19March, new DateOnly(2026, 4, 14));
        await RespondedAsync(office, "foi", Thursday19March, new DateOnly(2026, 4, 20));
        await RespondedAsync(office, "foi", Thursday19March, new DateOnly(2026, 4, 22));
        await office.CreateCaseAsync("foi", Thursday19March); // open: not counted
        await RespondedAsync(office, "sar", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 20));
        await RespondedAsync(other, "foi", Thursday19March, new DateOnly(2026, 4, 22));

        var report = await office.Manager.GetJsonAsync("/api/v1/correspondence/reports/timeliness?from=2026-02&to=2026-03");
        var lines = report["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        var sar = lines[0]!;
        Assert.Equal(("2026-02", "sar", 1, 0, "green"), (sar["month"]!.GetValue<string>(), sar["type"]!.GetValue<string>(), sar["inTime"]!.GetValue<int>(), sar["late"]!.GetValue<int>(), sar["rag"]!.GetValue<string>()));
        var foi = lines[1]!;
        Assert.Equal(("2026-03", "foi", 2, 1), (foi["month"]!.GetValue<string>(), foi["type"]!.GetValue<string>(), foi["inTime"]!.GetValue<int>(), foi["late"]!.GetValue<int>()));
        Assert.Equal(66.6m, foi["percentInTime"]!.GetValue<decimal>());
        Assert.Equal("red", foi["rag"]!.GetValue<string>());
        Assert.Equal(office.Responders.Id, foi["teamId"]!.GetValue<Guid>());
        Assert.Equal("Responders", foi["teamName"]!.GetValue<string>());
        Assert.Equal((3, 1, 75m, "red"), (report["total"]!["inTime"]!.GetValue<int>(), report["total"]!["late"]!.GetValue<int>(),
            report["total"]!["percentInTime"]!.GetValue<decimal>(), report["total"]!["rag"]!.GetValue<string>()));

        var sarOnly = await office.Manager.GetJsonAsync("/api/v1/correspondence/reports/timeliness?type=sar");
        Assert.Equal(["sar"], sarOnly["lines"]!.AsArray().Select(l => l!["type"]!.GetValue<string>()));
        var march = await office.Manager.GetJsonAsync("/api/v1/correspondence/reports/timeliness?from=2026-03&to=2026-03");
        Assert.Equal(["foi"], march["lines"]!.AsArray().Select(l => l!["type"]!.GetValue<string>()));
        var byTeam = await office.Manager.GetJsonAsync($"/api/v1/correspondence/reports/timeliness?teamId={other.Responders.Id}");
        Assert.Empty(byTeam["lines"]!.AsArray());

        // The other business group's manager sees only their own case.
        var theirs = await other.Manager.GetJsonAsync("/api/v1/correspondence/reports/timeliness");
        Assert.Equal(1, theirs["total"]!["answered"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(1, 0, 100, "green")]
    [InlineData(9, 1, 90, "green")]
    [InlineData(179, 21, 89.5, "amber")]
    [InlineData(17, 3, 85, "amber")]
    [InlineData(84, 16, 84, "red")]
    public void Rag_IsRedUnder85_AmberUnder90(int inTime, int late, decimal percent, string rag)
    {
        Assert.Equal(percent, Features.Reports.Rag.Percent(inTime, late));
        Assert.Equal(rag, Features.Reports.Rag.Of(Features.Reports.Rag.Percent(inTime, late)));
        Assert.Equal("none", Features.Reports.Rag.Of(Features.Reports.Rag.Percent(0, 0)));
    }

    [Fact]
    public async Task Appeals_ByTypeAndOutcome_AndOpenCaseAgeing_ByTeamAndType()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var appeal = await RespondedAsync(office, "ico_appeal_foi", Thursday19March, new DateOnly(2026, 4, 1), icoDeadline: new DateOnly(2026, 5, 1));
        await CaseOffice.FireAsync(office.Manager, appeal, "close", new { closure = new { appealOutcome = "Upheld" } });
        await office.CreateCaseAsync("ico_appeal_foi", Thursday19March, new DateOnly(2026, 5, 1));

        var appeals = (await office.Manager.GetJsonAsync("/api/v1/correspondence/reports/appeals"))["lines"]!.AsArray();
        Assert.Equal(
            [("ico_appeal_foi", "open", 1), ("ico_appeal_foi", "upheld", 1)],
            appeals.Select(l => (l!["type"]!.GetValue<string>(), l["outcome"]!.GetValue<string>(), l["cases"]!.GetValue<int>())));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var daysAgo in new[] { 5, 30, 100 })
        {
            await office.CreateCaseAsync("foi", today.AddDays(-daysAgo));
        }

        var ageing = await office.Manager.GetJsonAsync($"/api/v1/correspondence/reports/ageing?type=foi&teamId={office.Managers.Id}");
        Assert.Equal(["0-20", "21-40", "41-60", "61-90", "91+"], ageing["buckets"]!.AsArray().Select(b => b!.GetValue<string>()));
        var line = Assert.Single(ageing["lines"]!.AsArray())!;
        Assert.Equal(office.Managers.Id, line["teamId"]!.GetValue<Guid>());
        Assert.Equal([1, 1, 0, 0, 1], line["counts"]!.AsArray().Select(c => c!.GetValue<int>()));
        Assert.Equal(3, line["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reports_ExportAsCsvAndXlsx_RefuseBadFiltersFieldByField_AndNeedThePermission()
    {
        var office = await CaseOffice.CreateAsync(factory);
        await RespondedAsync(office, "foi", Thursday19March, new DateOnly(2026, 4, 22));

        var csv = await office.Manager.GetAsync("/api/v1/correspondence/reports/timeliness/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Month,Case type,Business unit,In time,Late,Answered,% in time,RAG", rows[0]);
        Assert.Equal("2026-03,FOI request,Responders,0,1,1,0,red", rows[1]);

        var xlsx = await office.Manager.GetAsync("/api/v1/correspondence/reports/ageing/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        var appealsCsv = await office.Manager.GetAsync("/api/v1/correspondence/reports/appeals/export");
        Assert.Equal(HttpStatusCode.OK, appealsCsv.StatusCode);

        var problem = await (await office.Manager.GetAsync("/api/v1/correspondence/reports/timeliness/export?format=pdf&from=2026-13&type=letter")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["format", "from", "type"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        var order = await (await office.Manager.GetAsync("/api/v1/correspondence/reports/appeals?from=2026-05&to=2026-04")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(order["errors"]!["to"]);

        // A responder has no report permission.
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Responder.GetAsync("/api/v1/correspondence/reports/timeliness")).StatusCode);
    }

    [Fact]
    public async Task ReadModel_FollowsTheCase_AndARebuildRestoresIt_InBatches_AndAgain()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var late = await RespondedAsync(office, "foi", Thursday19March, new DateOnly(2026, 4, 22));
        late = await CaseOffice.FireAsync(office.Manager, late, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted", lateTeam = "Responders" } });
        var open = await office.CreateCaseAsync("sar", Thursday19March);
        Guid[] ids = [late["id"]!.GetValue<Guid>(), open["id"]!.GetValue<Guid>()];

        var rows = await RowsAsync(ids);
        var closed = rows.Single(r => r.CaseId == ids[0]);
        Assert.Equal((ReportTimeliness.Late, "closed", false, 202603, office.Responders.Id, "Responders"), (closed.Timeliness, closed.State, closed.IsOpen, closed.ReceivedMonth, closed.TeamId, closed.LateTeam));
        Assert.Equal(new DateOnly(2026, 4, 20), closed.FinalDeadline);
        var pending = rows.Single(r => r.CaseId == ids[1]);
        Assert.Equal((ReportTimeliness.Pending, true, office.Managers.Id), (pending.Timeliness, pending.IsOpen, pending.TeamId));

        await factory.WithDbAsync(db => db.Set<CaseReportRow>().Where(r => ids.Contains(r.CaseId)).ExecuteDeleteAsync());
        Assert.Empty(await RowsAsync(ids));
        var progress = new List<int>();
        var done = await factory.AsSystemAsync(sp => CorrespondenceCommands.RebuildReportsAsync(sp, 2, new SyncProgress(p => progress.Add(p.Done)), CancellationToken.None));
        Assert.True(done >= 2);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(done, progress[^1]);
        var rebuilt = await RowsAsync(ids);
        Assert.Equivalent(rows.Select(Facts), rebuilt.Select(Facts));

        // Again through the job chain a national administrator starts: the rows are rewritten, not doubled.
        await factory.WithDbAsync(db => db.Set<CaseReportRow>().Where(r => r.CaseId == ids[1]).ExecuteDeleteAsync());
        var given = new Given(factory);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var started = await (await admin.PostAsync("/api/v1/correspondence/reports/rebuild")).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.True(started["cases"]!.GetValue<int>() >= 2);
        for (var i = 0; i < 300 && (await RowsAsync(ids)).Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equivalent(rows.Select(Facts), (await RowsAsync(ids)).Select(Facts));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Manager.PostAsync("/api/v1/correspondence/reports/rebuild")).StatusCode);
    }

    private Task<List<CaseReportRow>> RowsAsync(Guid[] ids) =>
        factory.WithDbAsync(db => db.Set<CaseReportRow>().AsNoTracking().Where(r => ids.Contains(r.CaseId)).OrderBy(r => r.Number).ToListAsync());

    private static object Facts(CaseReportRow r) =>
        new { r.CaseId, r.Number, r.Type, r.TeamId, r.ManagingTeamId, r.ReceivedOn, r.FinalDeadline, r.RespondedOn, r.Timeliness, r.ClosedOn, r.State, r.IsOpen, r.LateTeam, r.ScopePath };

    private sealed class SyncProgress(Action<Features.Reports.RebuildCaseReports.Progress> report) : IProgress<Features.Reports.RebuildCaseReports.Progress>
    {
        public void Report(Features.Reports.RebuildCaseReports.Progress value) => report(value);
    }
}
