using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Team administration: deactivation with its refusals, moving teams and members, and the bulk reassignment of open cases.</summary>
public sealed class TeamAdministrationTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Received = new(2026, 3, 19);
    private readonly Given given = new(factory);

    [Fact]
    public async Task Deactivate_IsRefusedWhileTheUnitAnswersOpenCases_AndAllowedOnceTheyAreReassigned()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await AdministratorAsync(office);
        var other = await UnitAsync(admin, office, "Second responders");
        var c = await office.CreateCaseAsync("foi", Received);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });

        var refused = await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/deactivate", new { version = await VersionAsync(admin, office.Responders.Id) })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, refused["openCasesAnswered"]!.GetValue<int>());
        Assert.Contains("1 open case", refused["detail"]!.GetValue<string>());
        var directorate = await ParentOfAsync(admin, office.Responders.Id);
        var parentRefused = await (await admin.PostAsync($"/api/v1/teams/{directorate}/deactivate", new { version = await VersionAsync(admin, directorate) })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(4, parentRefused["activeChildTeams"]!.GetValue<int>());

        var result = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { fromTeamId = office.Responders.Id, toTeamId = other, reason = "Unit closing" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result["moved"]!.GetValue<int>());
        var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        var reassign = detail["history"]!.AsArray().Last()!;
        Assert.Equal("reassign", reassign["event"]!.GetValue<string>());
        Assert.Equal("Unit closing", reassign["message"]!.GetValue<string>());
        Assert.Equal(office.ManagerUser.Id, reassign["actorId"]!.GetValue<Guid>());

        var deactivated = await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/deactivate", new { version = await VersionAsync(admin, office.Responders.Id) })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(deactivated["active"]!.GetValue<bool>());

        // A deactivated unit is not offered, cannot be assigned, and takes no members.
        var offered = await admin.GetJsonAsync($"/api/v1/teams?parentId={directorate}&active=true");
        Assert.DoesNotContain(offered["items"]!.AsArray(), t => t!["id"]!.GetValue<Guid>() == office.Responders.Id);
        var fresh = await office.CreateCaseAsync("foi", Received);
        var assign = await CaseOffice.FireAsync(office.Manager, fresh, "assign", new { teamId = office.Responders.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(assign["errors"]!["teamId"]);
        var member = await given.UserAsync(RoleCatalog.Viewer);
        await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/members", new { userId = member.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);

        var reactivated = await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/reactivate", new { version = deactivated["version"] })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(reactivated["active"]!.GetValue<bool>());
        await CaseOffice.FireAsync(office.Manager, fresh, "assign", new { teamId = office.Responders.Id });
    }

    [Fact]
    public async Task BulkReassign_TwiceWithTheSameKey_MovesOnce_AndReportsACaseChangedMeanwhileAsAConflict()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await AdministratorAsync(office);
        var other = await UnitAsync(admin, office, "Second responders");
        var cases = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            var c = await office.CreateCaseAsync("foi", Received);
            cases.Add(await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id }));
        }

        var listed = await office.Manager.GetJsonAsync($"/api/v1/teams/reassignments/open-cases?fromTeamId={office.Responders.Id}");
        var versions = listed["items"]!.AsArray().Select(x => new { caseId = x!["id"]!.GetValue<Guid>(), version = x["version"]!.GetValue<long>() }).ToList();
        Assert.Equal(3, versions.Count);

        // Someone acts on one case after the list was read: its version moves on.
        var changed = cases[1];
        await CaseOffice.FireAsync(office.Manager, changed, "add_message", new { message = "Chased the unit." });

        var key = Guid.NewGuid().ToString();
        var body = new { fromTeamId = office.Responders.Id, toTeamId = other, reason = "Workload", cases = versions };
        var first = await SendWithKeyAsync(office.Manager, body, key);
        var again = await SendWithKeyAsync(office.Manager, body, key);

        var result = await first.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, result["moved"]!.GetValue<int>());
        var conflict = Assert.Single(result["cases"]!.AsArray(), o => o!["result"]!.GetValue<string>() == "conflict")!;
        Assert.Equal(changed["id"]!.GetValue<Guid>(), conflict["caseId"]!.GetValue<Guid>());
        Assert.Contains("changed", conflict["reason"]!.GetValue<string>());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(result.ToJsonString(), (await again.ReadJsonAsync(HttpStatusCode.OK)).ToJsonString());

        foreach (var c in cases)
        {
            var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
            var reassigns = detail["history"]!.AsArray().Count(h => h!["event"]!.GetValue<string>() == "reassign");
            Assert.Equal(c == changed ? 0 : 1, reassigns);
            Assert.Equal(c == changed ? office.Responders.Id : other, detail["respondingTeamId"]!.GetValue<Guid>());
        }

        var remaining = await office.Manager.GetJsonAsync($"/api/v1/teams/reassignments/open-cases?fromTeamId={office.Responders.Id}");
        Assert.Single(remaining["items"]!.AsArray());
    }

    [Fact]
    public async Task BulkReassign_OfAUser_SkipsCasesTheWorkflowDoesNotLetMove_AndRefusesBadInput()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await AdministratorAsync(office);
        var other = await UnitAsync(admin, office, "Second responders");
        var drafting = await office.CreateCaseAsync("foi", Received);
        drafting = await CaseOffice.FireAsync(office.Manager, drafting, "assign", new { teamId = office.Responders.Id });
        drafting = await CaseOffice.FireAsync(office.Responder, drafting, "accept");
        var inClearance = await office.CreateCaseAsync("foi", Received);
        inClearance = await CaseOffice.FireAsync(office.Manager, inClearance, "assign", new { teamId = office.Responders.Id });
        inClearance = await CaseOffice.FireAsync(office.Responder, inClearance, "accept");
        inClearance = await CaseOffice.FireAsync(office.Manager, inClearance, "flag_for_clearance", new { clearanceSteps = new[] { "disclosure" } });
        inClearance = await CaseOffice.UploadResponseAsync(office.Responder, inClearance);
        await CaseOffice.FireAsync(office.Responder, inClearance, "send_for_clearance");

        var result = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { fromUserId = office.ResponderUser.Id, toTeamId = other, reason = "On leave" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result["moved"]!.GetValue<int>());
        var skipped = Assert.Single(result["cases"]!.AsArray(), o => o!["result"]!.GetValue<string>() == "skipped")!;
        Assert.Equal(inClearance["id"]!.GetValue<Guid>(), skipped["caseId"]!.GetValue<Guid>());
        Assert.Contains("pending_disclosure", skipped["reason"]!.GetValue<string>());

        var bad = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { toTeamId = office.Disclosure.Id, reason = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["fromTeamId"]);
        Assert.NotNull(bad["errors"]!["reason"]);
        var notResponder = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { fromTeamId = office.Responders.Id, toTeamId = office.Disclosure.Id, reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notResponder["errors"]!["toTeamId"]);
        await (await admin.PostAsync("/api/v1/teams/reassignments", new { fromTeamId = office.Responders.Id, toTeamId = other, reason = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MoveDirectorate_ToAnotherGroup_MovesItsCasesAndReportRows_SoEachGroupSeesExactlyItsCases()
    {
        var a = await CaseOffice.CreateAsync(factory);
        var b = await CaseOffice.CreateAsync(factory);
        var admin = (await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator)).Client;
        var aCase = await a.CreateCaseAsync("foi", Received);
        aCase = await CaseOffice.FireAsync(a.Manager, aCase, "assign", new { teamId = a.Responders.Id });
        var bCase = await b.CreateCaseAsync("foi", Received);
        var aDirectorate = await ParentOfAsync(admin, a.Managers.Id);
        var bDirectorate = await ParentOfAsync(admin, b.Managers.Id);

        // Refused: a unit answering an open case of group A cannot leave for group B alone; wrong levels and cycles.
        var split = await (await admin.PostAsync($"/api/v1/teams/{a.Responders.Id}/move", new { parentId = bDirectorate, version = await VersionAsync(admin, a.Responders.Id) })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, split["openCasesSplit"]!.GetValue<int>());
        var level = await (await admin.PostAsync($"/api/v1/teams/{aDirectorate}/move", new { parentId = bDirectorate, version = await VersionAsync(admin, aDirectorate) })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(level["errors"]!["parentId"]);
        var cycle = await (await admin.PostAsync($"/api/v1/teams/{a.Responders.Id}/move", new { parentId = a.Responders.Id, version = await VersionAsync(admin, a.Responders.Id) })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(cycle["errors"]!["parentId"]);
        await (await admin.PostAsync($"/api/v1/teams/{a.Group.Id}/move", new { parentId = b.Group.Id, version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);

        var moved = await (await admin.PostAsync($"/api/v1/teams/{aDirectorate}/move", new { parentId = b.Group.Id, version = await VersionAsync(admin, aDirectorate) })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(b.Group.Id, moved["parentId"]!.GetValue<Guid>());

        // B's group-scoped manager now sees both cases; A's sees neither.
        Assert.Equal(new[] { aCase["id"]!.GetValue<Guid>(), bCase["id"]!.GetValue<Guid>() }.Order(), await CaseIdsAsync(b.Manager));
        Assert.Empty(await CaseIdsAsync(a.Manager));

        var (caseScope, rowScope, unitScope, memberScope) = await factory.WithDbAsync(async db => (
            await db.Cases().IgnoreQueryFilters().Where(c => c.Id == aCase["id"]!.GetValue<Guid>()).Select(c => c.ScopePath).SingleAsync(),
            await db.CaseReportRows().IgnoreQueryFilters().Where(r => r.CaseId == aCase["id"]!.GetValue<Guid>()).Select(r => r.ScopePath).SingleAsync(),
            await db.Teams().IgnoreQueryFilters().Where(t => t.Id == a.Responders.Id).Select(t => t.ScopePath).SingleAsync(),
            await db.TeamMembers().IgnoreQueryFilters().Where(m => m.UserId == a.ResponderUser.Id).Select(m => m.ScopePath).SingleAsync()));
        Assert.Equal(b.Group.Path, caseScope);
        Assert.Equal(b.Group.Path, rowScope);
        Assert.StartsWith(b.Group.Path, unitScope);
        Assert.Equal(unitScope, memberScope);
        var audited = await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "move" && r.EntityId == aDirectorate.ToString()));
        Assert.True(audited);
    }

    [Fact]
    public async Task MoveMember_KeepsOrChangesTheRole_AndADeactivatedMembershipPlaysNoRole()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await AdministratorAsync(office);
        var other = await UnitAsync(admin, office, "Second responders");

        var c = await office.CreateCaseAsync("foi", Received);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        var off = await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/members/{office.ResponderUser.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(off["active"]!.GetValue<bool>());
        await CaseOffice.FireAsync(office.Responder, c, "accept", expected: HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/members/{office.ResponderUser.Id}/reactivate")).ReadJsonAsync(HttpStatusCode.OK);
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");

        var kept = await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/members/{office.ResponderUser.Id}/move", new { toTeamId = other })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Responder", kept["role"]!.GetValue<string>());
        Assert.Equal(other, kept["teamId"]!.GetValue<Guid>());
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/teams/{office.Responders.Id}"))["members"]!.AsArray());
        var changed = await (await admin.PostAsync($"/api/v1/teams/{other}/members/{office.ResponderUser.Id}/move", new { toTeamId = office.Disclosure.Id, role = "Approver" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approver", changed["role"]!.GetValue<string>());
        var wrong = await (await admin.PostAsync($"/api/v1/teams/{office.Disclosure.Id}/members/{office.ResponderUser.Id}/move", new { toTeamId = office.Group.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrong["errors"]!["toTeamId"]);
        await (await office.Manager.PostAsync($"/api/v1/teams/{office.Disclosure.Id}/members/{office.ResponderUser.Id}/move", new { toTeamId = other })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<TestClient> AdministratorAsync(CaseOffice office) =>
        await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));

    private static async Task<Guid> UnitAsync(TestClient admin, CaseOffice office, string name)
    {
        var directorate = await ParentOfAsync(admin, office.Responders.Id);
        var unit = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("rsp"), name, kind = "BusinessUnit", parentId = directorate, role = nameof(CaseRole.Responder) })).ReadJsonAsync(HttpStatusCode.Created);
        return unit["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> ParentOfAsync(TestClient client, Guid teamId) =>
        (await client.GetJsonAsync($"/api/v1/teams/{teamId}"))["team"]!["parentId"]!.GetValue<Guid>();

    private static async Task<long> VersionAsync(TestClient client, Guid teamId) =>
        (await client.GetJsonAsync($"/api/v1/teams/{teamId}"))["team"]!["version"]!.GetValue<long>();

    private static async Task<IEnumerable<Guid>> CaseIdsAsync(TestClient client) =>
        (await client.GetJsonAsync("/api/v1/cases?pageSize=100"))["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Order().ToList();

    internal static Task<HttpResponseMessage> SendWithKeyAsync(TestClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams/reassignments") { Content = JsonContent.Create(body, options: TestClient.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.Http.SendAsync(request);
    }
}
