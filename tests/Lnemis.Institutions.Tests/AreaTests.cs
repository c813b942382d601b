using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

public sealed class AreaTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static Guid[] Ids(JsonNode page) => page["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToArray();

    [Fact]
    public async Task Move_CarriesTheSubtree_AndGrantsFollowTheirArea()
    {
        var north = await given.AreaAsync();
        var south = await given.AreaAsync();
        var district = await given.AreaAsync(north);
        var ward = await given.AreaAsync(district);
        var school = await given.InstitutionAsync(ward);
        var learner = await given.LearnerAsync(school);
        var (districtOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var (northOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, north);
        var (southOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, south);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        Assert.Contains(learner, Ids(await northOfficer.GetJsonAsync("/api/v1/learners?status=Active")));

        await (await districtOfficer.PostAsync($"/api/v1/areas/{district.Id}/move", new { parentId = south.Id, version = 1 })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var below = await (await admin.PostAsync($"/api/v1/areas/{north.Id}/move", new { parentId = ward.Id, version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(below["errors"]!["parentId"]);
        await (await admin.PostAsync($"/api/v1/areas/{district.Id}/move", new { parentId = south.Id, version = 7 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var moved = await (await admin.PostAsync($"/api/v1/areas/{district.Id}/move", new { parentId = south.Id, version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(south.Id, moved["parentId"]!.GetValue<Guid>());
        Assert.Equal(1, moved["level"]!.GetValue<int>());

        var (wardPath, schoolPath, learnerPath) = await factory.WithDbAsync(async db => (
            await db.Set<Area>().Where(a => a.Id == ward.Id).Select(a => a.ScopePath).SingleAsync(),
            await db.Set<Institution>().Where(i => i.Id == school.Id).Select(i => i.ScopePath).SingleAsync(),
            await db.Set<Learner>().Where(l => l.Id == learner).Select(l => l.ScopePath).SingleAsync()));
        var districtPath = south.Path + district.Id.ToString("N") + "/";
        Assert.Equal(districtPath + ward.Id.ToString("N") + "/", wardPath);
        Assert.StartsWith(wardPath, schoolPath, StringComparison.Ordinal);
        Assert.Equal(schoolPath, learnerPath);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<Area>().Where(a => a.Id == ward.Id).Select(a => a.Level).SingleAsync()));

        // The district officer's grant moved with the district; the regions swapped who sees the school.
        Assert.Contains(learner, Ids(await districtOfficer.GetJsonAsync("/api/v1/learners")));
        Assert.Contains(learner, Ids(await southOfficer.GetJsonAsync("/api/v1/learners")));
        Assert.DoesNotContain(learner, Ids(await northOfficer.GetJsonAsync("/api/v1/learners")));
        await (await northOfficer.GetAsync($"/api/v1/institutions/{school.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        // The move is in the audit log with the old and new parent.
        var audit = await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.EntityId == district.Id.ToString()).OrderBy(r => r.Sequence).ToListAsync());
        Assert.Contains(audit, r => r.Changes!.Contains(south.Id.ToString(), StringComparison.Ordinal) && r.Changes.Contains(north.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Top_ListsTheAreasWhoseParentTheCallerCannotSee()
    {
        var region = await given.AreaAsync();
        var district = await given.AreaAsync(region);
        await given.AreaAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);

        Assert.Equal([district.Id], Ids(await officer.GetJsonAsync("/api/v1/areas?top=true")));
        var national = Ids(await admin.GetJsonAsync("/api/v1/areas?top=true&pageSize=200&search=" + region.Name));
        Assert.Equal([region.Id], national);
    }
}
