using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

public sealed class EnrolmentTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    /// <summary>Two consecutive academic years far in the future, unique to the test.</summary>
    private Task<(Guid Year, Guid Next, string During)> YearsAsync() => factory.WithDbAsync(async db =>
    {
        var start = 3000 + (Random.Shared.Next(0, 3000) * 2);
        var first = new AcademicYear { Id = Guid.CreateVersion7(), Code = $"T{start}", Name = "Test", StartsOn = new DateOnly(start, 1, 1), EndsOn = new DateOnly(start, 11, 30) };
        var second = new AcademicYear { Id = Guid.CreateVersion7(), Code = $"T{start + 1}", Name = "Test", StartsOn = new DateOnly(start + 1, 1, 1), EndsOn = new DateOnly(start + 1, 11, 30) };
        db.AddRange(first, second);
        await db.SaveChangesAsync();
        return (first.Id, second.Id, $"{start}-03-02");
    });

    private Task<Guid> GradeAsync(string code) => factory.WithDbAsync(db => db.Set<Grade>().Where(g => g.Code == code).Select(g => g.Id).SingleAsync());

    private static async Task<JsonNode> EnrolAsync(TestClient client, Guid learner, Guid year, Guid grade, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostAsync("/api/v1/enrolments", new { learnerId = learner, academicYearId = year, gradeId = grade, repeater = false })).ReadJsonAsync(expected);

    [Fact]
    public async Task Transfer_EndsOneEnrolment_StartsTheNext_AndMovesTheLearner()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var from = await given.InstitutionAsync(district);
        var to = await given.InstitutionAsync(district);
        var learner = await given.LearnerAsync(from);
        var (year, _, during) = await YearsAsync();
        var grade = await GradeAsync("PRIMARY-3");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var enrolment = await EnrolAsync(officer, learner, year, grade);
        await (await officer.PostAsync("/api/v1/enrolments", new { learnerId = learner, academicYearId = year, gradeId = grade })).ReadProblemAsync(HttpStatusCode.Conflict);

        var moved = await (await officer.PostAsync($"/api/v1/enrolments/{enrolment["id"]}/transfer", new { institutionId = to.Id, on = during, reason = "Family moved", version = 1 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(to.Id, moved["institutionId"]!.GetValue<Guid>());
        Assert.Equal(grade, moved["gradeId"]!.GetValue<Guid>());

        var history = (await officer.GetJsonAsync($"/api/v1/enrolments?learnerId={learner}"))["items"]!.AsArray();
        Assert.Equal(["Enrolled", "TransferredOut"], history.Select(h => h!["status"]!.GetValue<string>()).OrderBy(s => s));
        var detail = await officer.GetJsonAsync($"/api/v1/learners/{learner}");
        Assert.Equal(to.Id, detail["institutionId"]!.GetValue<Guid>());
        var headFrom = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, from));
        await (await headFrom.GetAsync($"/api/v1/learners/{learner}")).ReadProblemAsync(HttpStatusCode.NotFound);

        // The old school's history still names the learner, its school and grade, in the list and the export.
        var old = Assert.Single((await headFrom.GetJsonAsync("/api/v1/enrolments"))["items"]!.AsArray())!;
        Assert.Equal(("TransferredOut", "Grade 3"), (old["status"]!.GetValue<string>(), old["gradeName"]!.GetValue<string>()));
        Assert.StartsWith("Test ", old["learnerName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(from.Name, old["institutionName"]!.GetValue<string>());
        var exported = await (await headFrom.GetAsync("/api/v1/enrolments/export")).Content.ReadAsStringAsync();
        Assert.Contains(old["learnerNumber"]!.GetValue<string>(), exported, StringComparison.Ordinal);
        Assert.DoesNotContain(to.Name, exported, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Payload.Contains("learner.transferred") && j.Payload.Contains(learner.ToString()))));
    }

    [Fact]
    public async Task Withdraw_NeedsAReason_AndEndsOnce()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var learner = await given.LearnerAsync(school);
        var (year, _, during) = await YearsAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var enrolment = await EnrolAsync(officer, learner, year, await GradeAsync("PRIMARY-1"));

        var noReason = await (await officer.PostAsync($"/api/v1/enrolments/{enrolment["id"]}/withdraw", new { version = 1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var withdrawn = await (await officer.PostAsync($"/api/v1/enrolments/{enrolment["id"]}/withdraw", new { on = during, reason = "Moved abroad", version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
        await (await officer.PostAsync($"/api/v1/enrolments/{enrolment["id"]}/graduate", new { version = 2 })).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PromoteClass_MovesEveryoneButRepeaters_AndCanBeUndone()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (year, next, _) = await YearsAsync();
        var grade1 = await GradeAsync("PRIMARY-1");
        var grade2 = await GradeAsync("PRIMARY-2");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var learners = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var learner = await given.LearnerAsync(school);
            learners.Add(learner);
            await EnrolAsync(officer, learner, year, grade1);
        }

        await EnrolAsync(officer, learners[3], next, grade2); // already placed next year: skipped

        var result = await (await officer.PostAsync("/api/v1/enrolments/promote", new
        {
            institutionId = school.Id,
            academicYearId = year,
            nextAcademicYearId = next,
            gradeId = grade1,
            repeaters = new[] { learners[0] },
        })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, result["promoted"]!.GetValue<int>());
        Assert.Equal(1, result["repeating"]!.GetValue<int>());
        Assert.Equal([learners[3]], result["skipped"]!.AsArray().Select(s => s!.GetValue<Guid>()));

        var nextYear = (await officer.GetJsonAsync($"/api/v1/enrolments?institutionId={school.Id}&academicYearId={next}&pageSize=50"))["items"]!.AsArray();
        Assert.Equal(4, nextYear.Count);
        var repeater = nextYear.Single(e => e!["learnerId"]!.GetValue<Guid>() == learners[0])!;
        Assert.True(repeater["repeater"]!.GetValue<bool>());
        Assert.Equal(grade1, repeater["gradeId"]!.GetValue<Guid>());

        var undo = await (await officer.PostAsync($"/api/v1/enrolments/promotions/{result["promotionId"]}/undo")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, undo["restored"]!.GetValue<int>());
        Assert.Equal(3, undo["removed"]!.GetValue<int>());
        var afterUndo = await officer.GetJsonAsync($"/api/v1/enrolments?institutionId={school.Id}&academicYearId={next}");
        Assert.Equal(1, afterUndo["total"]!.GetValue<int>());
        var thisYear = await officer.GetJsonAsync($"/api/v1/enrolments?institutionId={school.Id}&academicYearId={year}&status=enrolled");
        Assert.Equal(4, thisYear["total"]!.GetValue<int>());
        await (await officer.PostAsync($"/api/v1/enrolments/promotions/{result["promotionId"]}/undo")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PromotingTheLastGrade_Graduates()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (year, next, _) = await YearsAsync();
        var last = await GradeAsync("UPPERSEC-3");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var learner = await given.LearnerAsync(school);
        await EnrolAsync(officer, learner, year, last);

        var result = await (await officer.PostAsync("/api/v1/enrolments/promote", new { institutionId = school.Id, academicYearId = year, nextAcademicYearId = next, gradeId = last }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result["graduated"]!.GetValue<int>());
        var history = (await officer.GetJsonAsync($"/api/v1/enrolments?learnerId={learner}"))["items"]!.AsArray();
        Assert.Equal("Graduated", Assert.Single(history)!["status"]!.GetValue<string>());
    }
}
