using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Correspondence.Tests.Api;

public sealed class TeamTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Administrator_BuildsTheTeamTree_AndManagesMembers()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var group = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("bg"), name = "Education group", kind = "BusinessGroup" })).ReadJsonAsync(HttpStatusCode.Created);
        var directorate = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("dir"), name = "Schools", kind = "Directorate", parentId = group["id"] })).ReadJsonAsync(HttpStatusCode.Created);
        var unit = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("unit"), name = "Disclosure", kind = "BusinessUnit", parentId = directorate["id"], role = "Approver", clearanceStep = "disclosure" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // A unit needs its role, and hangs under a directorate.
        var noRole = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("u"), name = "X", kind = "BusinessUnit", parentId = directorate["id"] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noRole["errors"]!["role"]);
        var wrongParent = await (await admin.PostAsync("/api/v1/teams", new { code = Given.Unique("u"), name = "X", kind = "BusinessUnit", parentId = group["id"], role = "Responder" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongParent["errors"]!["parentId"]);

        var member = await given.UserAsync(RoleCatalog.Viewer);
        await (await admin.PostAsync($"/api/v1/teams/{unit["id"]}/members", new { userId = member.Id })).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/teams/{unit["id"]}/members", new { userId = member.Id })).ReadProblemAsync(HttpStatusCode.Conflict);
        var detail = await admin.GetJsonAsync($"/api/v1/teams/{unit["id"]}");
        Assert.Equal("Approver", detail["members"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("Test " + RoleCatalog.Viewer, detail["members"]![0]!["name"]!.GetValue<string>());

        var renamed = await (await admin.PutAsync($"/api/v1/teams/{unit["id"]}", new { code = unit["code"], name = "Disclosure team", version = unit["version"] })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Disclosure team", renamed["name"]!.GetValue<string>());
        await (await admin.PutAsync($"/api/v1/teams/{unit["id"]}", new { code = unit["code"], name = "Stale", version = unit["version"] })).ReadProblemAsync(HttpStatusCode.Conflict);

        var children = await admin.GetJsonAsync($"/api/v1/teams?parentId={directorate["id"]}");
        Assert.Single(children["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{unit["id"]}/members/{member.Id}")).StatusCode);
        detail = await admin.GetJsonAsync($"/api/v1/teams/{unit["id"]}");
        Assert.Empty(detail["members"]!.AsArray());
    }

    [Fact]
    public async Task CaseResponder_CannotManageTeams()
    {
        var group = await factory.AsSystemAsync(sp => CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("BG"), "Group", null, null, null, CancellationToken.None));
        var user = await given.UserAtAsync(RoleCatalog.CaseResponder, group);
        var client = await given.ClientForAsync(user);
        await (await client.PostAsync("/api/v1/teams", new { code = Given.Unique("x"), name = "X", kind = "Directorate", parentId = group.Id })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var teams = await client.GetJsonAsync("/api/v1/teams");
        Assert.Equal([group.Id], teams["items"]!.AsArray().Select(t => t!["id"]!.GetValue<Guid>()));
    }
}
