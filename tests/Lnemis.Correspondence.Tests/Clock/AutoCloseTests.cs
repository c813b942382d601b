using System.Net;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lnemis.Correspondence.Tests.Clock;

/// <summary>A SAR whose clock stays stopped more than 90 days closes itself, through the workflow, once.</summary>
public sealed class AutoCloseTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private Task<int> RunAsync() =>
        AutoCloseStoppedCases.CloseDueAsync(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock, NullLogger.Instance, CancellationToken.None);

    private Task<Case> CaseAsync(Guid id) => factory.WithDbAsync(db => db.Cases().AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<List<CaseTransition>> HistoryAsync(Guid id) =>
        factory.WithDbAsync(db => db.CaseTransitions().AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync());

    private async Task<Guid> StoppedSarAsync(CaseOffice office)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var c = await office.CreateCaseAsync("sar", today.AddDays(-3));
        await CaseOffice.FireAsync(office.Manager, c, "stop_clock", new { reason = "Awaiting proof of identity", category = "AwaitingIdentification", on = today });
        return c["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task StoppedNinetyDays_StaysOpen_NinetyOne_ClosesOnceWithTheReason()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var id = await StoppedSarAsync(office);

        // A user cannot fire the system's event.
        var c = await office.Manager.GetJsonAsync($"/api/v1/cases/{id}");
        await CaseOffice.FireAsync(office.Manager, c, "auto_close", new { reason = "try" }, HttpStatusCode.Forbidden);

        factory.Clock.Advance(TimeSpan.FromDays(90));
        await RunAsync();
        Assert.Equal("unassigned", (await CaseAsync(id)).State);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        // Two workers at once: the version check lets one close it.
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();

        var closed = await CaseAsync(id);
        Assert.Equal(WorkflowDefinitions.Closed, closed.State);
        Assert.Equal(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), closed.ClosedOn);
        var history = await HistoryAsync(id);
        var entry = Assert.Single(history, t => t.Event == AutoCloseStoppedCases.EventName);
        Assert.Equal(history[^1].Id, entry.Id);
        Assert.Equal(CaseRole.System, entry.ActorRole);
        Assert.Null(entry.ActorId);
        Assert.Equal(office.Managers.Id, entry.ActorTeamId);
        Assert.Equal("unassigned", entry.FromState);
        Assert.Contains("stayed stopped for 91 days, more than the 90", entry.Message, StringComparison.Ordinal);

        var closedNotice = Assert.Single(await Outboxed.NotificationsAsync(factory, id), n => n.Event == "correspondence.case_closed");
        Assert.Equal([office.ManagerUser.Id], closedNotice.UserIds);
    }

    [Fact]
    public async Task ARestartedClock_IsNotClosed()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var id = await StoppedSarAsync(office);
        var c = await office.Manager.GetJsonAsync($"/api/v1/cases/{id}");
        await CaseOffice.FireAsync(office.Manager, c, "restart_clock");

        factory.Clock.Advance(TimeSpan.FromDays(120));
        await RunAsync();
        Assert.Equal("unassigned", (await CaseAsync(id)).State);
        Assert.DoesNotContain(await HistoryAsync(id), t => t.Event == AutoCloseStoppedCases.EventName);
    }
}
