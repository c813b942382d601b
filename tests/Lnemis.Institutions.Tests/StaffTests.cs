using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Institutions.Tests;

public sealed class StaffTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static object Fields(Guid institutionId, string number, string category = "Teaching", string? teachingLevel = "PRIMARY",
        string[]? qualifiedFor = null, string dateOfBirth = "1988-06-01", long? version = null) => new
        {
            staffNumber = number,
            givenName = "Achieng",
            familyName = "Otieno",
            sex = "Female",
            dateOfBirth,
            category,
            phone = "+254 722 000000",
            qualifications = new[] { new { name = "Diploma in Education", year = 2010, levels = qualifiedFor ?? ["PRIMARY"] } },
            institutionId,
            position = "Class teacher",
            teachingLevel,
            startsOn = "2024-01-08",
            version,
        };

    [Fact]
    public async Task QualifiedForTheLevelTaught_IsDerived()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var qualified = await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, Given.Unique("TSC")))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(qualified["qualifiedForLevelTaught"]!.GetValue<bool>());
        Assert.Equal("Class teacher", qualified["postings"]![0]!["position"]!.GetValue<string>());
        var unqualified = await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, Given.Unique("TSC"), teachingLevel: "LOWERSEC"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.False(unqualified["qualifiedForLevelTaught"]!.GetValue<bool>());
        var cook = await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, Given.Unique("NT"), category: "NonTeaching", teachingLevel: null))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Null(cook["qualifiedForLevelTaught"]);

        var teachers = await officer.GetJsonAsync($"/api/v1/staff?institutionId={school.Id}&category=teaching");
        Assert.Equal(2, teachers["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadFields_AreReportedFieldByField()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var number = Given.Unique("TSC");
        await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, number))).ReadJsonAsync(HttpStatusCode.Created);

        var duplicate = await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, number.ToLowerInvariant(), teachingLevel: "NOPE"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["staffNumber"]);
        Assert.NotNull(duplicate["errors"]!["teachingLevel"]);
        var young = await (await officer.PostAsync("/api/v1/staff", Fields(school.Id, Given.Unique("TSC"), dateOfBirth: "2020-01-01"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(young["errors"]!["dateOfBirth"]);
    }

    [Fact]
    public async Task Transfer_KeepsThePostingHistory_AndMovesTheScope()
    {
        await given.StructureAsync();
        var county = await given.AreaAsync();
        var east = await given.AreaAsync(county);
        var west = await given.AreaAsync(county);
        var from = await given.InstitutionAsync(east);
        var to = await given.InstitutionAsync(west);
        var (countyOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, county);
        var created = await (await countyOfficer.PostAsync("/api/v1/staff", Fields(from.Id, Given.Unique("TSC")))).ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var headFrom = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, from));

        await (await headFrom.PostAsync($"/api/v1/staff/{id}/transfer", new { institutionId = to.Id, startsOn = "2026-01-05", version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var early = await (await countyOfficer.PostAsync($"/api/v1/staff/{id}/transfer", new { institutionId = to.Id, startsOn = "2023-01-05", version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(early["errors"]!["startsOn"]);

        var moved = await (await countyOfficer.PostAsync($"/api/v1/staff/{id}/transfer", new { institutionId = to.Id, startsOn = "2026-01-05", version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        var postings = moved["postings"]!.AsArray();
        Assert.Equal(2, postings.Count);
        Assert.Equal(to.Id, postings[0]!["institutionId"]!.GetValue<Guid>());
        Assert.Equal("2026-01-04", postings[1]!["endsOn"]!.GetValue<string>());
        await (await headFrom.GetAsync($"/api/v1/staff/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var headTo = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, to));
        await (await headTo.GetAsync($"/api/v1/staff/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        await (await countyOfficer.PutAsync($"/api/v1/staff/{id}", Fields(to.Id, created["staffNumber"]!.GetValue<string>(), version: 1))).ReadProblemAsync(HttpStatusCode.Conflict);
    }
}
