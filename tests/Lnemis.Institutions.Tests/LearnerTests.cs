using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

public sealed class LearnerTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static object Fields(Guid institutionId, string given, string family, string dateOfBirth = "2015-03-04", string sex = "Female",
        string? nationalId = null, bool confirmed = false, long? version = null, bool certificate = true) => new
        {
            givenName = given,
            familyName = family,
            sex,
            dateOfBirth,
            hasBirthCertificate = certificate,
            specialNeeds = new[] { "visual" },
            guardians = new[] { new { name = "Grace " + family, relationship = "Mother", phone = "+254 711 111111" } },
            nationalId,
            institutionId,
            confirmedNotDuplicate = confirmed,
            version,
        };

    [Fact]
    public void LearnerNumbers_CarryACheckDigit_ThatCatchesTypos()
    {
        for (var i = 0; i < 200; i++)
        {
            var number = LearnerNumbers.Issue();
            Assert.True(LearnerNumbers.IsValid(number), number);
            var typo = number[..4] + (char)('0' + ((number[4] - '0' + 1) % 10)) + number[5..];
            Assert.False(LearnerNumbers.IsValid(typo), typo);
        }

        Assert.False(LearnerNumbers.IsValid("123456789"));
        Assert.False(LearnerNumbers.IsValid("12345678AB"));
        Assert.Equal('3', LearnerNumbers.CheckDigit("7992739871")); // the Luhn reference example: 79927398713
    }

    [Fact]
    public async Task Register_IssuesANumber_EvenWithoutBirthCertificate_AndPublishes()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var created = await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, "Wanjiru", Given.Unique("Kamau"), certificate: false))).ReadJsonAsync(HttpStatusCode.Created);
        var number = created["learnerNumber"]!.GetValue<string>();
        Assert.True(LearnerNumbers.IsValid(number));
        Assert.False(created["hasBirthCertificate"]!.GetValue<bool>());
        Assert.Equal("VISUAL", created["specialNeeds"]![0]!.GetValue<string>());
        Assert.Equal("Mother", created["guardians"]![0]!["relationship"]!.GetValue<string>());

        var found = await officer.GetJsonAsync($"/api/v1/learners?q={number}");
        Assert.Equal(created["id"]!.GetValue<Guid>(), Assert.Single(found["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.True(await factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Payload.Contains("learner.created") && j.Payload.Contains(number))));
    }

    [Fact]
    public async Task SimilarLearnerInTheDistrict_IsFlagged_UntilConfirmed_AndOtherSchoolsSeeOnlyTheNumber()
    {
        var district = await given.AreaAsync();
        var elsewhere = await given.AreaAsync();
        var schoolA = await given.InstitutionAsync(district);
        var schoolB = await given.InstitutionAsync(district);
        var schoolC = await given.InstitutionAsync(elsewhere);
        var family = "Odhiambo" + Guid.NewGuid().ToString("N")[..4];
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var first = await (await officer.PostAsync("/api/v1/learners", Fields(schoolA.Id, "Amina", family))).ReadJsonAsync(HttpStatusCode.Created);

        var headB = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, schoolB));
        var flagged = await (await headB.PostAsync("/api/v1/learners", Fields(schoolB.Id, "Aminah", family))).ReadProblemAsync(HttpStatusCode.Conflict);
        var candidate = Assert.Single(flagged["duplicates"]!.AsArray())!;
        Assert.Equal(first["learnerNumber"]!.GetValue<string>(), candidate["learnerNumber"]!.GetValue<string>());
        Assert.Null(candidate["givenName"]); // another school's learner: number and school code only
        Assert.Null(candidate["id"]);

        // Swapped names are flagged too, and the officer (who sees both schools) gets the details.
        var swapped = await (await officer.PostAsync("/api/v1/learners", Fields(schoolB.Id, family, "Amina"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Amina", swapped["duplicates"]![0]!["givenName"]!.GetValue<string>());

        await (await headB.PostAsync("/api/v1/learners", Fields(schoolB.Id, "Aminah", family, confirmed: true))).ReadJsonAsync(HttpStatusCode.Created);
        await (await officer.PostAsync("/api/v1/learners", Fields(schoolA.Id, "Amina", family, dateOfBirth: "2015-03-05"))).ReadJsonAsync(HttpStatusCode.Created);
        var (otherOfficer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, elsewhere);
        await (await otherOfficer.PostAsync("/api/v1/learners", Fields(schoolC.Id, "Amina", family))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task NationalId_IsEncryptedAtRest_AndEveryReadIsAudited()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, officerUser) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var nationalId = "NID-" + Random.Shared.Next(10_000_000, 99_999_999);
        var created = await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, "Baraka", Given.Unique("Otieno"), nationalId: nationalId))).ReadJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.True(created["hasNationalId"]!.GetValue<bool>());
        Assert.DoesNotContain(nationalId, created.ToJsonString(), StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Set<Learner>().AsNoTracking().Where(l => l.Id == id).Select(l => l.NationalIdProtected).SingleAsync());
        Assert.DoesNotContain(nationalId, stored!, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EntityId == id.ToString()).ToListAsync());
        Assert.DoesNotContain(audit, r => r.Changes != null && r.Changes.Contains(nationalId, StringComparison.Ordinal));

        var read = await officer.GetJsonAsync($"/api/v1/learners/{id}/national-id");
        Assert.Equal(nationalId, read["nationalId"]!.GetValue<string>());
        var reads = await factory.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EntityId == id.ToString() && r.Action == AuditActions.Read).Select(r => r.UserId).ToListAsync());
        Assert.Equal([officerUser.Id], reads);

        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer, district);
        Assert.True((await viewer.GetJsonAsync($"/api/v1/learners/{id}"))["hasNationalId"]!.GetValue<bool>());
        await (await viewer.GetAsync($"/api/v1/learners/{id}/national-id")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Merge_KeepsBothRecords_AndHidesTheDuplicateFromLists()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var family = Given.Unique("Mwangi");
        var keep = await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, "Juma", family))).ReadJsonAsync(HttpStatusCode.Created);
        var dup = await (await officer.PostAsync("/api/v1/learners", Fields(school.Id, "Jumah", family, nationalId: "X-1", confirmed: true))).ReadJsonAsync(HttpStatusCode.Created);
        var dupId = dup["id"]!.GetValue<Guid>();
        var keepId = keep["id"]!.GetValue<Guid>();

        await (await officer.PostAsync($"/api/v1/learners/{dupId}/merge", new { intoId = dupId, version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var merged = await (await officer.PostAsync($"/api/v1/learners/{dupId}/merge", new { intoId = keepId, version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Merged", merged["status"]!.GetValue<string>());
        Assert.Equal(keepId, merged["mergedIntoId"]!.GetValue<Guid>());
        await (await officer.PostAsync($"/api/v1/learners/{dupId}/merge", new { intoId = keepId, version = 2 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var active = await officer.GetJsonAsync($"/api/v1/learners?q={family}");
        Assert.Equal([keepId], active["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var mergedList = await officer.GetJsonAsync($"/api/v1/learners?q={family}&status=merged");
        Assert.Equal([dupId], mergedList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var survivor = await officer.GetJsonAsync($"/api/v1/learners/{keepId}");
        Assert.True(survivor["hasNationalId"]!.GetValue<bool>());
    }

    [Fact]
    public async Task HeadTeacher_SeesOnlyTheirSchoolsLearners()
    {
        var district = await given.AreaAsync();
        var own = await given.InstitutionAsync(district);
        var other = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var family = Given.Unique("Njeri");
        var mine = await (await officer.PostAsync("/api/v1/learners", Fields(own.Id, "Ann", family))).ReadJsonAsync(HttpStatusCode.Created);
        var theirs = await (await officer.PostAsync("/api/v1/learners", Fields(other.Id, "Beth", family))).ReadJsonAsync(HttpStatusCode.Created);
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, own));

        var list = await head.GetJsonAsync($"/api/v1/learners?q={family}");
        Assert.Equal([mine["id"]!.GetValue<Guid>()], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        await (await head.GetAsync($"/api/v1/learners/{theirs["id"]}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await head.PutAsync($"/api/v1/learners/{theirs["id"]}", Fields(other.Id, "Beth", family, version: 1))).ReadProblemAsync(HttpStatusCode.NotFound);
        var moved = await (await head.PutAsync($"/api/v1/learners/{mine["id"]}", Fields(other.Id, "Ann", family, version: 1))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(moved["errors"]!["institutionId"]);
        var renamed = await (await head.PutAsync($"/api/v1/learners/{mine["id"]}", Fields(own.Id, "Anne", family, version: 1))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(mine["learnerNumber"]!.GetValue<string>(), renamed["learnerNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadFields_AreReportedFieldByField()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Fields(school.Id, "", "X", dateOfBirth: "2999-01-01"), TestClient.Json))!;
        body["guardians"]![0]!["phone"] = "call me";
        var problem = await (await officer.PostAsync("/api/v1/learners", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["givenName"]);
        Assert.NotNull(problem["errors"]!["dateOfBirth"]);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("guardians", StringComparison.Ordinal));
        var badSex = await (await officer.GetAsync("/api/v1/learners?sex=other")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badSex["errors"]!["sex"]);
    }

    [Fact]
    public async Task LargeLists_CountToTheCap_PageBeyondIt_AndRefuseTooDeepPages()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var marker = Given.Unique("Zq").ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        await factory.WithDbAsync(async db =>
        {
            var path = await db.Set<Institution>().Where(i => i.Id == school.Id).Select(i => i.ScopePath).SingleAsync();
            db.RowAuditSuppressed = true;
            for (var i = 0; i < 1005; i++)
            {
                var family = $"Family{i:D4}";
                var otherNames = i % 400 == 0 ? marker : null;
                db.Add(new Learner
                {
                    Id = Guid.CreateVersion7(),
                    LearnerNumber = LearnerNumbers.Issue(),
                    GivenName = "Cap",
                    FamilyName = family,
                    OtherNames = otherNames,
                    Sex = Sex.Female,
                    DateOfBirth = new DateOnly(2014, 1, 1).AddDays(i),
                    InstitutionId = school.Id,
                    ScopePath = path,
                    SearchText = $"cap {otherNames} {family.ToLowerInvariant()}",
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        // More than the cap: the count stops at 1,000 and says so; the page is still the first by name.
        var first = await client.GetJsonAsync($"/api/v1/learners?institutionId={school.Id}");
        Assert.Equal(1000, first["total"]!.GetValue<int>());
        Assert.False(first["totalExact"]!.GetValue<bool>());
        Assert.Equal("Family0000", first["items"]![0]!["familyName"]!.GetValue<string>());
        Assert.Equal("Family0019", first["items"]![19]!["familyName"]!.GetValue<string>());

        // Under the cap the count is exact.
        var few = await client.GetJsonAsync($"/api/v1/learners?institutionId={school.Id}&q={marker}");
        Assert.Equal(3, few["total"]!.GetValue<int>());
        Assert.True(few["totalExact"]!.GetValue<bool>());

        // Pages go on past the counted thousand (up to 10,000 rows deep) ...
        var beyond = await client.GetJsonAsync($"/api/v1/learners?institutionId={school.Id}&page=51&pageSize=20");
        Assert.Equal(["Family1000", "Family1001", "Family1002", "Family1003", "Family1004"], beyond["items"]!.AsArray().Select(i => i!["familyName"]!.GetValue<string>()));

        // ... and no further: a clear 400 on the page parameter, not a slow scan.
        var tooDeep = await (await client.GetAsync($"/api/v1/learners?institutionId={school.Id}&page=51&pageSize=200")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("10,000", tooDeep["errors"]!["page"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
