using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>The case lists: full-text search, filters and tabs, capped counts, user names, CSV/XLSX export.</summary>
public sealed class CaseListTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Received = new(2026, 3, 19);

    [Fact]
    public async Task Search_FindsByNumberSubjectRequesterAndMessages_InTheSameTransactionAsTheChange()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var subjectWord = Word();
        var nameWord = Word();
        var mailWord = Word();
        var c = await CreateAsync(office, $"Contracts for {subjectWord} buses", $"Ann {nameWord}", $"{mailWord}@example.org");
        var id = c["id"]!.GetValue<Guid>();
        var number = c["number"]!.GetValue<string>();

        Assert.Equal([id], await IdsAsync(office.Manager, $"q={subjectWord}"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={subjectWord[..8].ToUpperInvariant()}"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={nameWord}"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={mailWord}@example.org"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={number}"));
        Assert.Contains(id, await IdsAsync(office.Manager, $"q={number[..6]}&teamId={office.Managers.Id}"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q=buses {subjectWord}"));
        Assert.Empty(await IdsAsync(office.Manager, $"q={subjectWord} {Word()}"));

        // A message's words find the case at once: the index row is written with the history entry.
        var messageWord = Word();
        Assert.Empty(await IdsAsync(office.Manager, $"q={messageWord}"));
        c = await CaseOffice.FireAsync(office.Manager, c, "add_message", new { message = $"Called the requester about {messageWord}." });
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={messageWord}"));

        // An edited subject drops its old words and is found by the new ones; message words stay.
        var newWord = Word();
        await CaseOffice.FireAsync(office.Manager, c, "edit", new { subject = $"Contracts for {newWord}" });
        Assert.Empty(await IdsAsync(office.Manager, $"q={subjectWord}"));
        Assert.Equal([id], await IdsAsync(office.Manager, $"q={newWord} {messageWord}"));

        // Scope: a manager of another business group does not find it.
        var other = await CaseOffice.CreateAsync(factory);
        Assert.Empty(await IdsAsync(other.Manager, $"q={newWord}"));

        var problem = await (await office.Manager.GetAsync("/api/v1/cases?q=%21%21")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["q"]);
    }

    [Fact]
    public async Task Filters_ResponderExemptionFlaggedIncomingAndClosed()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var team = $"teamId={office.Managers.Id}";

        // A: accepted by the responder, flagged for disclosure and sent for clearance.
        var a = await office.CreateCaseAsync("foi", Received);
        a = await CaseOffice.FireAsync(office.Manager, a, "assign", new { teamId = office.Responders.Id });
        a = await CaseOffice.FireAsync(office.Responder, a, "accept");
        a = await CaseOffice.FireAsync(office.Manager, a, "flag_for_clearance", new { clearanceSteps = new[] { "disclosure" } });
        a = await CaseOffice.UploadResponseAsync(office.Responder, a);
        a = await CaseOffice.FireAsync(office.Responder, a, "send_for_clearance");
        Assert.Equal("pending_disclosure", a["state"]!.GetValue<string>());

        // B: answered and closed with an exemption; C: untouched.
        var b = await office.CreateCaseAsync("foi", Received);
        b = await CaseOffice.FireAsync(office.Manager, b, "assign", new { teamId = office.Responders.Id });
        b = await CaseOffice.FireAsync(office.Responder, b, "accept");
        b = await CaseOffice.UploadResponseAsync(office.Responder, b);
        b = await CaseOffice.FireAsync(office.Responder, b, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        b = await CaseOffice.FireAsync(office.Manager, b, "close", new { closure = new { informationHeld = "InPart", outcome = "RefusedInPart", exemptions = new[] { "s40" } } });
        var c = await office.CreateCaseAsync("foi", Received);
        Guid A = a["id"]!.GetValue<Guid>(), B = b["id"]!.GetValue<Guid>(), C = c["id"]!.GetValue<Guid>();

        Assert.Equal([A, B], await IdsAsync(office.Manager, $"{team}&responderId={office.ResponderUser.Id}"));
        Assert.Equal([B], await IdsAsync(office.Manager, $"{team}&exemption=s40"));
        Assert.Empty(await IdsAsync(office.Manager, $"{team}&exemption=s43"));
        Assert.Equal([A], await IdsAsync(office.Manager, $"{team}&flagged=any"));
        Assert.Equal([A], await IdsAsync(office.Manager, $"{team}&flagged=disclosure"));
        Assert.Empty(await IdsAsync(office.Manager, $"{team}&flagged=press_office"));
        Assert.Equal([B, C], await IdsAsync(office.Manager, $"{team}&flagged=none"));
        Assert.Equal([B], await IdsAsync(office.Manager, $"{team}&open=false"));
        Assert.Equal([A, C], await IdsAsync(office.Manager, $"{team}&open=true"));

        // Incoming for approvers: what waits at the caller's unit's step; nothing for someone who approves nothing.
        Assert.Equal([A], await IdsAsync(office.Approver, "incoming=true"));
        Assert.Empty(await IdsAsync(office.Responder, "incoming=true"));
        var other = await CaseOffice.CreateAsync(factory);
        Assert.Empty(await IdsAsync(other.Approver, "incoming=true"));

        // My open cases, late tab (received in March 2026: past the deadline by the test clock).
        Assert.Equal([A], await IdsAsync(office.Responder, "mine=true&open=true&timeliness=late"));

        var problem = await (await office.Manager.GetAsync("/api/v1/cases?flagged=legal&timeliness=soon&deadlineFrom=2026-05-01&deadlineTo=2026-04-01"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["flagged"]);
        Assert.NotNull(problem["errors"]!["timeliness"]);
        Assert.NotNull(problem["errors"]!["deadlineTo"]);
    }

    [Fact]
    public async Task ListRowsAndHistory_NameTheUsers_AndCountsAreCapped()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Received);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");

        Assert.Equal("Test " + RoleCatalog.CaseResponder, c["responderName"]!.GetValue<string>());
        var history = c["history"]!.AsArray();
        Assert.Equal("Test " + RoleCatalog.CaseManager, history[0]!["actorName"]!.GetValue<string>());
        Assert.Equal("Test " + RoleCatalog.CaseResponder, history[2]!["actorName"]!.GetValue<string>());

        var page = await office.Manager.GetJsonAsync($"/api/v1/cases?teamId={office.Managers.Id}");
        var row = page["items"]!.AsArray().Single()!;
        Assert.Equal("Test " + RoleCatalog.CaseResponder, row["responderName"]!.GetValue<string>());
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.True(page["totalExact"]!.GetValue<bool>());

        var deep = await (await office.Manager.GetAsync("/api/v1/cases?page=51&pageSize=200")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(deep["errors"]!["page"]);
    }

    [Fact]
    public async Task Export_StreamsTheFilteredListAsCsvAndXlsx_NeutralisesFormulas_AndIsAudited()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var word = Word();
        var risky = await CreateAsync(office, $"=HYPERLINK(\"http://x\") {word}", "Ann Example", null);
        risky = await CaseOffice.FireAsync(office.Manager, risky, "assign", new { teamId = office.Responders.Id });
        await CaseOffice.FireAsync(office.Responder, risky, "accept");
        await CreateAsync(office, $"Other case {Word()}", "Bob Example", null);

        var response = await office.Manager.GetAsync($"/api/v1/cases/export?format=csv&q={word}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("number,type,subject,state", lines[0], StringComparison.Ordinal);
        Assert.Contains(risky["number"]!.GetValue<string>(), lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")", lines[1], StringComparison.Ordinal);
        Assert.Contains("Test " + RoleCatalog.CaseResponder, lines[1], StringComparison.Ordinal);
        Assert.Contains("Responders", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Ann Example", lines[1], StringComparison.Ordinal);

        var all = await (await office.Manager.GetAsync($"/api/v1/cases/export?teamId={office.Managers.Id}")).Content.ReadAsStringAsync();
        Assert.Equal(3, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await office.Manager.GetAsync($"/api/v1/cases/export?format=xlsx&teamId={office.Managers.Id}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var audited = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Action == ExportCases.AuditAction && r.EntityType == "Case" && r.Changes!.Contains(word)).CountAsync());
        Assert.Equal(1, audited);

        var problem = await (await office.Manager.GetAsync("/api/v1/cases/export?format=pdf&flagged=legal")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["format"]);
        Assert.NotNull(problem["errors"]!["flagged"]);
    }

    [Fact]
    public void SearchWords_AreLowerCaseLettersAndDigits()
    {
        Assert.Equal(["ann", "o", "neill", "ann", "example", "org"], SearchWords.Of("Ann O'Neill <ann@EXAMPLE.org>"));
        Assert.Equal(" a b ", SearchWords.Join(["a", "b", "a"]));
        Assert.Equal(" a b c ", SearchWords.Add(" a b ", "B c"));
        Assert.Null(CaseSearch.Parse("!!"));
    }

    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<JsonNode> CreateAsync(CaseOffice office, string subject, string requesterName, string? requesterEmail)
    {
        var response = await office.Manager.PostAsync("/api/v1/cases", new
        {
            type = "foi",
            subject,
            requesterName,
            requesterEmail,
            receivedOn = Received,
            managingTeamId = office.Managers.Id,
        });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Incoming_ForAnApproverOfTwoGroups_ListsWhatWaitsAtTheirStepInEach_AndNothingElsewhere()
    {
        var first = await CaseOffice.CreateAsync(factory);
        var second = await CaseOffice.CreateAsync(factory);
        var third = await CaseOffice.CreateAsync(factory);
        var (admin, _) = await new Given(factory).SignedInAsync(RoleCatalog.SystemAdministrator);

        // The first group's approver also clears disclosure in the second group (a grant there and a membership of its unit).
        await (await admin.PostAsync($"/api/v1/users/{first.ApproverUser.Id}/grants", new { role = RoleCatalog.CaseApprover, scopeKind = "Team", scopeId = second.Group.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await factory.AsSystemAsync(sp => CorrespondenceCommands.AddMemberAsync(sp, second.Disclosure, first.ApproverUser.Id, CaseRole.Approver, CancellationToken.None));

        var a = await PendingDisclosureAsync(first);
        var b = await PendingDisclosureAsync(second);
        await PendingDisclosureAsync(third);

        // Two groups, one step: both groups' waiting cases, in list order (same deadline, so by number); not the third group's.
        Assert.Equal([a, b], await IdsAsync(first.Approver, "incoming=true"));
        Assert.Equal([b], await IdsAsync(second.Approver, "incoming=true"));
    }

    [Fact]
    public async Task Incoming_ForAnApproverOfDifferentStepsInTwoGroups_PairsEachStepWithItsGroup()
    {
        var first = await CaseOffice.CreateAsync(factory);
        var second = await CaseOffice.CreateAsync(factory);
        var (admin, _) = await new Given(factory).SignedInAsync(RoleCatalog.SystemAdministrator);

        // The first group's disclosure approver also clears for the press office in the second group (not disclosure there).
        var press = await factory.AsSystemAsync(sp => CorrespondenceCommands.AddTeamAsync(
            sp, Given.Unique("PRS"), "Press office", second.Group, CaseRole.Approver, WorkflowDefinitions.PressOffice, CancellationToken.None));
        await (await admin.PostAsync($"/api/v1/users/{first.ApproverUser.Id}/grants", new { role = RoleCatalog.CaseApprover, scopeKind = "Team", scopeId = second.Group.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await factory.AsSystemAsync(sp => CorrespondenceCommands.AddMemberAsync(sp, press, first.ApproverUser.Id, CaseRole.Approver, CancellationToken.None));

        var disclosureFirst = await PendingDisclosureAsync(first);
        var pressFirst = await PendingAtAsync(first, WorkflowDefinitions.PressOffice);
        var disclosureSecond = await PendingDisclosureAsync(second);
        var pressSecond = await PendingAtAsync(second, WorkflowDefinitions.PressOffice);

        // Two steps and two groups: each step only in the group where the approver clears it.
        var incoming = await IdsAsync(first.Approver, "incoming=true");
        Assert.Equal(new[] { disclosureFirst, pressSecond }.Order(), incoming.Order());
        Assert.DoesNotContain(pressFirst, incoming);
        Assert.DoesNotContain(disclosureSecond, incoming);
    }

    /// <summary>A new FOI case accepted, flagged for disclosure and sent for clearance: waiting at the group's disclosure unit.</summary>
    private static Task<Guid> PendingDisclosureAsync(CaseOffice office) => PendingAtAsync(office, WorkflowDefinitions.Disclosure);

    /// <summary>A new FOI case accepted, flagged for one clearance step and sent for clearance: waiting at that step.</summary>
    private static async Task<Guid> PendingAtAsync(CaseOffice office, string step)
    {
        var c = await office.CreateCaseAsync("foi", Received);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.FireAsync(office.Manager, c, "flag_for_clearance", new { clearanceSteps = new[] { step } });
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        c = await CaseOffice.FireAsync(office.Responder, c, "send_for_clearance");
        Assert.Equal("pending_" + step, c["state"]!.GetValue<string>());
        return c["id"]!.GetValue<Guid>();
    }

    private static async Task<List<Guid>> IdsAsync(TestClient client, string query) =>
        (await client.GetJsonAsync($"/api/v1/cases?pageSize=200&{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
}
