using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Correspondence.Features.Notifications;

/// <summary>The module's settings (section <c>Lnemis:Correspondence</c>).</summary>
public sealed class CorrespondenceOptions
{
    public const string Section = "Lnemis:Correspondence";

    /// <summary>How many working days before a draft or final deadline its "approaching" reminder goes out.</summary>
    public int DeadlineReminderWorkingDays { get; set; } = 3;
}

/// <summary>
/// Hourly in the worker: asks for <c>correspondence.deadline_approaching</c> when a draft or final
/// deadline is at most <see cref="CorrespondenceOptions.DeadlineReminderWorkingDays"/> working days
/// away, and <c>correspondence.deadline_missed</c> the day after it passed, once per case, kind and
/// deadline date (the reminders table is unique on them, so concurrent workers never repeat one
/// and a moved deadline gets its own). Cases that have responded, are closed, or whose clock is
/// stopped get none; a draft deadline only matters while the case is still being drafted.
/// </summary>
internal sealed class DeadlineReminders(TimeProvider clock, IOptions<CorrespondenceOptions> options) : IRecurringTask
{
    public const int BatchSize = 200;

    // Missed deadlines further back than this are not announced (a case late for months was
    // announced when it became late; this bounds the scan once the feature is switched on).
    private const int MissedLookBackDays = 7;

    // A draft deadline (10 working days) is always within this many calendar days of receipt.
    private const int DraftWindowDays = 45;

    private static readonly string[] Drafting = [WorkflowDefinitions.Unassigned, WorkflowDefinitions.AwaitingResponder, WorkflowDefinitions.Drafting];
    private static readonly string[] Finished = [WorkflowDefinitions.Responded, WorkflowDefinitions.Closed];

    public string Name => "correspondence-deadline-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendDueAsync(services.GetRequiredService<IServiceScopeFactory>(), clock, options.Value.DeadlineReminderWorkingDays, ct);

    /// <summary>Asks for every reminder due now; returns how many this call asked for.</summary>
    public static async Task<int> SendDueAsync(IServiceScopeFactory scopes, TimeProvider clock, int workingDaysBefore, CancellationToken ct)
    {
        var today = CaseDetails.Today(clock);
        var horizon = today.AddDays((workingDaysBefore * 2) + 14);
        var missedFrom = today.AddDays(-MissedLookBackDays);
        var draftFrom = today.AddDays(-DraftWindowDays);
        var sent = 0;
        var after = Guid.Empty;
        while (!ct.IsCancellationRequested)
        {
            List<Guid> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
                var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
                var reminders = db.CaseDeadlineReminders();

                // Only cases that may owe a reminder: a final deadline in the window whose reminder for
                // that date (missed once past, else approaching) is not sent yet, or a draft deadline
                // still being drafted. Every hour, a national case load is otherwise read case by case.
                batch = await db.Cases().AsNoTracking()
                    .Where(c => c.Id.CompareTo(after) > 0 && !Finished.Contains(c.State))
                    .Where(c => (c.FinalDeadline >= missedFrom && c.FinalDeadline <= horizon
                            && !reminders.Any(r => r.CaseId == c.Id && r.Deadline == c.FinalDeadline
                                && r.Kind == (c.FinalDeadline < today ? CaseDeadlineReminder.FinalMissed : CaseDeadlineReminder.FinalApproaching)))
                        || (c.ReceivedOn >= draftFrom && Drafting.Contains(c.State)))
                    .OrderBy(c => c.Id).Select(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(ct);
            }

            foreach (var id in batch)
            {
                sent += await RemindAsync(scopes, id, today, workingDaysBefore, ct);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }

            after = batch[^1];
        }

        return sent;
    }

    /// <summary>The reminders due for one case, each saved with its notification in its own transaction.</summary>
    private static async Task<int> RemindAsync(IServiceScopeFactory scopes, Guid id, DateOnly today, int workingDaysBefore, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentActor>().SetSystem();
        var db = services.GetRequiredService<LnemisDbContext>();
        var caseClock = services.GetRequiredService<CaseClock>();
        var c = await db.Cases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || Finished.Contains(c.State))
        {
            return 0;
        }

        var facts = await CaseFacts.LoadAsync(db, c, caseClock, today, ct);
        if (ClockStop.Current(facts.DeadlineEvents) is not null)
        {
            return 0;
        }

        var due = new List<(string Kind, Deadline Deadline, bool Missed)>();
        foreach (var deadline in facts.Deadlines)
        {
            if (deadline.Kind == DeadlineKind.Escalation || (deadline.Kind == DeadlineKind.Draft && !Drafting.Contains(c.State)))
            {
                continue;
            }

            var draft = deadline.Kind == DeadlineKind.Draft;
            if (deadline.Date < today && deadline.Date >= today.AddDays(-MissedLookBackDays))
            {
                due.Add((draft ? CaseDeadlineReminder.DraftMissed : CaseDeadlineReminder.FinalMissed, deadline, true));
            }
            else if (deadline.Date >= today && WorkingDaysUntil(caseClock.Calendars.Combine(deadline.Rule.HolidayCalendars), today, deadline.Date) <= workingDaysBefore)
            {
                due.Add((draft ? CaseDeadlineReminder.DraftApproaching : CaseDeadlineReminder.FinalApproaching, deadline, false));
            }
        }

        var sent = 0;
        foreach (var (kind, deadline, missed) in due)
        {
            if (await db.CaseDeadlineReminders().AnyAsync(r => r.CaseId == c.Id && r.Kind == kind && r.Deadline == deadline.Date, ct))
            {
                continue;
            }

            var recipients = await CaseNotificationEvents.RespondersAsync(db, c, ct);
            if (missed || recipients.Count == 0)
            {
                recipients.AddRange(await CaseNotificationEvents.MembersAsync(db, [c.ManagingTeamId], ct));
            }

            db.CaseDeadlineReminders().Add(new CaseDeadlineReminder { Id = Guid.CreateVersion7(), CaseId = c.Id, Kind = kind, Deadline = deadline.Date, SentAt = services.GetRequiredService<TimeProvider>().GetUtcNow() });
            var data = CaseNotificationEvents.Data(c, c.State, deadline.Date);
            data["deadlineKind"] = deadline.Kind.ToString().ToLowerInvariant();
            services.GetRequiredService<Notifier>().Notify(missed ? CaseNotificationEvents.DeadlineMissed : CaseNotificationEvents.DeadlineApproaching, recipients, data, CaseNotificationEvents.Link(c));
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another worker asked for this reminder first.
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 on the day itself).</summary>
    private static int WorkingDaysUntil(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days++;
            }
        }

        return days;
    }
}
