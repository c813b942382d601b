using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

/// <summary>
/// The learner list's name search (ADR 0032): each typed word begins a word of the names, in any
/// order, accents and case ignored; results in the list's order, each learner once. PostgreSQL reads
/// the trigger-kept name-word index, SQLite LIKE patterns: the same tests hold for both.
/// </summary>
public sealed class LearnerNameSearchTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    /// <summary>A word no other test's learner begins with (letters only, so it stays one word).</summary>
    private static string Marker() => "Q" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));

    private static object Fields(Guid institutionId, string given, string family, long? version = null) => new
    {
        givenName = given,
        familyName = family,
        sex = "Female",
        dateOfBirth = "2015-03-04",
        hasBirthCertificate = true,
        institutionId,
        confirmedNotDuplicate = true,
        version,
    };

    /// <summary>A learner written straight to the database (many at once, no duplicate check), with its search text.</summary>
    private static Learner Written(Guid institutionId, string scopePath, string given, string family, Sex sex, DateOnly born) => new()
    {
        Id = Guid.CreateVersion7(),
        LearnerNumber = LearnerNumbers.Issue(),
        GivenName = given,
        FamilyName = family,
        Sex = sex,
        DateOfBirth = born,
        InstitutionId = institutionId,
        ScopePath = scopePath,
        SearchText = $"{given.ToLowerInvariant()} {family.ToLowerInvariant()}",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static List<string> Families(JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["familyName"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task TypedWords_BeginNameWords_InAnyOrder_ResultsInListOrder_EachLearnerOnce()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var m = Marker();
        async Task<JsonNode> AddAsync(string givenName, string family) =>
            await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, givenName, family))).ReadJsonAsync(HttpStatusCode.Created);

        var kariuki = await AddAsync("Amani", m + "Kariuki");
        await AddAsync("Zawadi", m + "Achieng");
        var both = await AddAsync(m + "Juma", m + "Otieno"); // two of its words begin with the marker
        await AddAsync("Éloïse", m + "Dupont");

        // The marker begins four family names and one given name: four learners, in family-name order, each once.
        var all = await officer.GetJsonAsync($"/api/v1/learners?q={m.ToLowerInvariant()}");
        Assert.Equal([m + "Achieng", m + "Dupont", m + "Kariuki", m + "Otieno"], Families(all));
        Assert.Equal(4, all["total"]!.GetValue<int>());

        Assert.Equal([m + "Kariuki"], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}kar")));
        Assert.Equal([m + "Otieno"], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}JU")));
        // Two words, either order, each the beginning of a different name word.
        Assert.Equal([m + "Achieng"], Families(await officer.GetJsonAsync($"/api/v1/learners?q=zaw%20{m}")));
        Assert.Equal([m + "Achieng"], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}ach%20zawadi")));
        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}ach%20amani")));
        // Accents and case are ignored.
        Assert.Equal([m + "Dupont"], Families(await officer.GetJsonAsync($"/api/v1/learners?q=ELO%20{m}")));
        // The middle of a word is not the beginning of one.
        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?q={m[1..]}kariuki")));
        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}xyz")));

        // A rename is searchable at once under the new name and no longer under the old one.
        await (await officer.PutAsync($"/api/v1/learners/{kariuki["id"]}", Fields(school.Id, "Amani", m + "Kimani", version: kariuki["version"]!.GetValue<long>())))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}kar")));
        Assert.Equal([m + "Kimani"], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}kim%20amani")));

        // Paging goes through the merged words in the same order.
        var second = await officer.GetJsonAsync($"/api/v1/learners?q={m}&page=2&pageSize=3");
        Assert.Equal([m + "Otieno"], Families(second));

        if (factory.Database.IsPostgres)
        {
            // The index follows a learner's removal too (the triggers run on every statement, bulk ones included).
            var id = both["id"]!.GetValue<Guid>();
            var left = await factory.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM institutions.learners WHERE id = {id}");
                return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM institutions.learner_name_words WHERE learner_id = {id}").SingleAsync();
            });
            Assert.Equal(0, left);
            Assert.Equal([m + "Achieng", m + "Dupont", m + "Kimani"], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}")));
        }
    }

    [Fact]
    public async Task TwoWords_FindTheLearnersNamedByBoth_HoweverManyNamesTheyHave()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var m = Marker();
        async Task AddAsync(string givenName, string family, string? other = null) =>
            await (await officer.PostAsync("/api/v1/learners", new
            {
                givenName,
                otherNames = other,
                familyName = family,
                sex = "Male",
                dateOfBirth = "2014-06-01",
                hasBirthCertificate = true,
                institutionId = school.Id,
                confirmedNotDuplicate = true,
            })).ReadJsonAsync(HttpStatusCode.Created);

        await AddAsync("Baraka", m + "Otieno", other: "Barasa"); // two words begin with "bara"
        await AddAsync("Baraka", m + "Omondi");
        await AddAsync("Barnabas", m + "Otieno");
        await AddAsync("Ann", m + "Anna");
        await AddAsync("Anna", m + "Wanjiru");
        // Nine names: found as well, by any two of them.
        await AddAsync("One", m + "Many", other: "Two Three Four Five Six Seven Eight");

        string Shown(JsonNode page) => string.Join(' ', page["items"]!.AsArray().Select(i => i!["givenName"] + "/" + i["familyName"]!.GetValue<string>()[m.Length..])) + " = " + page["total"];
        async Task<string> SearchAsync(string q, string paging = "") => Shown(await officer.GetJsonAsync("/api/v1/learners?q=" + Uri.EscapeDataString(q) + paging));

        Assert.Equal("Baraka/Omondi Baraka/Otieno = 2", await SearchAsync($"bara {m}"));
        Assert.Equal("Baraka/Otieno Barnabas/Otieno = 2", await SearchAsync($"{m}otieno bar"));
        Assert.Equal("Baraka/Otieno = 1", await SearchAsync($"barasa {m}"));
        Assert.Equal("Baraka/Otieno = 1", await SearchAsync($"bara barasa {m}o"));
        Assert.Equal("Baraka/Otieno = 1", await SearchAsync($"{m}ot baraka barasa"));
        Assert.Equal(" = 0", await SearchAsync($"barn {m}om"));
        // One typed word begins the other: each must begin a name word, the same one or not.
        Assert.Equal("Anna/Wanjiru = 1", await SearchAsync($"ann anna {m}"));
        Assert.Equal("Ann/Anna Anna/Wanjiru = 2", await SearchAsync($"{m} ann"));
        Assert.Equal("One/Many = 1", await SearchAsync($"seven {m}"));
        Assert.Equal("One/Many = 1", await SearchAsync($"thr fiv"));
        Assert.Equal("One/Many = 1", await SearchAsync($"eight {m}ma one"));
        Assert.Equal(" = 0", await SearchAsync($"nine {m}ma"));

        // Paging through a two-word search keeps the list order.
        Assert.Equal("Baraka/Otieno = 3", await SearchAsync($"{m} bar", "&page=2&pageSize=1"));
    }

    [Fact]
    public async Task TwoWords_WhoseSecondBeginsManyNames_StayInListOrder_PageByPage()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        // The given name all of them share sorts before the family names: the pair keys are " g m…" (PostgreSQL).
        var g = "Qa" + Marker()[1..];
        var m = "Qz" + Marker()[1..];

        // 40 family names beginning with the marker (more pair keys under "g" than are read one by one),
        // added out of order; and, under the same given name, 3 more learners of one family name.
        var families = Enumerable.Range(0, 40).Select(i => m + (char)('a' + (i * 7 % 40 / 26)) + (char)('a' + (i * 7 % 40 % 26))).ToList();
        foreach (var family in families.Concat(Enumerable.Repeat(m + "zz", 3)))
        {
            await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, g, family))).ReadJsonAsync(HttpStatusCode.Created);
        }

        async Task<(List<string> Families, int Total)> SearchAsync(string q, int page, int size)
        {
            var json = await officer.GetJsonAsync($"/api/v1/learners?q={Uri.EscapeDataString(q)}&page={page}&pageSize={size}");
            return (Families(json), json["total"]!.GetValue<int>());
        }

        var expected = families.Order(StringComparer.Ordinal).Append(m + "zz").Append(m + "zz").Append(m + "zz").ToList();
        // 41 pair keys under "g m…": each range is read whole and sorted.
        var many = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            var (items, total) = await SearchAsync($"{g} {m}", page, 10);
            Assert.Equal(43, total);
            many.AddRange(items);
        }

        Assert.Equal(expected, many);
        // A few keys ("g m…b…": 14 family names, "g m…zz": one) are read key by key, merged in list order.
        var (fewKeys, fewTotal) = await SearchAsync($"{g} {m}b", 1, 20);
        Assert.Equal(expected.Where(f => f.StartsWith(m + "b", StringComparison.Ordinal)).ToList(), fewKeys);
        Assert.Equal(14, fewTotal);
        var (one, oneTotal) = await SearchAsync($"{m}zz {g}", 2, 2);
        Assert.Equal([m + "zz"], one);
        Assert.Equal(3, oneTotal);
    }

    [Fact]
    public async Task APrefixOfManyWords_IsSortedInstead_AndOutOfScopeLearnersStayHidden()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var elsewhere = await given.InstitutionAsync(await given.AreaAsync());
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var m = Marker();
        await factory.WithDbAsync(async db =>
        {
            var paths = await db.Set<Institution>().Where(i => i.Id == school.Id || i.Id == elsewhere.Id).ToDictionaryAsync(i => i.Id, i => i.ScopePath);
            db.RowAuditSuppressed = true;

            // Forty family names begin with the marker: more than the search merges word by word.
            for (var i = 0; i < 41; i++)
            {
                var at = i == 40 ? elsewhere.Id : school.Id;
                var family = $"{m}{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}";
                db.Add(Written(at, paths[at], "Many", family, Sex.Female, new DateOnly(2014, 1, 1).AddDays(i)));
            }

            return await db.SaveChangesAsync();
        });

        var expected = Enumerable.Range(0, 40).Select(i => $"{m}{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}").ToList();
        var first = await officer.GetJsonAsync($"/api/v1/learners?q={m}&pageSize=25");
        Assert.Equal(40, first["total"]!.GetValue<int>());
        Assert.Equal(expected[..25], Families(first));
        var second = await officer.GetJsonAsync($"/api/v1/learners?q={m}&pageSize=25&page=2");
        Assert.Equal(expected[25..], Families(second));
        Assert.Equal(expected[26..], Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}b%20many")));

        // The forty-first is in another district: not found, however it is asked for.
        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?q={m}bo")));
    }

    [Fact]
    public async Task AnAreasList_PagesAlike_WhenOneSchoolHoldsMostOfItsFirstLearners()
    {
        // The merge bounds a page by the first rows of each school (LearnerAreaPage.MergeParameters): a school
        // holding most of a page's learners is read on past its first rows, with and without that bound.
        var district = await given.AreaAsync();
        var schools = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            schools.Add((await given.InstitutionAsync(district)).Id);
        }

        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var names = Enumerable.Range(1, 20).Select(i => (Family: $"Mango{i:D2}", School: schools[0]))
            .Concat(new (string Family, Guid School)[] { ("Apple", schools[1]), ("Mango10b", schools[2]), ("Zebra", schools[3]), ("Mango03a", schools[4]) })
            .ToList();
        await factory.WithDbAsync(async db =>
        {
            var paths = await db.Set<Institution>().Where(i => schools.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ScopePath);
            db.RowAuditSuppressed = true;
            foreach (var (family, school) in names)
            {
                db.Add(Written(school, paths[school], "Ann", family, Sex.Female, new DateOnly(2015, 3, 4)));
            }

            return await db.SaveChangesAsync();
        });

        var expected = names.Select(n => n.Family).Order(StringComparer.Ordinal).ToList();
        foreach (var size in new[] { 1, 2, 3, 4, 7, 10, 30 })
        {
            var listed = new List<string>();
            for (var page = 1; ; page++)
            {
                var body = await officer.GetJsonAsync($"/api/v1/learners?areaId={district.Id}&pageSize={size}&page={page}");
                Assert.Equal(24, body["total"]!.GetValue<int>());
                var families = Families(body);
                if (families.Count == 0)
                {
                    break;
                }

                Assert.True(families.Count == size || listed.Count + families.Count == 24, $"page {page} of {size}: {families.Count} learners");
                listed.AddRange(families);
            }

            Assert.Equal(expected, listed);
        }
    }

    [Fact]
    public async Task PagesPastTheCountedThousand_StillServeTheirLearners()
    {
        // The count stops at 1,001 ("1,000+"); the pages go on to 10,000, by name and by area alike.
        var district = await given.AreaAsync();
        var (a, b) = (await given.InstitutionAsync(district), await given.InstitutionAsync(district));
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var m = Marker();
        await factory.WithDbAsync(async db =>
        {
            var paths = await db.Set<Institution>().Where(i => i.Id == a.Id || i.Id == b.Id).ToDictionaryAsync(i => i.Id, i => i.ScopePath);
            db.RowAuditSuppressed = true;
            for (var i = 0; i < 1_250; i++)
            {
                var at = i % 2 == 0 ? a.Id : b.Id;
                var family = $"Deep{i:D4}";
                db.Add(Written(at, paths[at], m, family, Sex.Male, new DateOnly(2013, 1, 1).AddDays(i % 300)));
            }

            return await db.SaveChangesAsync();
        });

        var expected = Enumerable.Range(1_200, 50).Select(i => $"Deep{i:D4}").ToList();
        foreach (var query in new[] { $"areaId={district.Id}", "", $"q={m}" })
        {
            var page = await officer.GetJsonAsync($"/api/v1/learners?{query}&pageSize=200&page=7");
            Assert.Equal(expected, Families(page));
            Assert.Equal(1_000, page["total"]!.GetValue<int>());
            Assert.False(page["totalExact"]!.GetValue<bool>());
            Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?{query}&pageSize=200&page=8")));
        }
    }

    [Fact]
    public async Task TheOtherFilters_NarrowANameSearch_AndCountsFollowThem()
    {
        var district = await given.AreaAsync();
        var (first, second) = (await given.InstitutionAsync(district), await given.InstitutionAsync(district));
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var m = Marker();
        foreach (var (givenName, family, sex, born, school) in new[]
        {
            ("Ana", "Alpha", "Female", "2015-03-04", first.Id),
            ("Ben", "Beta", "Male", "2012-01-01", second.Id),
            ("Cara", "Gamma", "Female", "2010-05-05", second.Id),
        })
        {
            await (await officer.PostAsync("/api/v1/learners", new
            {
                givenName,
                familyName = m + family,
                sex,
                dateOfBirth = born,
                hasBirthCertificate = true,
                institutionId = school,
                confirmedNotDuplicate = true,
            })).ReadJsonAsync(HttpStatusCode.Created);
        }

        // The families found, in list order, and the total ("Alpha Gamma / 2").
        string Shown(JsonNode page) => string.Join(' ', Families(page).Select(f => f[m.Length..])) + " / " + page["total"];
        async Task<string> SearchAsync(string filters) => Shown(await officer.GetJsonAsync($"/api/v1/learners?q={m}&{filters}"));

        Assert.Equal("Alpha Gamma / 2", await SearchAsync("sex=Female"));
        Assert.Equal("Beta Gamma / 2", await SearchAsync($"institutionId={second.Id}"));
        Assert.Equal("Alpha Beta / 2", await SearchAsync("bornFrom=2012-01-01"));
        Assert.Equal("Gamma / 1", await SearchAsync("bornTo=2011-12-31&sex=Female"));
        Assert.Equal("Alpha Beta Gamma / 3", await SearchAsync($"areaId={district.Id}"));
        Assert.Equal("Beta / 1", await SearchAsync($"institutionId={second.Id}&sex=Male"));
        // Two typed words, with a filter: the count and the page come from one read.
        var both = await officer.GetJsonAsync($"/api/v1/learners?q=cara%20{m}&institutionId={second.Id}");
        Assert.Equal("Gamma / 1", Shown(both));
        Assert.Equal(" / 0", await SearchAsync("status=Merged"));

        // A learner of another district, found by every path for its own officer and by none for this one (with the
        // school names joined into the pages, a join that dropped the learners' scope filter would show it here).
        var elsewhere = await given.AreaAsync();
        var (foreign, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, elsewhere);
        var far = await given.InstitutionAsync(elsewhere);
        await (await foreign.PostAsync("/api/v1/learners", new
        {
            givenName = "Dina",
            familyName = m + "Delta",
            sex = "Female",
            dateOfBirth = "2015-03-04",
            hasBirthCertificate = true,
            institutionId = far.Id,
            confirmedNotDuplicate = true,
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Alpha Gamma / 2", await SearchAsync("sex=Female"));
        Assert.Equal("Alpha Beta Gamma / 3", Shown(await officer.GetJsonAsync($"/api/v1/learners?q={m}")));
        Assert.Equal("Alpha Gamma / 2", Shown(await officer.GetJsonAsync("/api/v1/learners?sex=Female&bornTo=2016-01-01")));
        Assert.Equal("Delta / 1", Shown(await foreign.GetJsonAsync("/api/v1/learners?sex=Female&bornTo=2016-01-01")));
        Assert.Equal("Delta / 1", Shown(await foreign.GetJsonAsync($"/api/v1/learners?q={m}")));

        // Every path names each learner's school, row by row in list order: one word (its page joins
        // the names), two words (their whole-list read, named after), a school's list (the generic path).
        string Schools(JsonNode page) => string.Join(' ', page["items"]!.AsArray().Select(l => l!["institutionName"]!.GetValue<string>()));
        Assert.Equal($"{first.Name} {second.Name} {second.Name}", Schools(await officer.GetJsonAsync($"/api/v1/learners?q={m}")));
        Assert.Equal(second.Name, Schools(await officer.GetJsonAsync($"/api/v1/learners?q={m}&page=2&pageSize=1")));
        Assert.Equal(second.Name, Schools(both));
        Assert.Equal($"{second.Name} {second.Name}", Schools(await officer.GetJsonAsync($"/api/v1/learners?institutionId={second.Id}&pageSize=2")));
        Assert.Equal($"{first.Name} {second.Name}", Schools(await officer.GetJsonAsync($"/api/v1/learners?sex=Female&q={m}")));
        var generic = await officer.GetJsonAsync($"/api/v1/learners?institutionId={first.Id}&status=Active");
        Assert.Equal([m + "Alpha"], Families(generic));
        Assert.Equal(first.Name, Schools(generic));
    }

    [Fact]
    public async Task AnAreasList_MergesItsSchools_InListOrder_PageByPage()
    {
        // PostgreSQL merges the schools' ranges of the scope index (LearnerAreaPage); SQLite walks the list: the same pages.
        var region = await given.AreaAsync();
        var district = await given.AreaAsync(region);
        var (a, b, c) = (await given.InstitutionAsync(district), await given.InstitutionAsync(district), await given.InstitutionAsync(district));
        var sibling = await given.AreaAsync(region);
        var elsewhere = await given.InstitutionAsync(sibling);
        var (officer, officerUser) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var (national, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        foreach (var (family, school) in new[]
        {
            ("Davis", a.Id), ("Adams", b.Id), ("Frank", c.Id), ("Baker", a.Id), ("Evans", b.Id), ("Clark", c.Id), ("Cole", elsewhere.Id),
        })
        {
            await (await national.PostAsync("/api/v1/learners", Fields(school, "Ann", family))).ReadJsonAsync(HttpStatusCode.Created);
        }

        async Task<string> PageAsync(TestClient client, int page, bool named = true)
        {
            var body = await client.GetJsonAsync($"/api/v1/learners?{(named ? $"areaId={district.Id}&" : "")}pageSize=2&page={page}");
            return string.Join(' ', Families(body)) + " / " + body["total"];
        }

        // The officer's own list (no area named) is their district's: served the same way from their grant.
        foreach (var (client, named) in new[] { (officer, true), (national, true), (officer, false) })
        {
            Assert.Equal("Adams Baker / 6", await PageAsync(client, 1, named));
            Assert.Equal("Clark Davis / 6", await PageAsync(client, 2, named));
            Assert.Equal("Evans Frank / 6", await PageAsync(client, 3, named));
            Assert.Equal(" / 6", await PageAsync(client, 4, named));
        }

        // The region is outside the officer's grant; the national user sees both its districts.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/learners?areaId={region.Id}")).StatusCode);
        var regional = await national.GetJsonAsync($"/api/v1/learners?areaId={region.Id}&pageSize=10");
        Assert.Equal("Adams Baker Clark Cole Davis Evans Frank / 7", string.Join(' ', Families(regional)) + " / " + regional["total"]);

        // An officer granted a second district lists both (a count over the schools' paths rather than one range).
        await (await national.PostAsync($"/api/v1/users/{officerUser.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = sibling.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var both = await officer.GetJsonAsync("/api/v1/learners?pageSize=4&page=2");
        Assert.Equal("Davis Evans Frank / 7", string.Join(' ', Families(both)) + " / " + both["total"]);

        // A head teacher's own list is their school's.
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, a));
        var own = await head.GetJsonAsync("/api/v1/learners");
        Assert.Equal("Baker Davis / 2", string.Join(' ', Families(own)) + " / " + own["total"]);

        // The page carries every column the list shows, the school's name included.
        var first = (await officer.GetJsonAsync($"/api/v1/learners?areaId={district.Id}&pageSize=2"))["items"]!.AsArray();
        Assert.Equal([b.Name, a.Name], first.Select(l => l!["institutionName"]!.GetValue<string>()));
        Assert.Equal([b.Id, a.Id], first.Select(l => l!["institutionId"]!.GetValue<Guid>()));
        Assert.All(first, l =>
        {
            Assert.Equal("Ann", l!["givenName"]!.GetValue<string>());
            Assert.Equal("Female", l["sex"]!.GetValue<string>());
            Assert.Equal("2015-03-04", l["dateOfBirth"]!.GetValue<string>());
            Assert.Equal("Active", l["status"]!.GetValue<string>());
            Assert.Equal(10, l["learnerNumber"]!.GetValue<string>().Length);
        });

        Assert.Empty(Families(await officer.GetJsonAsync($"/api/v1/learners?areaId={district.Id}&status=Merged")));
    }
}
