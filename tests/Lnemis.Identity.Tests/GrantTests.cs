using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Tests;

public sealed class GrantTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public void SystemAdministrator_HoldsEveryPermissionThatAnyRoleGives() =>
        Assert.Empty(RoleCatalog.AllPermissions.Except(RoleCatalog.PermissionsOf(RoleCatalog.SystemAdministrator)));

    [Fact]
    public async Task Grant_IsAudited_AndTakesEffect()
    {
        var area = await given.AreaAsync();
        var (admin, adminUser) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var (userClient, user) = await given.SignedInAsync(RoleCatalog.Viewer, area);
        await (await userClient.PostAsync("/api/v1/areas", new { code = Given.Unique("G"), name = "Not yet" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var grant = await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = area.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var me = await userClient.GetJsonAsync("/api/v1/auth/me");
        Assert.Contains("institutions.manage", me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));

        var audit = await factory.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .SingleAsync(r => r.EntityType == nameof(RoleGrant) && r.EntityId == grant["id"]!.GetValue<Guid>().ToString()));
        Assert.Equal(AuditActions.Create, audit.Action);
        Assert.Equal(adminUser.Id, audit.UserId);

        await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = area.Id }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{user.Id}/grants/{grant["id"]}")).StatusCode);
        var after = await userClient.GetJsonAsync("/api/v1/auth/me");
        Assert.DoesNotContain("institutions.manage", after["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task AreaUserAdministrator_CannotGrantMoreThanTheyHold_OrOutsideTheirArea()
    {
        var parent = await given.AreaAsync();
        var child = await given.AreaAsync(parent);
        var elsewhere = await given.AreaAsync();
        var (userAdmin, _) = await given.SignedInAsync(RoleCatalog.UserAdministrator, parent);
        var target = await given.UserAsync(RoleCatalog.Viewer, child);

        // A national role: refused by validation (the role cannot be granted at an area).
        var national = await (await userAdmin.PostAsync($"/api/v1/users/{target.Id}/grants", new { role = RoleCatalog.SystemAdministrator, scopeKind = "Area", scopeId = child.Id }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(national["errors"]!["scopeKind"]);
        // Registry permissions the user administrator does not hold.
        await (await userAdmin.PostAsync($"/api/v1/users/{target.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = child.Id }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        // Another area: it does not even exist for them.
        var outside = await (await userAdmin.PostAsync($"/api/v1/users/{target.Id}/grants", new { role = RoleCatalog.UserAdministrator, scopeKind = "Area", scopeId = elsewhere.Id }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(outside["errors"]!["scopeId"]);
        // Within the area and with permissions they hold: allowed.
        await (await userAdmin.PostAsync($"/api/v1/users/{target.Id}/grants", new { role = RoleCatalog.UserAdministrator, scopeKind = "Area", scopeId = child.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task UserAdministrator_CannotManageUsersOutsideTheirArea()
    {
        var mine = await given.AreaAsync();
        var theirs = await given.AreaAsync();
        var (userAdmin, _) = await given.SignedInAsync(RoleCatalog.UserAdministrator, mine);
        var stranger = await given.UserAsync(RoleCatalog.Viewer, theirs);

        await (await userAdmin.GetAsync($"/api/v1/users/{stranger.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await userAdmin.PostAsync($"/api/v1/users/{stranger.Id}/deactivate")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await userAdmin.PostAsync($"/api/v1/users/{stranger.Id}/grants", new { role = RoleCatalog.UserAdministrator, scopeKind = "Area", scopeId = mine.Id }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateUser_AppliesThePasswordPolicy_FieldByField()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        foreach (var (password, expected) in new[] { ("short-1", "at least 12"), ("Password1234!", "common"), ("aaaaaaaaaaaaaaaa", "different characters") })
        {
            var problem = await (await admin.PostAsync("/api/v1/users", new { email = $"{Guid.NewGuid():N}@test.lnemis", displayName = "X", password }))
                .ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(expected, problem["errors"]!["password"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var email = $"{Guid.NewGuid():N}@test.lnemis";
        await (await admin.PostAsync("/api/v1/users", new { email, displayName = "New person", password = Given.Password })).ReadJsonAsync(HttpStatusCode.Created);
        var duplicate = await (await admin.PostAsync("/api/v1/users", new { email = email.ToUpperInvariant(), displayName = "Again", password = Given.Password }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["email"]);
    }
}
