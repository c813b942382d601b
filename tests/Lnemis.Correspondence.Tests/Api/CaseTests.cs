using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Cases through the API: numbering, derived deadlines, the workflow with its refusals, history, outbox, concurrency and scope.</summary>
public sealed class CaseTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    [Fact]
    public async Task CreateFoi_NumbersByReceivedDay_AndDerivesDeadlinesWithExplanation()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);

        var number = c["number"]!.GetValue<string>();
        Assert.Matches("^260319[0-9]{3,}$", number);
        Assert.True(CaseNumber.TryParse(number, out var parsed));
        Assert.Equal(Thursday19March, parsed.ReceivedDate);
        Assert.Equal("unassigned", c["state"]!.GetValue<string>());

        var expected = DeadlineRules.Default.Compute(CaseType.Foi, DeadlineKind.Final, Thursday19March, HolidayCalendars.Uk);
        Assert.Equal(new DateOnly(2026, 4, 20), expected.Date);
        Assert.Equal("2026-04-20", c["finalDeadline"]!.GetValue<string>());
        var final = c["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "Final")!;
        Assert.Equal(expected.Explanation, final["explanation"]!.GetValue<string>());
        Assert.Contains("Good Friday", final["explanation"]!.GetValue<string>());
        Assert.Equal(3, c["deadlines"]!.AsArray().Count);

        // A second case the same day takes the next number.
        var next = await office.CreateCaseAsync("foi", Thursday19March);
        Assert.Equal(parsed.Sequence + 1, CaseNumber.Parse(next["number"]!.GetValue<string>()).Sequence);

        // Allowed events per role: the manager can triage; the responder can do nothing yet, then accept or reject once assigned.
        var asManager = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        var managerEvents = Events(asManager, "manager");
        Assert.Contains("assign", managerEvents);
        Assert.Contains("extend", managerEvents);
        Assert.DoesNotContain("accept", managerEvents);
        Assert.Equal(["create"], asManager["history"]!.AsArray().Select(h => h!["event"]!.GetValue<string>()));
        var asResponder = await office.Responder.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        Assert.Empty(Events(asResponder, "responder"));

        await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        asResponder = await office.Responder.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        Assert.Equal(["accept", "reject"], Events(asResponder, "responder").Where(e => e is "accept" or "reject").Order());
    }

    [Fact]
    public async Task CasesLoggedAtOnceForOneDay_GetDistinctConsecutiveNumbers()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var day = new DateOnly(2025, 1, 1).AddDays(Random.Shared.Next(0, 300));
        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => office.CreateCaseAsync("foi", day)));

        var sequences = created.Select(c => CaseNumber.Parse(c["number"]!.GetValue<string>())).Select(n => n.Sequence).Order().ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(sequences[^1] - sequences[0] + 1, sequences.Count);
    }

    [Fact]
    public async Task FullLifecycle_AppendsOneTransitionPerEvent_AndPublishesEvents()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        Assert.Equal("awaiting_responder", c["state"]!.GetValue<string>());
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        Assert.Equal(office.ResponderUser.Id, c["responderId"]!.GetValue<Guid>());
        c = await CaseOffice.FireAsync(office.Manager, c, "flag_for_clearance", new { clearanceSteps = new[] { "disclosure" } });
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        c = await CaseOffice.FireAsync(office.Responder, c, "send_for_clearance");
        Assert.Equal("pending_disclosure", c["state"]!.GetValue<string>());
        c = await CaseOffice.FireAsync(office.Approver, c, "request_amends", new { reason = "Redact the names in annex B." });
        Assert.Equal("drafting", c["state"]!.GetValue<string>());
        c = await CaseOffice.FireAsync(office.Responder, c, "send_for_clearance");
        c = await CaseOffice.FireAsync(office.Approver, c, "approve");
        Assert.Equal("awaiting_dispatch", c["state"]!.GetValue<string>());
        c = await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        Assert.False(c["isLate"]!.GetValue<bool>());
        c = await CaseOffice.FireAsync(office.Manager, c, "close", new { closure = new { informationHeld = "InPart", outcome = "RefusedInPart", exemptions = new[] { "s40" } } });
        Assert.Equal("closed", c["state"]!.GetValue<string>());
        Assert.Equal("RefusedInPart", c["closure"]!["outcome"]!.GetValue<string>());

        var history = c["history"]!.AsArray();
        Assert.Equal(
            ["create", "assign", "accept", "flag_for_clearance", "upload_response", "send_for_clearance", "request_amends", "send_for_clearance", "approve", "mark_responded", "close"],
            history.Select(h => h!["event"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h!["sequence"]!.GetValue<int>()));
        var accept = history[2]!;
        Assert.Equal(office.ResponderUser.Id, accept["actorId"]!.GetValue<Guid>());
        Assert.Equal(office.Responders.Id, accept["actorTeamId"]!.GetValue<Guid>());
        Assert.Equal("awaiting_responder", accept["fromState"]!.GetValue<string>());
        Assert.Equal(office.Responders.Id, history[1]!["teamId"]!.GetValue<Guid>());
        Assert.Equal("Redact the names in annex B.", history[6]!["message"]!.GetValue<string>());
        Assert.DoesNotContain(c["allowedEvents"]!["manager"]!.AsArray(), e => e!.GetValue<string>() is not ("link_case" or "edit" or "delete"));

        var id = c["id"]!.GetValue<Guid>().ToString();
        var payloads = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Payload.Contains(id)).Select(j => j.Payload).ToListAsync());
        Assert.Single(payloads, p => p.Contains("case.assigned"));
        Assert.Equal(2, payloads.Count(p => p.Contains("case.ready_for_clearance")));
        Assert.Single(payloads, p => p.Contains("case.redraft_requested"));
        Assert.Single(payloads, p => p.Contains("case.closed"));
        Assert.DoesNotContain(payloads, p => p.Contains("A. Requester"));
    }

    [Fact]
    public async Task Refusals_SayWhy()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);

        // The wrong role: a responder cannot assign.
        var role = await (await office.Responder.PostAsync($"/api/v1/cases/{c["id"]}/events/assign", new { version = 1, teamId = office.Responders.Id }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("responder may not 'assign'", role["detail"]!.GetValue<string>());

        // The wrong state: an unassigned case cannot be closed.
        var state = await (await office.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/close", new { version = 1 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("state unassigned", state["detail"]!.GetValue<string>());

        // A guard on the input: rejecting needs a reason, and the problem names the field.
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        var reject = await (await office.Responder.PostAsync($"/api/v1/cases/{c["id"]}/events/reject", new { version = c["version"]!.GetValue<long>() }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("A reason is required.", reject["errors"]!["reason"]![0]!.GetValue<string>());

        // An unknown event, and assigning to a team that is not a responder unit.
        await (await office.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/teleport", new { version = c["version"]!.GetValue<long>() }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        c = await CaseOffice.FireAsync(office.Responder, c, "reject", new { reason = "Not ours: ask the transport directorate." });
        Assert.Equal("unassigned", c["state"]!.GetValue<string>());
        Assert.Null(c["respondingTeamId"]);
        var team = await (await office.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/assign", new { version = c["version"]!.GetValue<long>(), teamId = office.Disclosure.Id }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(team["errors"]!["teamId"]);

        // Nothing refused was written.
        var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        Assert.Equal(["create", "assign", "reject"], detail["history"]!.AsArray().Select(h => h!["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SameVersionTwiceAtOnce_OneSucceeds_TheOtherGets409()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var (second, _) = await office.MemberAsync(factory, new Given(factory), RoleCatalog.CaseManager, office.Managers, Domain.Workflow.CaseRole.Manager);

        var responses = await Task.WhenAll(
            office.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/add_message", new { version = 1, message = "first" }),
            second.PostAsync($"/api/v1/cases/{c["id"]}/events/add_message", new { version = 1, message = "second" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        Assert.Single(detail["history"]!.AsArray(), h => h!["event"]!.GetValue<string>() == "add_message");
        Assert.Equal(2, detail["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task RetriedPostWithSameIdempotencyKey_IsPerformedOnce()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> SendAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c["id"]}/events/add_message")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { version = 1, message = "Chased the requester." }, options: TestClient.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await office.Manager.Http.SendAsync(request);
        }

        var first = await SendAsync();
        var again = await SendAsync();

        await first.ReadJsonAsync(HttpStatusCode.OK);
        await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{c["id"]}");
        Assert.Single(detail["history"]!.AsArray(), h => h!["event"]!.GetValue<string>() == "add_message");
    }

    [Fact]
    public async Task SarClockStopAndExtension_MoveTheDerivedDeadline_AndHistoryShowsOldAndNew()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("sar", Thursday19March);
        Assert.Equal("2026-04-20", c["finalDeadline"]!.GetValue<string>());

        c = await CaseOffice.FireAsync(office.Manager, c, "stop_clock", new { reason = "Asked for proof of identity.", category = "AwaitingIdentification", on = new DateOnly(2026, 3, 25) });
        Assert.True(c["clockStopped"]!.GetValue<bool>());
        Assert.Contains("restart_clock", Events(c, "manager"));
        Assert.DoesNotContain("stop_clock", Events(c, "manager"));
        c = await CaseOffice.FireAsync(office.Manager, c, "restart_clock", new { on = new DateOnly(2026, 4, 4) });
        c = await CaseOffice.FireAsync(office.Manager, c, "extend", new { reason = "Complex: records from four schools.", on = new DateOnly(2026, 4, 10) });

        DeadlineEvent[] facts =
        [
            new ClockStopped(new DateOnly(2026, 3, 25), "Asked for proof of identity.", ClockStopCategory.AwaitingIdentification),
            new ClockRestarted(new DateOnly(2026, 4, 4)),
            new ExtensionGranted(new DateOnly(2026, 4, 10), 2, "Complex: records from four schools."),
        ];
        var afterRestart = DeadlineRules.Default.Compute(CaseType.Sar, DeadlineKind.Final, Thursday19March, HolidayCalendars.Uk, facts[..2]).Date;
        var afterExtension = DeadlineRules.Default.Compute(CaseType.Sar, DeadlineKind.Final, Thursday19March, HolidayCalendars.Uk, facts);
        Assert.Equal(new DateOnly(2026, 4, 29), afterRestart);
        Assert.Equal(afterExtension.Date.ToString("yyyy-MM-dd"), c["finalDeadline"]!.GetValue<string>());
        Assert.Contains(c["deadlines"]!.AsArray(), d => d!["explanation"]!.GetValue<string>() == afterExtension.Explanation);
        Assert.True(c["isExtended"]!.GetValue<bool>());

        var history = c["history"]!.AsArray();
        Assert.Equal(("2026-04-20", "2026-04-20"), Deadlines(history[1]!));
        Assert.Equal(("2026-04-20", "2026-04-29"), Deadlines(history[2]!));
        Assert.Equal(("2026-04-29", afterExtension.Date.ToString("yyyy-MM-dd")), Deadlines(history[3]!));
        Assert.Equal("extension", history[3]!["deadlineChange"]!["kind"]!.GetValue<string>());

        // The rule allows one SAR extension: the button goes, and forcing it says why.
        Assert.DoesNotContain("extend", Events(c, "manager"));
        var again = await (await office.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/extend", new { version = c["version"]!.GetValue<long>(), reason = "More" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cannot be extended further", again["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserOfAnotherBusinessGroup_CannotSeeOrTouchTheCase()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var mine = await other.CreateCaseAsync("foi", Thursday19March);

        await (await other.Manager.GetAsync($"/api/v1/cases/{c["id"]}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.Responder.GetAsync($"/api/v1/cases/{c["id"]}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.Manager.PostAsync($"/api/v1/cases/{c["id"]}/events/add_message", new { version = 1, message = "hello" }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        var list = await other.Manager.GetJsonAsync("/api/v1/cases?pageSize=200");
        var ids = list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.DoesNotContain(c["id"]!.GetValue<Guid>(), ids);
        Assert.Contains(mine["id"]!.GetValue<Guid>(), ids);

        // Nor can they log a case into a group they do not manage.
        await (await other.Manager.PostAsync("/api/v1/cases", new { type = "foi", subject = "x", requesterName = "y", receivedOn = Thursday19March, managingTeamId = office.Managers.Id }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_FiltersByTypeStateTeamMineTimelinessAndDeadlineWindow()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var foi = await office.CreateCaseAsync("foi", Thursday19March);
        var sar = await office.CreateCaseAsync("sar", new DateOnly(2026, 5, 6));
        await CaseOffice.FireAsync(office.Manager, foi, "assign", new { teamId = office.Responders.Id });
        var accepted = await CaseOffice.FireAsync(office.Responder, await office.Manager.GetJsonAsync($"/api/v1/cases/{foi["id"]}"), "accept");

        async Task<List<Guid>> IdsAsync(TestClient client, string query) =>
            (await client.GetJsonAsync($"/api/v1/cases?pageSize=200&{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

        var foiId = foi["id"]!.GetValue<Guid>();
        var sarId = sar["id"]!.GetValue<Guid>();
        Assert.Equal([foiId, sarId], (await IdsAsync(office.Manager, $"teamId={office.Managers.Id}")));
        Assert.Equal([sarId], await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&type=sar"));
        Assert.Equal([foiId], await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&state=drafting"));
        Assert.Equal([foiId], await IdsAsync(office.Responder, "mine=true"));
        Assert.Equal([foiId, sarId], await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&timeliness=late"));
        Assert.Empty(await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&timeliness=in_time"));
        Assert.Equal([sarId], await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&deadlineFrom=2026-05-01&deadlineTo=2026-06-30"));
        Assert.Equal("drafting", accepted["state"]!.GetValue<string>());
        await (await office.Manager.GetAsync("/api/v1/cases?type=letter")).ReadProblemAsync(HttpStatusCode.BadRequest);

        // "My open cases": once answered and closed, the case leaves open=true but stays in mine=true.
        var closed = await CaseOffice.UploadResponseAsync(office.Responder, accepted);
        closed = await CaseOffice.FireAsync(office.Responder, closed, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        closed = await CaseOffice.FireAsync(office.Manager, closed, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted" } });
        Assert.Equal("closed", closed["state"]!.GetValue<string>());
        Assert.Equal([foiId], await IdsAsync(office.Responder, "mine=true"));
        Assert.Empty(await IdsAsync(office.Responder, "mine=true&open=true"));
        Assert.Equal([sarId], await IdsAsync(office.Manager, $"teamId={office.Managers.Id}&open=true"));
    }

    [Fact]
    public async Task PermissionMatrix_ListsEveryWorkflow()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var matrix = (await office.Responder.GetJsonAsync("/api/v1/cases/permission-matrix")).AsArray();
        var foi = matrix.Single(d => d!["name"]!.GetValue<string>() == "foi")!;
        var assign = foi["events"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "assign")!;
        Assert.Equal(["manager"], assign["roles"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()));
        Assert.Equal(7, matrix.Count);
    }

    private static List<string> Events(JsonNode c, string role) =>
        c["allowedEvents"]![role]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];

    private static (string?, string?) Deadlines(JsonNode transition) =>
        (transition["deadlineBefore"]?.GetValue<string>(), transition["deadlineAfter"]?.GetValue<string>());
}
