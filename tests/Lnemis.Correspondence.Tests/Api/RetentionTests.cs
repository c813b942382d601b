using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Retention;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Retention: rules as data, the review task and list, anonymisation, legal hold, secure disposal with a tombstone, automatic rules.</summary>
public sealed class RetentionTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    [Fact]
    public async Task Rules_ShowDefaultsForEveryType_OnlyNationalAdministratorsChangeThem()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var (national, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var local = await LocalAdministratorAsync(given, office);

        var rules = (await national.GetJsonAsync("/api/v1/correspondence/retention/rules")).AsArray();
        Assert.Equal(CaseTypes.All.Count, rules.Count);
        var foi = rules.Single(r => r!["type"]!.GetValue<string>() == "foi")!;
        Assert.Equal((3, "Anonymise", true), (foi["keepYears"]!.GetValue<int>(), foi["action"]!.GetValue<string>(), foi["isDefault"]!.GetValue<bool>()));

        var bad = await (await national.PutAsync("/api/v1/correspondence/retention/rules/sar_internal_review", new { keepYears = 0, action = "Destroy", automatic = false }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["keepYears"]);
        await (await national.PutAsync("/api/v1/correspondence/retention/rules/letters", new { keepYears = 2, action = "Destroy", automatic = false })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await local.PutAsync("/api/v1/correspondence/retention/rules/sar_internal_review", new { keepYears = 5, action = "Destroy", automatic = false })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var set = await (await national.PutAsync("/api/v1/correspondence/retention/rules/sar_internal_review", new { keepYears = 5, action = "Destroy", automatic = false }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((5, false, 1L), (set["keepYears"]!.GetValue<int>(), set["isDefault"]!.GetValue<bool>(), set["version"]!.GetValue<long>()));
        await (await national.PutAsync("/api/v1/correspondence/retention/rules/sar_internal_review", new { keepYears = 6, action = "Destroy", automatic = false, version = 7 }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var again = await (await national.PutAsync("/api/v1/correspondence/retention/rules/sar_internal_review", new { keepYears = 6, action = "Anonymise", automatic = false, version = 1 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((6, 2L), (again["keepYears"]!.GetValue<int>(), again["version"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Manager.GetAsync("/api/v1/correspondence/retention/rules")).StatusCode);
    }

    [Fact]
    public async Task Review_MarksDueCases_HoldPreventsDisposal_DisposalLeavesATombstone_AndRepeatsChangeNothing()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await LocalAdministratorAsync(given, office);
        var due = await ClosedAsync(office, "Retention Subject");
        var recent = await ClosedAsync(office, "Recent Subject");
        var open = await office.CreateCaseAsync("foi", Thursday19March);
        await ClosedOnAsync(due, new DateOnly(2020, 1, 6)); // FOI default: 3 years → due 6 Jan 2023
        var id = due["id"]!.GetValue<Guid>();

        await ReviewAsync();
        var list = (await admin.GetJsonAsync("/api/v1/correspondence/retention/due?type=foi"))["items"]!.AsArray();
        var item = Assert.Single(list)!;
        Assert.Equal((id, "2023-01-06", "Anonymise", true), (item["caseId"]!.GetValue<Guid>(), item["dueOn"]!.GetValue<string>(), item["action"]!.GetValue<string>(), item["due"]!.GetValue<bool>()));
        Assert.Single((await admin.GetJsonAsync("/api/v1/correspondence/retention/due?held=false"))["items"]!.AsArray());
        await ReviewAsync(); // again: nothing new, nothing twice
        Assert.Single((await admin.GetJsonAsync("/api/v1/correspondence/retention/due"))["items"]!.AsArray());

        // Not yet due, or still open: refused with the reason.
        var early = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{recent["id"]}/dispose", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("kept until", early["detail"]!.GetValue<string>());
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{open["id"]}/dispose", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        // Legal hold: a reason is required; holding twice is one hold; a held case cannot go.
        var noReason = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/hold", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var held = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/hold", new { reason = "Tribunal EA/2026/0042" })).ReadJsonAsync(HttpStatusCode.OK);
        var heldAgain = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/hold", new { reason = "Tribunal EA/2026/0042" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(held["onHold"]!.GetValue<bool>());
        Assert.Equal(held["version"]!.GetValue<long>(), heldAgain["version"]!.GetValue<long>());
        Assert.Single((await admin.GetJsonAsync("/api/v1/correspondence/retention/due?held=true"))["items"]!.AsArray());
        var refused = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { reason = "due" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("legal hold", refused["detail"]!.GetValue<string>());
        Assert.NotNull(await CaseAsync(id));

        // Released, then disposed: the case and its history are gone, the tombstone and the figures stay.
        Assert.False((await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/release", new { })).ReadJsonAsync(HttpStatusCode.OK))["onHold"]!.GetValue<bool>());
        var other = await CaseOffice.CreateAsync(factory);
        var otherAdmin = await LocalAdministratorAsync(given, other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { })).StatusCode);
        var disposed = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { reason = "Retention period over" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(disposed["disposedAt"]);
        Assert.Null(await CaseAsync(id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CaseTransition>().CountAsync(t => t.CaseId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await office.Manager.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        var tombstone = await admin.GetJsonAsync($"/api/v1/correspondence/retention/cases/{id}");
        Assert.Equal(due["number"]!.GetValue<string>(), tombstone["number"]!.GetValue<string>());
        Assert.True(await factory.WithDbAsync(db => db.Set<CaseReportRow>().AnyAsync(r => r.CaseId == id)));
        var audit = await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.EntityId == id.ToString() && r.Action == "dispose").ToListAsync());
        Assert.Contains(due["number"]!.GetValue<string>(), Assert.Single(audit).Changes);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/correspondence/retention/due"))["items"]!.AsArray());

        // Repeats: dispose answers the tombstone; anonymise and hold say it is gone; nothing more is audited.
        var repeat = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(disposed["disposedAt"]!.GetValue<DateTimeOffset>(), repeat["disposedAt"]!.GetValue<DateTimeOffset>());
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/anonymise", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/hold", new { reason = "late" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.EntityId == id.ToString() && r.Action == "dispose").ToListAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Manager.PostAsync($"/api/v1/correspondence/retention/cases/{recent["id"]}/hold", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Anonymise_RemovesPersonalDataAndMessages_KeepsNumberAndFigures_AndNoNewAuditEntryNamesTheRequester()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await LocalAdministratorAsync(given, office);
        var name = "Requester " + Given.Unique("Name");
        var c = await CreateAsync(office, name);
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{c["id"]}/anonymise", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "reject", new { reason = $"Phoned {name}: this is for transport." });
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CloseAsync(office, c);
        var id = c["id"]!.GetValue<Guid>();
        var mark = await factory.WithDbAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence));

        var done = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/anonymise", new { reason = "Requested erasure" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(done["anonymisedAt"]);

        var after = await office.Manager.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal(c["number"]!.GetValue<string>(), after["number"]!.GetValue<string>());
        Assert.Equal(("[anonymised]", "[anonymised]"), (after["requesterName"]!.GetValue<string>(), after["subject"]!.GetValue<string>()));
        Assert.Null(after["requesterEmail"]);
        Assert.DoesNotContain(name, after.ToJsonString(), StringComparison.Ordinal);
        Assert.All(after["history"]!.AsArray(), h => Assert.Null(h!["message"]));
        Assert.Equal("anonymise", after["history"]!.AsArray()[^1]!["event"]!.GetValue<string>());
        var row = await factory.WithDbAsync(db => db.Set<CaseReportRow>().AsNoTracking().SingleAsync(r => r.CaseId == id));
        Assert.Equal(("closed", ReportTimeliness.InTime), (row.State, row.Timeliness));

        // The search index forgets the name and the messages with them.
        var word = name.Split(' ')[^1].ToLowerInvariant();
        Assert.Equal(0, (await office.Manager.GetJsonAsync($"/api/v1/cases?q={Uri.EscapeDataString(word)}"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await office.Manager.GetJsonAsync("/api/v1/cases?q=" + Uri.EscapeDataString("transport " + c["number"]!.GetValue<string>())))["total"]!.GetValue<int>());
        Assert.Equal(1, (await office.Manager.GetJsonAsync("/api/v1/cases?q=" + c["number"]!.GetValue<string>()))["total"]!.GetValue<int>());

        // New audit entries name the fields, never the values; the old entries (hash-chained) still hold them.
        var newEntries = await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.Sequence > mark).ToListAsync());
        Assert.DoesNotContain(newEntries, r => (r.Changes ?? "").Contains(name, StringComparison.Ordinal));
        var entry = Assert.Single(newEntries, r => r.Action == "anonymise" && r.EntityId == id.ToString());
        Assert.Contains("RequesterName", entry.Changes);
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.Sequence <= mark && r.Changes!.Contains(name))));

        // A repeat changes nothing and audits nothing.
        var repeat = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/anonymise", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(done["anonymisedAt"]!.GetValue<DateTimeOffset>(), repeat["anonymisedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditRecords.CountAsync(r => r.Action == "anonymise" && r.EntityId == id.ToString())));
    }

    [Fact]
    public async Task AutomaticRule_DisposesDueCasesItself_ButNotOneOnHold()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await LocalAdministratorAsync(given, office);
        var (national, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        await (await national.PutAsync("/api/v1/correspondence/retention/rules/overturned_foi", new { keepYears = 1, action = "Destroy", automatic = true })).ReadJsonAsync(HttpStatusCode.OK);
        var kept = await ClosedAsync(office, "Kept Subject", "overturned_foi");
        var gone = await ClosedAsync(office, "Gone Subject", "overturned_foi");
        await ClosedOnAsync(kept, new DateOnly(2024, 1, 2));
        await ClosedOnAsync(gone, new DateOnly(2024, 1, 2));
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{kept["id"]}/hold", new { reason = "Complaint pending" })).ReadJsonAsync(HttpStatusCode.OK);

        var outcome = await ReviewAsync();
        Assert.True(outcome.Disposed >= 1);
        Assert.Null(await CaseAsync(gone["id"]!.GetValue<Guid>()));
        Assert.NotNull(await CaseAsync(kept["id"]!.GetValue<Guid>()));
        var tombstone = await admin.GetJsonAsync($"/api/v1/correspondence/retention/cases/{gone["id"]}");
        Assert.NotNull(tombstone["disposedAt"]);
        var waiting = Assert.Single((await admin.GetJsonAsync("/api/v1/correspondence/retention/due?type=overturned_foi"))["items"]!.AsArray())!;
        Assert.Equal((kept["id"]!.GetValue<Guid>(), true), (waiting["caseId"]!.GetValue<Guid>(), waiting["onHold"]!.GetValue<bool>()));
    }

    private async Task<TestClient> LocalAdministratorAsync(Given given, CaseOffice office) =>
        await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));

    private static async Task<JsonNode> CreateAsync(CaseOffice office, string requester, string type = "foi")
    {
        var response = await office.Manager.PostAsync("/api/v1/cases", new
        {
            type,
            subject = "Letters from " + requester,
            requesterName = requester,
            requesterEmail = "someone@example.org",
            receivedOn = Thursday19March,
            managingTeamId = office.Managers.Id,
        });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    private static async Task<JsonNode> ClosedAsync(CaseOffice office, string requester, string type = "foi")
    {
        var c = type == "overturned_foi" ? await OverturnedAsync(office) : await CreateAsync(office, requester, type);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        return await CloseAsync(office, c);
    }

    private static async Task<JsonNode> CloseAsync(CaseOffice office, JsonNode c)
    {
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        c = await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        return await CaseOffice.FireAsync(office.Manager, c, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted" } });
    }

    /// <summary>An overturned FOI is only opened by closing an ICO appeal as overturned; the closing entry names its number.</summary>
    private static async Task<JsonNode> OverturnedAsync(CaseOffice office)
    {
        var appeal = await ReportTests.RespondedAsync(office, "ico_appeal_foi", Thursday19March, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
        var closed = await CaseOffice.FireAsync(office.Manager, appeal, "close", new { closure = new { appealOutcome = "Overturned" } });
        var number = closed["history"]!.AsArray()[^1]!["message"]!.GetValue<string>().Split("case ")[1].Split(' ')[0];
        var list = await office.Manager.GetJsonAsync("/api/v1/cases?type=overturned_foi&pageSize=200");
        var id = list["items"]!.AsArray().Single(i => i!["number"]!.GetValue<string>() == number)!["id"]!.GetValue<Guid>();
        return await office.Manager.GetJsonAsync($"/api/v1/cases/{id}");
    }

    private Task ClosedOnAsync(JsonNode c, DateOnly closedOn)
    {
        var id = c["id"]!.GetValue<Guid>();
        return factory.WithDbAsync(db => db.Set<Case>().IgnoreQueryFilters().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedOn, closedOn)));
    }

    private Task<Case?> CaseAsync(Guid id) =>
        factory.WithDbAsync(db => db.Set<Case>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    private Task<RetentionReview.Outcome> ReviewAsync() =>
        factory.AsSystemAsync(sp => RetentionReview.ReviewAsync(sp.GetRequiredService<LnemisDbContext>(), sp.GetRequiredService<CaseObservers>(), sp.GetRequiredService<IDocumentStore>(), TimeProvider.System, CancellationToken.None));
}
