using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Assignment to a named responder (one case and in bulk), and managing-team transfer, one case and on deactivating a team.</summary>
public sealed class CaseAssignmentTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Received = new(2026, 3, 19);
    private readonly Given given = new(factory);

    [Fact]
    public async Task AssignToAPerson_ShowsTheCaseInTheirOpenCases_AndOnlyAnActiveResponderOfTheUnitCanBeNamed()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var (second, secondUser) = await office.MemberAsync(factory, given, RoleCatalog.CaseResponder, office.Responders, CaseRole.Responder);
        var c = await office.CreateCaseAsync("foi", Received);

        var notInUnit = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id, userId = office.ApproverUser.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(notInUnit["errors"]!["userId"]);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id, userId = secondUser.Id });
        Assert.Equal((office.Responders.Id, secondUser.Id), (c["respondingTeamId"]!.GetValue<Guid>(), c["responderId"]!.GetValue<Guid>()));
        var id = c["id"]!.GetValue<Guid>();
        Assert.Equal([id], await IdsAsync(second, "mine=true&open=true"));
        Assert.Empty(await IdsAsync(office.Responder, "mine=true&open=true"));
        Assert.Contains("assign_responder", Allowed(c, "manager"));

        // Within the unit, a member (or the manager) names who works on it; the input is checked field by field.
        var missing = await CaseOffice.FireAsync(office.Responder, c, "assign_responder", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(missing["errors"]!["userId"]);
        var stranger = await given.UserAtAsync(RoleCatalog.CaseResponder, office.Group);
        var wrong = await CaseOffice.FireAsync(office.Responder, c, "assign_responder", new { userId = stranger.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(wrong["errors"]!["userId"]);
        await CaseOffice.FireAsync(office.Approver, c, "assign_responder", new { userId = office.ResponderUser.Id }, HttpStatusCode.Forbidden);
        c = await CaseOffice.FireAsync(office.Responder, c, "assign_responder", new { userId = office.ResponderUser.Id, message = "Taking this one" });
        Assert.Equal(office.ResponderUser.Id, c["responderId"]!.GetValue<Guid>());
        Assert.Equal("awaiting_responder", c["state"]!.GetValue<string>());
        var entry = c["history"]!.AsArray()[^1]!;
        Assert.Equal(("assign_responder", office.Responders.Id), (entry["event"]!.GetValue<string>(), entry["teamId"]!.GetValue<Guid>()));
        Assert.Equal([id], await IdsAsync(office.Responder, "mine=true&open=true"));
        Assert.Empty(await IdsAsync(second, "mine=true&open=true"));

        // A deactivated membership cannot be named.
        var admin = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        await (await admin.PostAsync($"/api/v1/teams/{office.Responders.Id}/members/{secondUser.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);
        var inactive = await CaseOffice.FireAsync(office.Manager, c, "assign_responder", new { userId = secondUser.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(inactive["errors"]!["userId"]);
    }

    [Fact]
    public async Task BulkReassign_ToAPerson_MovesEachCaseToThemOnce_AndRefusesSomeoneOutsideTheUnit()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var (second, secondUser) = await office.MemberAsync(factory, given, RoleCatalog.CaseResponder, office.Responders, CaseRole.Responder);
        var ids = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var c = await office.CreateCaseAsync("sar", Received);
            c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
            c = await CaseOffice.FireAsync(office.Responder, c, "accept");
            ids.Add(c["id"]!.GetValue<Guid>());
        }

        var outsider = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { fromUserId = office.ResponderUser.Id, toTeamId = office.Responders.Id, toUserId = office.ApproverUser.Id, reason = "Leave" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(outsider["errors"]!["toUserId"]);
        var same = await (await office.Manager.PostAsync("/api/v1/teams/reassignments", new { fromUserId = office.ResponderUser.Id, toTeamId = office.Responders.Id, toUserId = office.ResponderUser.Id, reason = "Leave" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(same["errors"]!["toUserId"]);

        var body = new { fromUserId = office.ResponderUser.Id, toTeamId = office.Responders.Id, toUserId = secondUser.Id, reason = "On leave until May" };
        var key = Guid.NewGuid().ToString();
        var result = await (await TeamAdministrationTests.SendWithKeyAsync(office.Manager, body, key)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, 0, secondUser.Id), (result["moved"]!.GetValue<int>(), result["skipped"]!.GetValue<int>(), result["toUserId"]!.GetValue<Guid>()));
        var replay = await (await TeamAdministrationTests.SendWithKeyAsync(office.Manager, body, key)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(result["id"]!.GetValue<Guid>(), replay["id"]!.GetValue<Guid>());

        Assert.Equal(ids.Order(), (await IdsAsync(second, "mine=true&open=true")).Order());
        Assert.Empty(await IdsAsync(office.Responder, "mine=true&open=true"));
        foreach (var id in ids)
        {
            var history = (await office.Manager.GetJsonAsync($"/api/v1/cases/{id}"))["history"]!.AsArray();
            Assert.Single(history, h => h!["event"]!.GetValue<string>() == "reassign");
        }

        Assert.Equal(secondUser.Id, await factory.WithDbAsync(db => db.Set<TeamReassignment>().AsNoTracking().Where(r => r.Id == result["id"]!.GetValue<Guid>()).Select(r => r.ToUserId).SingleAsync()));
    }

    [Fact]
    public async Task TransferManagingTeam_RecordsFromAndTo_AndOnlyAManagerMayFireItToAManagerUnitOfTheGroup()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        var target = await ManagerUnitAsync(admin, office);
        var c = await office.CreateCaseAsync("foi", Received);
        Assert.Contains("transfer_managing_team", Allowed(c, "manager"));

        var missing = await CaseOffice.FireAsync(office.Manager, c, "transfer_managing_team", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(missing["errors"]!["managingTeamId"]);
        var notManagers = await CaseOffice.FireAsync(office.Manager, c, "transfer_managing_team", new { managingTeamId = office.Responders.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(notManagers["errors"]!["managingTeamId"]);
        var elsewhere = await CaseOffice.CreateAsync(factory);
        var otherGroup = await CaseOffice.FireAsync(office.Manager, c, "transfer_managing_team", new { managingTeamId = elsewhere.Managers.Id }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(otherGroup["errors"]!["managingTeamId"]);
        await CaseOffice.FireAsync(office.Responder, c, "transfer_managing_team", new { managingTeamId = target }, HttpStatusCode.Forbidden);

        c = await CaseOffice.FireAsync(office.Manager, c, "transfer_managing_team", new { managingTeamId = target, reason = "Press-sensitive: central triage" });
        Assert.Equal(target, c["managingTeamId"]!.GetValue<Guid>());
        var entry = c["history"]!.AsArray()[^1]!;
        Assert.Equal(("transfer_managing_team", office.Managers.Id, target), (entry["event"]!.GetValue<string>(), entry["fromTeamId"]!.GetValue<Guid>(), entry["teamId"]!.GetValue<Guid>()));
        Assert.Equal("Press-sensitive: central triage", entry["message"]!.GetValue<string>());

        // The old managing team's manager plays no manager role on it any more.
        Assert.Empty(Allowed(c, "manager"));
        await CaseOffice.FireAsync(office.Manager, c, "transfer_managing_team", new { managingTeamId = office.Managers.Id }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeactivateWithMove_HandsTheOpenCasesToAnotherManagerUnit_ThenDeactivates_AndRefusesABadTarget()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var adminUser = await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group);
        var admin = await given.ClientForAsync(adminUser);
        var target = await ManagerUnitAsync(admin, office);
        var open = await office.CreateCaseAsync("foi", Received);
        var drafting = await office.CreateCaseAsync("sar", Received);
        drafting = await CaseOffice.FireAsync(office.Manager, drafting, "assign", new { teamId = office.Responders.Id });
        var closed = await CaseOffice.FireAsync(office.Manager, await office.CreateCaseAsync("foi", Received), "delete", new { reason = "Duplicate" });

        var refused = await (await admin.PostAsync($"/api/v1/teams/{office.Managers.Id}/deactivate", new { version = await VersionAsync(admin, office.Managers.Id) })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, refused["openCasesManaged"]!.GetValue<int>());
        foreach (var bad in new[] { office.Responders.Id, office.Managers.Id, Guid.NewGuid() })
        {
            var problem = await (await admin.PostAsync($"/api/v1/teams/{office.Managers.Id}/deactivate", new { version = await VersionAsync(admin, office.Managers.Id), moveManagedCasesTo = bad })).ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["moveManagedCasesTo"]);
        }

        await (await office.Manager.PostAsync($"/api/v1/teams/{office.Managers.Id}/deactivate", new { version = await VersionAsync(admin, office.Managers.Id), moveManagedCasesTo = target })).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(office.Managers.Id, (await office.Manager.GetJsonAsync($"/api/v1/cases/{open["id"]}"))["managingTeamId"]!.GetValue<Guid>());

        var deactivated = await (await admin.PostAsync($"/api/v1/teams/{office.Managers.Id}/deactivate", new { version = await VersionAsync(admin, office.Managers.Id), moveManagedCasesTo = target, reason = "Triage merged" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(deactivated["active"]!.GetValue<bool>());
        foreach (var c in new[] { open, drafting })
        {
            var moved = await factory.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == c["id"]!.GetValue<Guid>()));
            Assert.Equal((target, c["state"]!.GetValue<string>()), (moved.ManagingTeamId, moved.State));
            var entry = await factory.WithDbAsync(db => db.Set<CaseTransition>().AsNoTracking().Where(t => t.CaseId == moved.Id).OrderByDescending(t => t.Sequence).FirstAsync());
            Assert.Equal(("transfer_managing_team", office.Managers.Id, target, adminUser.Id, CaseRole.System, "Triage merged"),
                (entry.Event, entry.FromTeamId, entry.TeamId, entry.ActorId, entry.ActorRole, entry.Message));
            Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EntityType == nameof(Case) && r.EntityId == moved.Id.ToString() && r.UserId == adminUser.Id)));
        }

        // A deleted case is not open: it stays where it was. Running it again changes nothing.
        Assert.Equal(office.Managers.Id, await factory.WithDbAsync(db => db.Set<Case>().IgnoreQueryFilters().Where(x => x.Id == closed["id"]!.GetValue<Guid>()).Select(x => x.ManagingTeamId).SingleAsync()));
        var again = await (await admin.PostAsync($"/api/v1/teams/{office.Managers.Id}/deactivate", new { version = deactivated["version"]!.GetValue<long>(), moveManagedCasesTo = target })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(deactivated["version"]!.GetValue<long>(), again["version"]!.GetValue<long>());
    }

    private static async Task<List<Guid>> IdsAsync(TestClient client, string query) =>
        (await client.GetJsonAsync($"/api/v1/cases?pageSize=200&{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

    private static List<string> Allowed(JsonNode c, string role) =>
        c["allowedEvents"]![role]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];

    private static async Task<Guid> ManagerUnitAsync(TestClient admin, CaseOffice office)
    {
        var directorate = (await admin.GetJsonAsync($"/api/v1/teams/{office.Managers.Id}"))["team"]!["parentId"]!.GetValue<Guid>();
        var unit = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("mgr"), name = "Central triage", kind = "BusinessUnit", parentId = directorate, role = nameof(CaseRole.Manager) })).ReadJsonAsync(HttpStatusCode.Created);
        return unit["id"]!.GetValue<Guid>();
    }

    private static async Task<long> VersionAsync(TestClient client, Guid teamId) =>
        (await client.GetJsonAsync($"/api/v1/teams/{teamId}"))["team"]!["version"]!.GetValue<long>();
}
