using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions.Tests;

public sealed class InstitutionTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static object Fields(string code, string name, Guid areaId, long? version = null, double? latitude = -1.28, double? longitude = 36.82, string[]? levels = null) => new
    {
        code,
        name,
        type = "Primary",
        ownership = "FaithBased",
        levels = levels ?? ["PRIMARY"],
        areaId,
        latitude,
        longitude,
        phone = "+254 700 000000",
        email = "head@school.example",
        infrastructure = new { classroomsUsable = 12, classroomsUnusable = 2, hasWater = true, hasElectricity = true, hasInternet = false, toiletsMale = 6, toiletsFemale = 7, toiletsShared = 0 },
        shift = "Double",
        version,
    };

    [Fact]
    public async Task Create_ReadBack_Update_AndPublishEvents()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var code = Given.Unique("INS");

        var created = await (await officer.PostAsync("/api/v1/institutions", Fields(code.ToLowerInvariant(), "Mbagathi Primary", district.Id))).ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(code, created["code"]!.GetValue<string>());
        Assert.Equal("Open", created["status"]!.GetValue<string>());
        Assert.Equal("Double", created["shift"]!.GetValue<string>());
        Assert.Equal(7, created["infrastructure"]!["toiletsFemale"]!.GetValue<int>());

        var updated = await (await officer.PutAsync($"/api/v1/institutions/{id}", Fields(code, "Mbagathi Primary School", district.Id, version: 1, levels: ["PRIMARY", "PREPRIMARY"])))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["PRIMARY", "PREPRIMARY"], updated["levels"]!.AsArray().Select(l => l!.GetValue<string>()));
        await (await officer.PutAsync($"/api/v1/institutions/{id}", Fields(code, "Stale", district.Id, version: 1))).ReadProblemAsync(HttpStatusCode.Conflict);

        var events = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Payload.Contains(id.ToString())).Select(j => j.Payload).ToListAsync());
        var types = events.Select(p => JsonNode.Parse(p)!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("institution.created", types);
        Assert.Contains("institution.updated", types);

        var changes = await officer.GetJsonAsync($"/api/v1/institutions/{id}/changes");
        Assert.Equal(["update", "create"], changes["items"]!.AsArray().Select(c => c!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MovingASchool_ToAnotherDistrict_TakesItsRecordsAlong_ByTheFormAndByImport()
    {
        await given.StructureAsync();
        var region = await given.AreaAsync();
        var (from, to) = (await given.AreaAsync(region), await given.AreaAsync(region));
        var school = await given.InstitutionAsync(from);
        var learner = await given.LearnerAsync(school);
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, school));
        var (fromOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, from);
        var (toOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, to);
        var (regional, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, region);
        var codes = await factory.WithDbAsync(db => db.Set<Domain.Area>().Where(a => a.Id == from.Id || a.Id == to.Id).ToDictionaryAsync(a => a.Id, a => a.Code));

        async Task AtAsync(TestClient officer, TestClient other, InstitutionsCommands.AreaRef district)
        {
            Assert.Equal(learner, (await officer.GetJsonAsync($"/api/v1/learners/{learner}"))["id"]!.GetValue<Guid>());
            Assert.Contains(learner, (await officer.GetJsonAsync("/api/v1/learners?pageSize=200"))["items"]!.AsArray().Select(l => l!["id"]!.GetValue<Guid>()));
            await (await other.GetAsync($"/api/v1/learners/{learner}")).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(learner, (await other.GetJsonAsync("/api/v1/learners?pageSize=200"))["items"]!.AsArray().Select(l => l!["id"]!.GetValue<Guid>()));
            Assert.Contains(learner, (await head.GetJsonAsync("/api/v1/learners"))["items"]!.AsArray().Select(l => l!["id"]!.GetValue<Guid>()));

            // Nothing scoped is left on the school's old path: every table that carries a scope path was rewritten.
            var paths = await factory.WithDbAsync(async db => new[]
            {
                await db.Set<Domain.Learner>().IgnoreQueryFilters().Where(l => l.Id == learner).Select(l => l.ScopePath).SingleAsync(),
                await db.Set<Domain.Enrolment>().IgnoreQueryFilters().Where(e => e.LearnerId == learner).Select(e => e.ScopePath).FirstOrDefaultAsync() ?? district.Path,
                await db.Set<RoleGrant>().Where(g => g.ScopeId == school.Id).Select(g => g.ScopePath).SingleAsync(),
            });
            Assert.All(paths, p => Assert.StartsWith(district.Path, p, StringComparison.Ordinal));
        }

        await AtAsync(fromOfficer, toOfficer, from);
        var read = await regional.GetJsonAsync($"/api/v1/institutions/{school.Id}");
        var code = read["code"]!.GetValue<string>();
        await (await regional.PutAsync($"/api/v1/institutions/{school.Id}", Fields(code, "Moved Primary", to.Id, version: read["version"]!.GetValue<long>())))
            .ReadJsonAsync(HttpStatusCode.OK);
        await AtAsync(toOfficer, fromOfficer, to);

        // An import that names the first district moves it back, records and all.
        var csv = $"code,name,type,ownership,areaCode,levels\n{code},Moved Primary,Primary,Public,{codes[from.Id]},PRIMARY\n";
        var imported = await ImportTests.ImportAsync(regional, "institutions", "back.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        Assert.Equal(1, ImportTests.Count(imported, "updated"));
        await AtAsync(fromOfficer, toOfficer, from);

        // Each move queued its repair. A learner written from the school's old path meanwhile (a registration
        // that read the school before the move committed) is put right when the repair runs.
        var repairs = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Type.EndsWith("InstitutionMove+RepairMessage") && j.Payload.Contains(school.Id.ToString())).CountAsync());
        Assert.Equal(2, repairs);
        var late = await given.LearnerAsync(school);
        var stale = Domain.Institution.PathFor(to.Path, school.Id);
        await factory.WithDbAsync(db => db.Set<Domain.Learner>().IgnoreQueryFilters().Where(l => l.Id == late).ExecuteUpdateAsync(set => set.SetProperty(l => l.ScopePath, stale)));
        await factory.AsSystemAsync(sp => sp.GetRequiredService<Features.Institutions.InstitutionMove.RepairHandler>()
            .HandleAsync(new(school.Id, stale), new(Guid.NewGuid(), 1), CancellationToken.None));
        Assert.StartsWith(from.Path, await factory.WithDbAsync(db => db.Set<Domain.Learner>().IgnoreQueryFilters().Where(l => l.Id == late).Select(l => l.ScopePath).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFields_AreReportedFieldByField()
    {
        await given.StructureAsync();
        var county = await given.AreaAsync();
        var district = await given.AreaAsync(county);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, county);
        var existing = await given.InstitutionAsync(district);
        var existingCode = await factory.WithDbAsync(db => db.Set<Domain.Institution>().Where(i => i.Id == existing.Id).Select(i => i.Code).SingleAsync());

        var invalid = await (await officer.PostAsync("/api/v1/institutions", Fields("", "X", district.Id, latitude: 95, longitude: null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["code"]);
        Assert.NotNull(invalid["errors"]!["latitude"]);
        Assert.NotNull(invalid["errors"]!["longitude"]);

        var nonLeaf = await (await officer.PostAsync("/api/v1/institutions", Fields(Given.Unique("I"), "X", county.Id))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(nonLeaf["errors"]!["areaId"]);
        var duplicate = await (await officer.PostAsync("/api/v1/institutions", Fields(existingCode, "X", district.Id, levels: ["NOSUCHLEVEL"]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["code"]);
        Assert.NotNull(duplicate["errors"]!["levels"]);
        var badEnum = await (await officer.PostAsync("/api/v1/institutions", new { code = "Z1", name = "X", type = "Castle", ownership = "Public", areaId = district.Id }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badEnum["errors"]);
    }

    [Fact]
    public async Task CloseMergeReopen_KeepTheHistory_AndAreForTheAreaNotTheHeadTeacher()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var small = await given.InstitutionAsync(district, "Small School");
        var big = await given.InstitutionAsync(district, "Big School");
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, small));

        await (await head.PostAsync($"/api/v1/institutions/{small.Id}/close", new { reason = "Mine", version = 1 })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var withoutSuccessor = await (await officer.PostAsync($"/api/v1/institutions/{small.Id}/merge", new { reason = "Consolidation", version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(withoutSuccessor["errors"]!["successorId"]);

        var merged = await (await officer.PostAsync($"/api/v1/institutions/{small.Id}/merge", new { reason = "Consolidation", successorId = big.Id, effectiveOn = "2026-09-01", version = 1 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Merged", merged["status"]!.GetValue<string>());
        Assert.Equal(big.Id, merged["successorId"]!.GetValue<Guid>());
        await (await officer.PostAsync($"/api/v1/institutions/{small.Id}/close", new { reason = "Again", version = 2 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var successor = await officer.GetJsonAsync($"/api/v1/institutions/{big.Id}");
        Assert.Contains(small.Id, successor["predecessors"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        await (await officer.DeleteAsync($"/api/v1/institutions/{big.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);

        var reopened = await (await officer.PostAsync($"/api/v1/institutions/{small.Id}/reopen", new { reason = "Split again", version = 2 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", reopened["status"]!.GetValue<string>());
        Assert.Equal(["Merged", "Open"], reopened["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));
        Assert.True(await factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Payload.Contains("institution.closed") && j.Payload.Contains(small.Id.ToString()))));
    }

    [Fact]
    public async Task HeadTeacher_EditsOwnSchool_ButSeesNoOther()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var own = await given.InstitutionAsync(district);
        var other = await given.InstitutionAsync(district);
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, own));

        var detail = await head.GetJsonAsync($"/api/v1/institutions/{own.Id}");
        var code = detail["code"]!.GetValue<string>();
        await (await head.PutAsync($"/api/v1/institutions/{own.Id}", Fields(code, "Renamed by head", district.Id, version: 1))).ReadJsonAsync(HttpStatusCode.OK);
        await (await head.GetAsync($"/api/v1/institutions/{other.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var list = await head.GetJsonAsync("/api/v1/institutions");
        Assert.Equal([own.Id], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        // The district is outside a head teacher's scope: it does not exist for them.
        var create = await (await head.PostAsync("/api/v1/institutions", Fields(Given.Unique("I"), "New", district.Id))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(create["errors"]!["areaId"]);
    }

    [Fact]
    public async Task Search_IgnoresCaseAndAccents_AndFiltersByAreaTypeAndStatus()
    {
        await given.StructureAsync();
        var county = await given.AreaAsync();
        var east = await given.AreaAsync(county);
        var west = await given.AreaAsync(county);
        var marker = Guid.NewGuid().ToString("N")[..6];
        var ecole = await given.InstitutionAsync(east, $"École Sainte-Thérèse {marker}");
        var other = await given.InstitutionAsync(west, $"Ecole du Lac {marker}");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, county);

        async Task<List<Guid>> FindAsync(string query) =>
            (await officer.GetJsonAsync("/api/v1/institutions?" + query))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

        Assert.Equal([ecole.Id], await FindAsync($"q=sainte-therese {marker}"));
        Assert.Equal(2, (await FindAsync($"q=ECOLE+{marker}".Replace("+", "%20", StringComparison.Ordinal))).Count);
        Assert.Equal([other.Id], await FindAsync($"q={marker}&areaId={west.Id}"));
        Assert.Empty(await FindAsync($"q={marker}&type=Secondary"));
        Assert.Equal(2, (await FindAsync($"q={marker}&status=open&level=primary")).Count);
        Assert.Empty(await FindAsync("q=%25%25%25_"));

        var problem = await (await officer.GetAsync("/api/v1/institutions?type=Castle&sort=size")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["type"]);
        Assert.NotNull(problem["errors"]!["sort"]);
    }
}
