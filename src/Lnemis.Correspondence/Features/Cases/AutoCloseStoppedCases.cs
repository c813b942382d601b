using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Hourly in the worker: closes cases whose clock has been stopped longer than the rule allows
/// (<see cref="ClockStop.AutoCloseAfterDays"/>: the requester never sent the clarification or
/// identification). Each case is closed by firing the workflow's <c>auto_close</c> event as the
/// system, through the same command users go through: one transaction per case, a history entry
/// saying why, and the case's version checked at save, so two workers never close a case twice.
/// </summary>
internal sealed class AutoCloseStoppedCases(TimeProvider clock, ILogger<AutoCloseStoppedCases> logger) : IRecurringTask
{
    public const string EventName = "auto_close";
    public const int BatchSize = 200;

    public string Name => "correspondence-auto-close";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        await CloseDueAsync(services.GetRequiredService<IServiceScopeFactory>(), clock, logger, ct);

    /// <summary>Closes every case due; returns how many this call closed.</summary>
    public static async Task<int> CloseDueAsync(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var definitions = WorkflowDefinitions.All.Where(d => d.Event(EventName) is not null).ToList();
        var types = definitions.SelectMany(d => d.CaseTypes).ToList();
        var states = definitions.SelectMany(d => d.Event(EventName)!.From).Distinct().ToList();
        var closed = 0;
        var passed = 0;
        while (!ct.IsCancellationRequested)
        {
            List<Guid> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
                var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
                // Only cases whose clock was ever stopped; whether it is stopped now, and for how long, the history says.
                var stopped = db.CaseTransitions().Where(t => t.Event == "stop_clock").Select(t => t.CaseId);
                batch = await db.Cases().AsNoTracking()
                    .Where(c => types.Contains(c.Type) && states.Contains(c.State) && stopped.Contains(c.Id))
                    .OrderBy(c => c.Id)
                    .Select(c => c.Id)
                    .Skip(passed).Take(BatchSize)
                    .ToListAsync(ct);
            }

            foreach (var id in batch)
            {
                if (await CloseIfDueAsync(scopes, clock, logger, id, ct))
                {
                    closed++;
                }
                else
                {
                    passed++;
                }
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return closed;
    }

    private static async Task<bool> CloseIfDueAsync(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var actor = services.GetRequiredService<CurrentActor>();
        actor.SetSystem();
        var db = services.GetRequiredService<LnemisDbContext>();
        var caseClock = services.GetRequiredService<CaseClock>();
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return false;
        }

        var facts = await CaseFacts.LoadAsync(db, c, caseClock, CaseDetails.Today(clock), ct);
        if (ClockStop.Current(facts.DeadlineEvents) is not { } stop || !facts.Snapshot(CaseCaller.System(c)).ClockStopExpired)
        {
            return false;
        }

        var days = ClockStop.DaysStopped(facts.DeadlineEvents, facts.Today);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"closed automatically: the clock was stopped on {stop.On:ddd d MMM yyyy} and stayed stopped for {days} days, more than the {ClockStop.AutoCloseAfterDays} the rule allows");
        try
        {
            var fired = await FireCaseEvent.FireAsync(
                c.Id, EventName, FireCaseEvent.Request.WithReason(c.Version, reason), asSystem: true, db, actor, caseClock,
                services.GetRequiredService<EventPublisher>(), services.GetRequiredService<CaseObservers>(), clock, ct);
            if (fired.Problem is not null)
            {
                logger.LogWarning("Case {Number} was due to close automatically but the workflow refused it", c.Number);
                return false;
            }

            logger.LogInformation("Case {Number} closed automatically after {Days} days with the clock stopped", c.Number, days);
            return true;
        }
        catch (DbUpdateException)
        {
            // Changed since it was read (another worker closed it, or a manager restarted the clock): its next run decides again.
            return false;
        }
    }
}
