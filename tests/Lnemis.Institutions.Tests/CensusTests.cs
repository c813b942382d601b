using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Census;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions.Tests;

public sealed class CensusTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static int yearSlot = Random.Shared.Next(0, 400);

    private readonly Given given = new(factory);

    /// <summary>
    /// Two consecutive academic years unique to the test, and the later one's start. They lie in a
    /// range of past centuries no other test uses, so "last year" is always the test's own.
    /// </summary>
    private Task<(Guid Year, Guid Previous, DateOnly Start)> YearsAsync() => factory.WithDbAsync(async db =>
    {
        var start = 1101 + (2 * (Interlocked.Increment(ref yearSlot) % 440));
        var previous = new AcademicYear { Id = Guid.CreateVersion7(), Code = $"C{start - 1}", Name = "Test", StartsOn = new DateOnly(start - 1, 1, 1), EndsOn = new DateOnly(start - 1, 11, 30) };
        var year = new AcademicYear { Id = Guid.CreateVersion7(), Code = $"C{start}", Name = "Test", StartsOn = new DateOnly(start, 1, 1), EndsOn = new DateOnly(start, 11, 30) };
        db.AddRange(previous, year);
        await db.SaveChangesAsync();
        return (year.Id, previous.Id, year.StartsOn);
    });

    private Task<Guid> GradeAsync(string code) => factory.WithDbAsync(db => db.Set<Grade>().Where(g => g.Code == code).Select(g => g.Id).SingleAsync());

    private Task<Guid> LearnerAsync(InstitutionsCommands.InstitutionRef school, string givenName, string familyName, Sex sex, DateOnly born) =>
        factory.AsSystemAsync(sp => InstitutionsCommands.AddLearnerAsync(sp, school, givenName, familyName, sex, born, CancellationToken.None));

    private Task EnrolAsync(Guid learner, Guid year, Guid grade, InstitutionsCommands.InstitutionRef school, bool repeater = false) =>
        factory.WithDbAsync(async db =>
        {
            db.Set<Enrolment>().Add(new Enrolment
            {
                Id = Guid.CreateVersion7(),
                LearnerId = learner,
                AcademicYearId = year,
                InstitutionId = school.Id,
                GradeId = grade,
                Repeater = repeater,
                Status = EnrolmentStatus.Enrolled,
                StartsOn = new DateOnly(2026, 1, 1),
                ScopePath = school.Path,
            });
            return await db.SaveChangesAsync();
        });

    private async Task<Guid> RoundAsync(Guid year, DateOnly? deadline = null, int[]? reminders = null)
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var round = await (await admin.PostAsync("/api/v1/census/rounds", new
        {
            academicYearId = year,
            name = "Annual school census",
            opensOn = "2020-01-01",
            deadline = (deadline ?? new DateOnly(9999, 12, 31)).ToString("yyyy-MM-dd"),
            reminderDays = reminders ?? [14, 7, 1],
        })).ReadJsonAsync(HttpStatusCode.Created);
        return round["id"]!.GetValue<Guid>();
    }

    private static string[] Checks(JsonNode findings) => findings.AsArray().Select(f => f!["check"]!.GetValue<string>()).Order().ToArray();

    private static object Figures(int classrooms, string? remarks = null) => new
    {
        classroomsUsable = classrooms,
        classroomsUnusable = 1,
        desks = 40,
        toiletsMale = 2,
        toiletsFemale = 3,
        toiletsShared = 0,
        hasWater = true,
        hasElectricity = false,
        hasInternet = false,
        textbooks = 120,
        volunteerTeachers = 1,
        remarks,
    };

    [Fact]
    public async Task Return_GoesThroughChecks_Submission_ReturnWithComments_Approval_AndIsThenLocked()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (year, _, start) = await YearsAsync();
        var round = await RoundAsync(year);
        var grade1 = await GradeAsync("PRIMARY-1");
        foreach (var (name, sex) in new[] { ("Amina", Sex.Female), ("Brian", Sex.Male), ("Chloe", Sex.Female) })
        {
            await EnrolAsync(await LearnerAsync(school, name, Given.Unique("Fam"), sex, start.AddYears(-6).AddDays(-10)), year, grade1, school);
        }

        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, school));
        var started = await (await head.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = school.Id })).ReadJsonAsync(HttpStatusCode.Created);
        var id = started["id"]!.GetValue<Guid>();
        Assert.Equal("Draft", started["status"]!.GetValue<string>());
        await (await head.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = school.Id })).ReadProblemAsync(HttpStatusCode.Conflict);

        // No usable classroom is a blocker: the preview says so and submission is refused with the findings.
        var saved = await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(0), version = started["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);
        var preview = await head.GetJsonAsync($"/api/v1/census/returns/{id}/checks");
        Assert.False(preview["canSubmit"]!.GetValue<bool>());
        Assert.Contains("no-classrooms", Checks(preview["findings"]!));
        var refused = await (await head.PostAsync($"/api/v1/census/returns/{id}/submit", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no-classrooms", Checks(refused["findings"]!));

        var bad = await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = new { classroomsUsable = -1 }, version = saved["version"]!.GetValue<long>() })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["figures.ClassroomsUsable"] ?? bad["errors"]!["figures.classroomsUsable"]);
        saved = await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(2), version = saved["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, saved["figures"]!["classroomsUsable"]!.GetValue<int>());
        await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(3), version = 1 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var submitted = await (await head.PostAsync($"/api/v1/census/returns/{id}/submit", new { comment = "All in order" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted["status"]!.GetValue<string>());
        var enrolment = submitted["counts"]!.AsArray().Where(c => c!["measure"]!.GetValue<string>() == "enrolment").ToList();
        Assert.Equal(3, enrolment.Sum(c => c!["value"]!.GetValue<int>()));
        Assert.Equal(2, enrolment.Where(c => c!["sex"]!.GetValue<string>() == "Female").Sum(c => c!["value"]!.GetValue<int>()));
        Assert.All(enrolment, c => Assert.Equal(6, c!["age"]!.GetValue<int>()));
        await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(4), version = submitted["version"]!.GetValue<long>() })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await head.PostAsync($"/api/v1/census/returns/{id}/approve", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var listed = await officer.GetJsonAsync($"/api/v1/census/returns?roundId={round}&status=submitted");
        Assert.Equal(id, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        var noComment = await (await officer.PostAsync($"/api/v1/census/returns/{id}/return", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noComment["errors"]!["comment"]);
        var returned = await (await officer.PostAsync($"/api/v1/census/returns/{id}/return", new { comment = "Count the desks again." })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Returned", returned["status"]!.GetValue<string>());

        saved = await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(2, "Desks recounted"), version = returned["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);
        await (await head.PostAsync($"/api/v1/census/returns/{id}/submit", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var approved = await (await officer.PostAsync($"/api/v1/census/returns/{id}/approve", new { comment = "Thank you" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        Assert.True(approved["locked"]!.GetValue<bool>());
        Assert.Equal(
            ["started", "submitted", "returned", "submitted", "approved"],
            approved["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        Assert.Equal("Count the desks again.", approved["history"]![2]!["comment"]!.GetValue<string>());

        // Locked: no edit, no second submission, no second review.
        await (await head.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(9), version = approved["version"]!.GetValue<long>() })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await head.PostAsync($"/api/v1/census/returns/{id}/submit", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await officer.PostAsync($"/api/v1/census/returns/{id}/return", new { comment = "again" })).ReadProblemAsync(HttpStatusCode.Conflict);

        // The approved figures update the registry, and the events went out through the outbox.
        var registry = await officer.GetJsonAsync($"/api/v1/institutions/{school.Id}");
        Assert.Equal(2, registry["infrastructure"]!["classroomsUsable"]!.GetValue<int>());
        Assert.Equal(3, registry["infrastructure"]!["toiletsFemale"]!.GetValue<int>());
        var events = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Payload.Contains(id.ToString())).Select(j => j.Payload).ToListAsync());
        Assert.Equal(2, events.Count(p => p.Contains(CensusEvents.Submitted, StringComparison.Ordinal)));
        Assert.Single(events, p => p.Contains(CensusEvents.Approved, StringComparison.Ordinal));

        // Every change of the figures is in the audit log.
        var audits = await factory.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityId == id.ToString() && a.Changes != null && a.Changes.Contains("Figures")));
        Assert.True(audits >= 3, $"{audits} audited figure changes");

        // A national census manager can reopen it, with a reason.
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await (await admin.PostAsync($"/api/v1/census/returns/{id}/reopen", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var reopened = await (await admin.PostAsync($"/api/v1/census/returns/{id}/reopen", new { comment = "Ministry audit found a counting error." })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Returned", reopened["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checks_FlagDuplicates_AgeOutliers_EnrolmentJumps_AndCrowding()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var neighbour = await given.InstitutionAsync(district);
        var (year, previous, start) = await YearsAsync();
        var round = await RoundAsync(year);
        var grade1 = await GradeAsync("PRIMARY-1");
        var grade6 = await GradeAsync("PRIMARY-6");
        var sixYearOld = start.AddYears(-6).AddDays(-30);

        // Last year: 2 learners. This year: 6, so +200 %.
        await EnrolAsync(await LearnerAsync(school, "Old", Given.Unique("One"), Sex.Male, sixYearOld.AddYears(-1)), previous, grade1, school);
        await EnrolAsync(await LearnerAsync(school, "Old", Given.Unique("Two"), Sex.Male, sixYearOld.AddYears(-1)), previous, grade1, school);

        var family = Given.Unique("Otieno");
        await EnrolAsync(await LearnerAsync(school, "Grace", family, Sex.Female, sixYearOld), year, grade1, school);
        await EnrolAsync(await LearnerAsync(school, "Grase", family, Sex.Female, sixYearOld), year, grade1, school);
        await EnrolAsync(await LearnerAsync(school, "Late", Given.Unique("Starter"), Sex.Male, sixYearOld.AddYears(-5)), year, grade1, school);
        await EnrolAsync(await LearnerAsync(school, "Tiny", Given.Unique("Prodigy"), Sex.Male, sixYearOld), year, grade6, school);
        var twinFamily = Given.Unique("Wanjiru");
        await EnrolAsync(await LearnerAsync(school, "Mary", twinFamily, Sex.Female, sixYearOld.AddDays(3)), year, grade1, school);
        await LearnerAsync(neighbour, "Mary", twinFamily, Sex.Female, sixYearOld.AddDays(3));
        await EnrolAsync(await LearnerAsync(school, "Paul", Given.Unique("Kamau"), Sex.Male, sixYearOld.AddDays(9)), year, grade1, school);

        var clerk = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.DataClerk, school));
        var started = await (await clerk.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = school.Id })).ReadJsonAsync(HttpStatusCode.Created);
        var id = started["id"]!.GetValue<Guid>();
        await (await clerk.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(0), version = started["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);

        var preview = await clerk.GetJsonAsync($"/api/v1/census/returns/{id}/checks");
        Assert.Equal(
            ["duplicate-in-area", "duplicate-learners", "enrolment-change", "no-classrooms", "over-age", "under-age"],
            Checks(preview["findings"]!));
        var findings = preview["findings"]!.AsArray().ToDictionary(f => f!["check"]!.GetValue<string>());
        Assert.Equal("Blocker", findings["duplicate-learners"]!["severity"]!.GetValue<string>());
        Assert.Equal("Warning", findings["duplicate-in-area"]!["severity"]!.GetValue<string>());
        Assert.Equal("Warning", findings["over-age"]!["severity"]!.GetValue<string>());
        Assert.Equal("Blocker", findings["under-age"]!["severity"]!.GetValue<string>());
        Assert.Single(findings["over-age"]!["subjects"]!.AsArray());
        Assert.Contains("+200%", findings["enrolment-change"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // One usable classroom for six learners is fine; crowding needs more than 60 per classroom.
        var crowded = await factory.WithDbAsync(async db =>
        {
            var r = await db.CensusReturns().AsNoTracking().FirstAsync(x => x.Id == id);
            var roundRow = await db.CensusRounds().AsNoTracking().FirstAsync(x => x.Id == round);
            r.Figures.ClassroomsUsable = 1;
            var few = await CensusChecks.RunAsync(db, r, roundRow, CancellationToken.None);
            return few.Findings.Select(f => f.Check).ToList();
        });
        Assert.DoesNotContain("crowded-classrooms", crowded);
        Assert.DoesNotContain("no-classrooms", crowded);
    }

    [Fact]
    public async Task Reviewer_CannotApproveTheirOwnSubmission_AndOtherDistrictsSeeNothing()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var other = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (year, _, start) = await YearsAsync();
        var round = await RoundAsync(year);
        await EnrolAsync(await LearnerAsync(school, "Zawadi", Given.Unique("Fam"), Sex.Female, start.AddYears(-7)), year, await GradeAsync("PRIMARY-2"), school);

        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var started = await (await officer.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = school.Id })).ReadJsonAsync(HttpStatusCode.Created);
        var id = started["id"]!.GetValue<Guid>();
        await (await officer.PutAsync($"/api/v1/census/returns/{id}", new { figures = Figures(1), version = started["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);
        await (await officer.PostAsync($"/api/v1/census/returns/{id}/submit", new { })).ReadJsonAsync(HttpStatusCode.OK);
        await (await officer.PostAsync($"/api/v1/census/returns/{id}/approve", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var (stranger, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, other);
        await (await stranger.GetAsync($"/api/v1/census/returns/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/census/returns/{id}/checks")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/v1/census/returns/{id}/approve", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = school.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await stranger.GetJsonAsync($"/api/v1/census/returns?roundId={round}"))["items"]!.AsArray());
        Assert.Empty((await stranger.GetJsonAsync($"/api/v1/census/returns?roundId={round}&institutionId={school.Id}"))["items"]!.AsArray());
        var strangerProgress = await stranger.GetJsonAsync($"/api/v1/census/rounds/{round}/progress");
        Assert.Equal(0, strangerProgress["submitted"]!.GetValue<int>());

        var progress = await officer.GetJsonAsync($"/api/v1/census/rounds/{round}/progress");
        Assert.Equal(1, progress["institutions"]!.GetValue<int>());
        Assert.Equal(1, progress["submitted"]!.GetValue<int>());
        Assert.Equal(0, progress["notStarted"]!.GetValue<int>());

        var (colleague, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var approved = await (await colleague.PostAsync($"/api/v1/census/returns/{id}/approve", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rounds_AreValidated_AndOnePerYear()
    {
        await given.StructureAsync();
        var (year, _, _) = await YearsAsync();
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var bad = await (await admin.PostAsync("/api/v1/census/rounds", new { academicYearId = year, name = "", opensOn = "2030-05-01", deadline = "2030-04-01", reminderDays = new[] { -1 } }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["name"]);
        Assert.NotNull(bad["errors"]!["deadline"]);
        Assert.NotNull(bad["errors"]!["reminderDays[0]"]);
        var created = await (await admin.PostAsync("/api/v1/census/rounds", new { academicYearId = year, name = "Census", opensOn = "2030-03-01", deadline = "2030-04-01" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal([14, 7, 1], created["reminderDays"]!.AsArray().Select(d => d!.GetValue<int>()));
        await (await admin.PostAsync("/api/v1/census/rounds", new { academicYearId = year, name = "Again", opensOn = "2030-03-01", deadline = "2030-04-01" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var moved = await (await admin.PutAsync($"/api/v1/census/rounds/{created["id"]}", new { academicYearId = year, name = "Census", opensOn = "2030-03-01", deadline = "2030-04-15", version = 1 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2030-04-15", moved["deadline"]!.GetValue<string>());

        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        Assert.Contains((await viewer.GetJsonAsync("/api/v1/census/rounds?pageSize=200"))["items"]!.AsArray(), r => r!["id"]!.GetValue<Guid>() == created["id"]!.GetValue<Guid>());
        await (await viewer.PostAsync("/api/v1/census/rounds", new { academicYearId = year, name = "x", opensOn = "2030-03-01", deadline = "2030-04-01" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reminders_GoOnceOnEachReminderDay_ToInstitutionsThatHaveNotSubmitted()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var late = await given.InstitutionAsync(district);
        var done = await given.InstitutionAsync(district);
        var (year, _, start) = await YearsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var round = await RoundAsync(year, today.AddDays(7), [7]);
        await EnrolAsync(await LearnerAsync(done, "Ann", Given.Unique("Fam"), Sex.Female, start.AddYears(-6)), year, await GradeAsync("PRIMARY-1"), done);
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, done));
        var started = await (await head.PostAsync("/api/v1/census/returns", new { roundId = round, institutionId = done.Id })).ReadJsonAsync(HttpStatusCode.Created);
        await (await head.PutAsync($"/api/v1/census/returns/{started["id"]}", new { figures = Figures(1), version = started["version"]!.GetValue<long>() })).ReadJsonAsync(HttpStatusCode.OK);
        await (await head.PostAsync($"/api/v1/census/returns/{started["id"]}/submit", new { })).ReadJsonAsync(HttpStatusCode.OK);

        async Task<int> SendAsync() => await factory.AsSystemAsync(sp =>
            CensusReminders.SendDueAsync(sp.GetRequiredService<LnemisDbContext>(), sp.GetRequiredService<EventPublisher>(), sp.GetRequiredService<Lnemis.Platform.Notifications.Notifier>(), TimeProvider.System, CancellationToken.None));

        Assert.True(await SendAsync() >= 1);
        await SendAsync();
        var reminders = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Payload.Contains(CensusEvents.ReminderDue) && j.Payload.Contains(round.ToString())).Select(j => j.Payload).ToListAsync());
        Assert.Single(reminders, p => p.Contains(late.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(reminders, p => p.Contains(done.Id.ToString(), StringComparison.Ordinal));
    }
}
