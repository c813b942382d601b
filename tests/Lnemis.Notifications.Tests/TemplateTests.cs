using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Notifications.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Tests;

public sealed class TemplateTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task EveryRequestedEvent_HasADefaultTemplate_OnEveryChannel()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var list = (await admin.GetJsonAsync("/api/v1/notifications/templates")).AsArray();
        string[] events =
        [
            "correspondence.case_assigned", "correspondence.ready_for_clearance", "correspondence.redraft_requested", "correspondence.case_closed",
            "correspondence.deadline_approaching", "correspondence.deadline_missed", "census.reminder_due", "census.reminder_overdue",
        ];
        foreach (var name in events)
        {
            var entry = Assert.Single(list, e => e!["event"]!.GetValue<string>() == name)!;
            Assert.Equal(3, entry["channels"]!.AsArray().Count);
            Assert.All(entry["channels"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace(c!["body"]!.GetValue<string>())));
        }
    }

    [Fact]
    public async Task Save_RefusesUnknownPlaceholders_FieldByField_ThenVersions_AndAStaleEditIs409()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        const string url = "/api/v1/notifications/templates/correspondence.case_closed/Email";
        var refused = await (await admin.PutAsync(url, new { subject = "Closed {{caseNumbr}}", body = "Hi {{recipientName}}, {{outcome}} {{secret}}" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{{caseNumbr}}", refused["errors"]!["subject"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("{{secret}}", refused["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var noSubject = await (await admin.PutAsync(url, new { body = "Hi" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noSubject["errors"]!["subject"]);
        var smsSubject = await (await admin.PutAsync("/api/v1/notifications/templates/correspondence.case_closed/Sms", new { subject = "x", body = new string('a', 700) })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(smsSubject["errors"]!["subject"]);
        Assert.NotNull(smsSubject["errors"]!["body"]);
        await (await admin.PutAsync("/api/v1/notifications/templates/no.such_event/Email", new { subject = "x", body = "y" })).ReadProblemAsync(HttpStatusCode.NotFound);

        var first = await (await admin.PutAsync(url, new { subject = "Closed: {{ caseNumber }}", body = "{{outcome}} — {{subject}}", version = 0 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, first["version"]!.GetValue<int>());
        var second = await (await admin.PutAsync(url, new { subject = "Case {{caseNumber}} closed", body = "Outcome: {{outcome}}", version = 1 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, second["version"]!.GetValue<int>());
        await (await admin.PutAsync(url, new { subject = "x {{caseNumber}}", body = "y", version = 1 })).ReadProblemAsync(HttpStatusCode.Conflict);

        var versions = await admin.GetJsonAsync(url + "/versions");
        Assert.Equal(new[] { 2, 1 }, versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var audited = await factory.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityType.Contains("NotificationTemplate")));
        Assert.True(audited >= 2);

        // The version in force is what the next notification says.
        var user = await given.UserAsync(RoleCatalog.Viewer);
        var request = await Notifications.RequestAsync(factory, "correspondence.case_closed", [user.Id], data: new Dictionary<string, string> { ["caseNumber"] = "SAR-1", ["outcome"] = "Refused" });
        var email = await factory.WithDbAsync(db => db.Deliveries().SingleAsync(d => d.RequestId == request && d.Channel == Domain.Channel.Email));
        Assert.Equal("Case SAR-1 closed", email.Subject);
        Assert.Equal("Outcome: Refused", email.Body);
    }

    [Fact]
    public async Task Preview_RendersWithSampleData_OrTheGivenValues_AndChecksLikeASave()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        const string url = "/api/v1/notifications/templates/census.reminder_due/Sms/preview";
        var current = await (await admin.PostAsync(url, new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Kiamwangi Primary School", current["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var draft = await (await admin.PostAsync(url, new { body = "{{institutionName}} due {{deadline}}", data = new Dictionary<string, string> { ["deadline"] = "tomorrow" } })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Kiamwangi Primary School due tomorrow", draft["body"]!.GetValue<string>());
        var bad = await (await admin.PostAsync(url, new { body = "{{nope}}" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["body"]);
    }

    [Fact]
    public async Task OnlyNotificationAdministrators_ReadOrEditTemplates()
    {
        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        await (await viewer.GetAsync("/api/v1/notifications/templates")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PutAsync("/api/v1/notifications/templates/correspondence.case_closed/Sms", new { body = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PostAsync("/api/v1/notifications/templates/correspondence.case_closed/Sms/preview", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.GetAsync("/api/v1/dev/mailbox")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/notifications/inbox/unread-count")).StatusCode);
    }
}
