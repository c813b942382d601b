using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Institutions.Tests;

public sealed class StructureTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Levels_ListInOrder_WithGradesAndOfficialAges()
    {
        await given.StructureAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.Viewer, await given.AreaAsync());

        var levels = (await client.GetJsonAsync("/api/v1/education/levels")).AsArray();
        var codes = levels.Select(l => l!["code"]!.GetValue<string>()).ToList();
        Assert.True(codes.IndexOf("PREPRIMARY") < codes.IndexOf("PRIMARY") && codes.IndexOf("PRIMARY") < codes.IndexOf("LOWERSEC"));
        var primary = levels.Single(l => l!["code"]!.GetValue<string>() == "PRIMARY")!;
        Assert.Equal(1, primary["iscedLevel"]!.GetValue<int>());
        var grades = primary["grades"]!.AsArray();
        Assert.Equal(6, grades.Count);
        Assert.Equal(6, grades[0]!["officialAge"]!.GetValue<int>());
        Assert.Equal(11, grades[5]!["officialAge"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateLevel_ChecksItsFields_AndOnlyAdministratorsMayEdit()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var code = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var bad = await (await admin.PostAsync("/api/v1/education/levels", new { code, name = "Tertiary", iscedLevel = 9, entranceAge = 18, durationYears = 3, sequence = 9, grades = new[] { "Year 1" } }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["iscedLevel"]);
        Assert.NotNull(bad["errors"]!["grades"]);

        var created = await (await admin.PostAsync("/api/v1/education/levels", new { code, name = "Tertiary", iscedLevel = 6, entranceAge = 18, durationYears = 3, sequence = 9 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{code}-3", created["grades"]![2]!["code"]!.GetValue<string>());
        var id = created["id"]!.GetValue<Guid>();

        await (await admin.PutAsync($"/api/v1/education/levels/{id}", new { name = "Bachelor", iscedLevel = 6, entranceAge = 18, sequence = 9, version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        await (await admin.PutAsync($"/api/v1/education/levels/{id}", new { name = "Stale", iscedLevel = 6, entranceAge = 18, sequence = 9, version = 1 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        await (await officer.PostAsync("/api/v1/education/levels", new { code = code + "X", name = "No", iscedLevel = 1, entranceAge = 6, durationYears = 1, sequence = 1 }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AcademicYears_DoNotOverlap_AndTermsStayInside()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var year = 2100 + Random.Shared.Next(0, 800);
        var start = new DateOnly(year, 1, 10);
        var outside = await (await admin.PostAsync("/api/v1/education/years", new
        {
            code = $"{year}",
            name = "Y",
            startsOn = start,
            endsOn = start.AddMonths(11),
            terms = new[] { new { name = "T1", startsOn = start.AddDays(-3), endsOn = start.AddMonths(2) } },
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(outside["errors"]!["terms"]);

        var created = await (await admin.PostAsync("/api/v1/education/years", new
        {
            code = $"{year}",
            name = $"School year {year}",
            startsOn = start,
            endsOn = start.AddMonths(11),
            terms = new[] { new { name = "T1", startsOn = start, endsOn = start.AddMonths(3) }, new { name = "T2", startsOn = start.AddMonths(4), endsOn = start.AddMonths(7) } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created["terms"]!.AsArray().Count);

        var overlap = await (await admin.PostAsync("/api/v1/education/years", new { code = $"{year}B", name = "Overlap", startsOn = start.AddMonths(6), endsOn = start.AddMonths(14) }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(overlap["errors"]!["startsOn"]);

        var id = created["id"]!.GetValue<Guid>();
        var renamed = await (await admin.PutAsync($"/api/v1/education/years/{id}", new { code = $"{year}", name = "Renamed", startsOn = start, endsOn = start.AddMonths(11), version = 1 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed", renamed["name"]!.GetValue<string>());
        Assert.Empty(renamed["terms"]!.AsArray());
    }
}
