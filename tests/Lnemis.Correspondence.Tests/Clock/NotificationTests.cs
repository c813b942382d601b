using System.Text.Json.Nodes;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Notifications;
using Lnemis.Correspondence.Tests.Api;
using Lnemis.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Tests.Clock;

/// <summary>Workflow and deadline notifications requested through the outbox, to the right people, each once.</summary>
public sealed class NotificationTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    private Task<int> RemindAsync() =>
        DeadlineReminders.SendDueAsync(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock, 3, CancellationToken.None);

    private static Guid Id(JsonNode c) => c["id"]!.GetValue<Guid>();

    [Fact]
    public async Task WorkflowEvents_AskForNotifications_ToTheTeamsConcerned_WithoutPersonalData()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.FireAsync(office.Manager, c, "flag_for_clearance", new { clearanceSteps = new[] { "disclosure" } });
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        c = await CaseOffice.FireAsync(office.Responder, c, "send_for_clearance");
        c = await CaseOffice.FireAsync(office.Approver, c, "request_amends", new { reason = "Redact annex B." });
        c = await CaseOffice.FireAsync(office.Responder, c, "send_for_clearance");
        c = await CaseOffice.FireAsync(office.Approver, c, "approve");
        c = await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        await CaseOffice.FireAsync(office.Manager, c, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted" } });

        var requests = await Outboxed.NotificationsAsync(factory, Id(c));
        Assert.Equal(
            ["correspondence.case_assigned", "correspondence.ready_for_clearance", "correspondence.redraft_requested", "correspondence.ready_for_clearance", "correspondence.case_closed"],
            requests.Select(r => r.Event));
        Assert.Equal([office.ResponderUser.Id], requests[0].UserIds);
        Assert.Equal([office.ApproverUser.Id], requests[1].UserIds);
        Assert.Equal("disclosure", requests[1].Data["clearanceStep"]);
        Assert.Equal([office.ResponderUser.Id], requests[2].UserIds);
        Assert.Equal([office.ManagerUser.Id], requests[4].UserIds);
        foreach (var request in requests)
        {
            Assert.Equal(c["number"]!.GetValue<string>(), request.Data["caseNumber"]);
            Assert.Equal("foi", request.Data["caseType"]);
            Assert.Equal("2026-04-20", request.Data["deadline"]);
            Assert.Equal($"/correspondence/cases/{Id(c)}", request.Link);
            Assert.Empty(request.EmailAddresses);
            Assert.DoesNotContain(request.Data.Values, v => v.Contains("Requester", StringComparison.OrdinalIgnoreCase) || v.Contains('@'));
        }

        Assert.Equal(["case_assigned", "ready_for_clearance", "redraft_requested", "ready_for_clearance", "case_closed"], requests.Select(r => r.Event.Split('.')[1]));
        Assert.Equal("closed", requests[4].Data["state"]);
    }

    [Fact]
    public async Task DeadlineReminders_GoOncePerDeadlineDate_AgainWhenItMoves_AndNotForRespondedCases()
    {
        // The clock starts on Thu 16 Apr 2026: an FOI received on 19 Mar is due Mon 20 Apr, two working days away.
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        var responded = await office.CreateCaseAsync("foi", Thursday19March);
        responded = await CaseOffice.FireAsync(office.Manager, responded, "assign", new { teamId = office.Responders.Id });
        responded = await CaseOffice.FireAsync(office.Responder, responded, "accept");
        responded = await CaseOffice.UploadResponseAsync(office.Responder, responded);
        await CaseOffice.FireAsync(office.Responder, responded, "mark_responded", new { on = new DateOnly(2026, 4, 15) });

        await Task.WhenAll(RemindAsync(), RemindAsync());
        await RemindAsync();
        var approaching = Reminders(await Outboxed.NotificationsAsync(factory, Id(c)), DeadlineEvents.Approaching);
        var first = Assert.Single(approaching);
        Assert.Equal("2026-04-20", first.Data["deadline"]);
        Assert.Equal("final", first.Data["deadlineKind"]);
        Assert.Equal([office.ResponderUser.Id], first.UserIds);

        // An extension moves the deadline to Mon 27 Apr: its own reminder, once it is near.
        await CaseOffice.FireAsync(office.Manager, c, "extend", new { reason = "Public interest test", amount = 5 });
        await RemindAsync();
        Assert.Single(Reminders(await Outboxed.NotificationsAsync(factory, Id(c)), DeadlineEvents.Approaching));
        factory.Clock.Advance(TimeSpan.FromDays(8)); // Fri 24 Apr
        await RemindAsync();
        await RemindAsync();
        approaching = Reminders(await Outboxed.NotificationsAsync(factory, Id(c)), DeadlineEvents.Approaching);
        Assert.Equal(["2026-04-20", "2026-04-27"], approaching.Select(r => r.Data["deadline"]));

        factory.Clock.Advance(TimeSpan.FromDays(4)); // Tue 28 Apr: the deadline passed yesterday
        await RemindAsync();
        await RemindAsync();
        var missed = Assert.Single(Reminders(await Outboxed.NotificationsAsync(factory, Id(c)), DeadlineEvents.Missed));
        Assert.Equal("2026-04-27", missed.Data["deadline"]);
        Assert.Contains(office.ManagerUser.Id, missed.UserIds);
        Assert.Contains(office.ResponderUser.Id, missed.UserIds);

        Assert.Empty(Reminders(await Outboxed.NotificationsAsync(factory, Id(responded)), DeadlineEvents.Approaching).Concat(Reminders(await Outboxed.NotificationsAsync(factory, Id(responded)), DeadlineEvents.Missed)));
        var rows = await factory.WithDbAsync(db => db.CaseDeadlineReminders().Where(r => r.CaseId == Id(c)).OrderBy(r => r.Deadline).Select(r => r.Kind + " " + r.Deadline.ToString("yyyy-MM-dd")).ToListAsync());
        Assert.Equal(["final_approaching 2026-04-20", "final_approaching 2026-04-27", "final_missed 2026-04-27"], rows);
    }

    private static List<NotificationRequest> Reminders(List<NotificationRequest> requests, string name) =>
        requests.Where(r => r.Event == name).ToList();

    private static class DeadlineEvents
    {
        public const string Approaching = "correspondence.deadline_approaching";
        public const string Missed = "correspondence.deadline_missed";
    }
}
