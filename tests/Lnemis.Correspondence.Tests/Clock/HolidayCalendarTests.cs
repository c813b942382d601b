using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Tests.Api;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Clock;

/// <summary>Holiday calendars as data: seeded from the shipped file, imported idempotently, edited by hand, and counted with at once by every server.</summary>
public sealed class HolidayCalendarTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static string File(string division, params (string Date, string Title)[] holidays) =>
        new JsonObject
        {
            [division] = new JsonObject
            {
                ["division"] = division,
                ["events"] = new JsonArray(holidays.Select(h => (JsonNode)new JsonObject { ["title"] = h.Title, ["date"] = h.Date, ["notes"] = "", ["bunting"] = true }).ToArray()),
            },
        }.ToJsonString();

    [Fact]
    public async Task FreshDatabase_IsSeededFromTheShippedFile()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var calendars = await admin.GetJsonAsync("/api/v1/holiday-calendars");
        var england = calendars["items"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == HolidayCalendars.EnglandAndWales)!;
        Assert.Equal(HolidayCalendars.Uk[HolidayCalendars.EnglandAndWales].Holidays.Count, england["holidays"]!.GetValue<int>());
        Assert.Equal("England and Wales", england["name"]!.GetValue<string>());

        var holidays = await admin.GetJsonAsync($"/api/v1/holiday-calendars/{HolidayCalendars.EnglandAndWales}/holidays?year=2026&pageSize=50");
        Assert.Contains(holidays["items"]!.AsArray(), h => h!["date"]!.GetValue<string>() == "2026-04-03" && h["title"]!.GetValue<string>() == "Good Friday" && h["source"]!.GetValue<string>() == "Import");

        // Seeding again (migrate, a second instance) changes nothing.
        Assert.False(await factory.AsSystemAsync(sp => CorrespondenceCommands.EnsureHolidayCalendarsAsync(sp, CancellationToken.None)));
    }

    [Fact]
    public async Task ImportingTheSameFileTwice_ChangesNothing_AndAChangedTitleIsCounted()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var division = "test-" + Guid.NewGuid().ToString("N")[..8];
        var file = File(division, ("2026-08-03", "Summer Bank Holiday"), ("2026-12-28", "Boxing Day (substitute day)"));
        var auditedBefore = await AuditedHolidaysAsync();

        var first = await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/holiday-calendars/import", file)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2, 0, 0), Counts(first));
        var again = await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/holiday-calendars/import", file)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, 0, 2), Counts(again));

        var renamed = File(division, ("2026-08-03", "August Bank Holiday"), ("2026-12-28", "Boxing Day (substitute day)"), ("2027-01-01", "New Year's Day"));
        using var form = new MultipartFormDataContent { { new StringContent(renamed), "file", "bank-holidays.json" } };
        var third = await (await admin.Http.PostAsync("/api/v1/holiday-calendars/import", form)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1, 1, 1), Counts(third));

        var holidays = await admin.GetJsonAsync($"/api/v1/holiday-calendars/{division}/holidays");
        Assert.Equal(["August Bank Holiday", "Boxing Day (substitute day)", "New Year's Day"], holidays["items"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()));
        // Two added, nothing for the repeat, then one changed and one added: each audited once.
        Assert.Equal(auditedBefore + 4, await AuditedHolidaysAsync());
    }

    [Theory]
    [InlineData("{\"x\":{\"events\":[{\"title\":\"A\",\"date\":\"2026-02-30\"}]}}", "$['x'].events[0].date")]
    [InlineData("{\"x\":{\"events\":[{\"date\":\"2026-02-03\"}]}}", "$['x'].events[0].title")]
    [InlineData("[1,2]", "$")]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"Bad Name\":{\"events\":[]}}", "Bad Name")]
    public async Task ABadFile_IsRefusedWhole_NamingTheField(string file, string named)
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var before = await factory.WithDbAsync(db => db.Set<PublicHolidayCalendar>().CountAsync());
        var problem = await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/holiday-calendars/import", file)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<PublicHolidayCalendar>().CountAsync()));

        var empty = await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/holiday-calendars/import", "")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("empty", empty["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyNationalCorrespondenceAdministrators_ChangeCalendars()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var file = File("test-forbidden", ("2026-08-03", "Summer Bank Holiday"));
        await (await office.Manager.SendRawAsync(HttpMethod.Post, "/api/v1/holiday-calendars/import", file)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await office.Manager.PostAsync($"/api/v1/holiday-calendars/{HolidayCalendars.Scotland}/holidays", new { date = "2026-09-01", title = "X" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        // An administrator of one business group is not a national one.
        var groupAdmin = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        await (await groupAdmin.PostAsync("/api/v1/holiday-calendars", new { code = "test-group", name = "Group" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await groupAdmin.DeleteAsync($"/api/v1/holiday-calendars/{HolidayCalendars.Scotland}/holidays/2026-01-01")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ManualCalendar_ForAnotherCountry_IsCreatedAndEdited()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var code = "ke-" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsync("/api/v1/holiday-calendars", new { code, name = "Kenya", region = "Kenya" })).ReadJsonAsync(HttpStatusCode.Created);
        var duplicate = await (await admin.PostAsync("/api/v1/holiday-calendars", new { code, name = "Kenya" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["code"]);
        var invalid = await (await admin.PostAsync("/api/v1/holiday-calendars", new { code = "Not A Code", name = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["code"]);
        Assert.NotNull(invalid["errors"]!["name"]);

        var added = await (await admin.PostAsync($"/api/v1/holiday-calendars/{code}/holidays", new { date = "2026-06-01", title = "Madaraka Day" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Manual", added["source"]!.GetValue<string>());
        await (await admin.PostAsync($"/api/v1/holiday-calendars/{code}/holidays", new { date = "2026-06-01", title = "Again" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync($"/api/v1/holiday-calendars/{code}/holidays", new { title = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var renamed = await (await admin.PutAsync($"/api/v1/holiday-calendars/{code}/holidays/2026-06-01", new { title = "Madaraka Day (observed)" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Madaraka Day (observed)", renamed["title"]!.GetValue<string>());
        await (await admin.PutAsync($"/api/v1/holiday-calendars/{code}/holidays/1-6-2026", new { title = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutAsync($"/api/v1/holiday-calendars/{code}/holidays/2026-06-02", new { title = "x" })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/holiday-calendars/{code}/holidays/2026-06-01")).ReadJsonAsync(HttpStatusCode.NoContent);
        var left = await admin.GetJsonAsync($"/api/v1/holiday-calendars/{code}/holidays");
        Assert.Empty(left["items"]!.AsArray());
        await (await admin.GetAsync("/api/v1/holiday-calendars/nowhere/holidays")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AManualHoliday_MovesADeadline_ExplainedByName_OnEveryServer()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator);
        var office = await CaseOffice.CreateAsync(factory);
        // Received Mon 2 Jun 2025: 20 working days with no holiday in June → Mon 30 Jun 2025.
        var received = new DateOnly(2025, 6, 2);
        var c = await office.CreateCaseAsync("foi", received);
        var before = DeadlineRules.Default.Compute(CaseType.Foi, DeadlineKind.Final, received, HolidayCalendars.Uk).Date;
        Assert.Equal(before.ToString("yyyy-MM-dd"), c["finalDeadline"]!.GetValue<string>());

        // FOI counts every UK division's holidays, so a Scottish one moves the date on a working day.
        var title = "Test Jubilee " + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsync($"/api/v1/holiday-calendars/{HolidayCalendars.Scotland}/holidays", new { date = "2025-06-10", title })).ReadJsonAsync(HttpStatusCode.Created);

        var other = LnemisFactory.On(factory.Database);
        try
        {
            await other.InitializeAsync();
            var otherManager = await new Given(other).ClientForAsync(office.ManagerUser);
            foreach (var client in new[] { office.Manager, otherManager })
            {
                var moved = await client.GetJsonAsync($"/api/v1/cases/{c["id"]}");
                var final = moved["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "Final")!;
                Assert.Equal(before.AddDays(1).ToString("yyyy-MM-dd"), final["date"]!.GetValue<string>());
                Assert.Contains(title, final["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            await (await admin.DeleteAsync($"/api/v1/holiday-calendars/{HolidayCalendars.Scotland}/holidays/2025-06-10")).ReadJsonAsync(HttpStatusCode.NoContent);
            var back = await otherManager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
            var restored = back["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "Final")!;
            Assert.Equal(before.ToString("yyyy-MM-dd"), restored["date"]!.GetValue<string>());
            Assert.DoesNotContain(title, restored["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
        }
    }

    private Task<int> AuditedHolidaysAsync() =>
        factory.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityType == nameof(PublicHoliday)));

    private static (int, int, int, int) Counts(JsonNode result) =>
        (result["calendarsAdded"]!.GetValue<int>(), result["added"]!.GetValue<int>(), result["changed"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>());
}
