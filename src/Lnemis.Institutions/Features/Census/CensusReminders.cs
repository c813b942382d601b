using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions.Features.Census;

/// <summary>
/// Hourly in the worker: on each reminder day of an open round (and weekly once the deadline has
/// passed, as overdue, for two months), publishes census.reminder_due for each open institution without a
/// submitted return, and asks the Notifications module to e-mail the institution (notification events
/// census.reminder_due / census.reminder_overdue). The reminder row makes each go out once.
/// </summary>
internal sealed class CensusReminders(TimeProvider clock) : IRecurringTask
{
    public string Name => "census-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventPublisher>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await SendDueAsync(db, events, notifier, clock, ct);
    }

    /// <summary>Sends what is due today; returns how many reminders were published.</summary>
    public static async Task<int> SendDueAsync(LnemisDbContext db, EventPublisher events, Notifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rounds = await db.CensusRounds().AsNoTracking().Where(r => r.OpensOn <= today).ToListAsync(ct);
        var sent = 0;
        foreach (var round in rounds)
        {
            var daysLeft = round.Deadline.DayNumber - today.DayNumber;
            int? dueKey = daysLeft < 0
                ? (-daysLeft % 7 == 1 ? daysLeft : null)
                : round.ReminderDayList.Contains(daysLeft) ? daysLeft : null;
            if (dueKey is not { } key || daysLeft < -60)
            {
                continue;
            }

            var submitted = db.CensusReturns().IgnoreQueryFilters([LnemisDbContext.ScopeFilter])
                .Where(r => r.RoundId == round.Id && r.Status != CensusReturnStatus.Draft && r.Status != CensusReturnStatus.Returned)
                .Select(r => r.InstitutionId);
            var reminded = db.CensusReminders().Where(r => r.RoundId == round.Id && r.DaysBefore == key).Select(r => r.InstitutionId);
            var pending = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
                .Where(i => i.Status == InstitutionStatus.Open && !submitted.Contains(i.Id) && !reminded.Contains(i.Id))
                .Select(i => new { i.Id, i.Code, i.Name, i.ScopePath, i.Email })
                .ToListAsync(ct);
            foreach (var batch in pending.Chunk(500))
            {
                foreach (var institution in batch)
                {
                    db.CensusReminders().Add(new CensusReminder
                    {
                        Id = Guid.CreateVersion7(),
                        RoundId = round.Id,
                        InstitutionId = institution.Id,
                        DaysBefore = key,
                        SentAt = now,
                    });
                    events.Publish(CensusEvents.ReminderDue, institution.Id, institution.ScopePath, new
                    {
                        RoundId = round.Id,
                        Round = round.Name,
                        round.Deadline,
                        DaysLeft = daysLeft,
                        Overdue = daysLeft < 0,
                        InstitutionId = institution.Id,
                        InstitutionCode = institution.Code,
                        InstitutionName = institution.Name,
                        institution.Email,
                    });
                    if (!string.IsNullOrWhiteSpace(institution.Email))
                    {
                        notifier.Notify(
                            daysLeft < 0 ? "census.reminder_overdue" : "census.reminder_due",
                            [],
                            new Dictionary<string, string>(StringComparer.Ordinal)
                            {
                                ["round"] = round.Name,
                                ["deadline"] = round.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                                ["daysLeft"] = Math.Abs(daysLeft).ToString(System.Globalization.CultureInfo.InvariantCulture),
                                ["institutionName"] = institution.Name,
                                ["institutionCode"] = institution.Code,
                            },
                            "/census/returns",
                            [institution.Email]);
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                sent += batch.Length;
            }
        }

        return sent;
    }
}
