using System.Globalization;

namespace Lnemis.Correspondence.Domain.Deadlines;

/// <summary>
/// A computed deadline and why it is that date. <see cref="Explanation"/> is what the case page
/// shows next to the date, e.g. "received Thu 19 Mar 2026; day 1 = Fri 20 Mar 2026; 20 working
/// days, skipping weekends, Good Friday 3 Apr and Easter Monday 6 Apr → Mon 20 Apr 2026".
/// </summary>
public sealed record Deadline(DeadlineKind Kind, DateOnly Date, string Explanation, DeadlineRule Rule)
{
    /// <summary>The explanation's steps, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Set while the clock is stopped: the date then moves on by the days stopped once it restarts.</summary>
    public DateOnly? ClockStoppedSince { get; init; }

    public override string ToString() => $"{Kind} {Date:yyyy-MM-dd}: {Explanation}";
}

/// <summary>
/// Derives a deadline from the rule in force, the received date, the holiday calendars and the
/// case's deadline events. Nothing is patched: the same inputs always give the same date and
/// the same explanation, so a deadline can be recomputed (and explained) at any time.
/// </summary>
public static class DeadlineCalculator
{
    private const string Arrow = " → ";

    public static Deadline Compute(DeadlineRule rule, DateOnly receivedDate, HolidayCalendars calendars, IEnumerable<DeadlineEvent>? history = null)
    {
        var problems = rule.Problems();
        if (problems.Count > 0)
        {
            throw new DeadlineRuleException(rule, string.Join(" ", problems));
        }
        var unknown = rule.HolidayCalendars.Where(n => !calendars.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new DeadlineRuleException(rule, $"no holiday calendar is named {string.Join(", ", unknown.Select(n => $"'{n}'"))}");
        }
        var calendar = calendars.Combine(rule.HolidayCalendars);
        // Internal deadlines are targets for the team; only the statutory one moves with the case's facts.
        var facts = rule.Kind == DeadlineKind.Final
            ? DeadlineHistory.Replay(rule, receivedDate, history ?? [])
            : null;

        var steps = new List<string> { "received " + Day(receivedDate) };
        var date = rule.Unit switch
        {
            DeadlineUnit.WorkingDays => CountWorkingDays(rule, receivedDate, calendar, facts, steps),
            DeadlineUnit.CalendarDays => CountCalendarDays(rule, receivedDate, facts, steps),
            DeadlineUnit.CalendarMonths => CountCalendarMonths(rule, receivedDate, facts, steps),
            DeadlineUnit.SetDate => SetDate(rule, facts, steps),
            _ => throw new DeadlineRuleException(rule, $"unknown unit {rule.Unit}"),
        };

        DateOnly? stoppedSince = null;
        if (facts is not null)
        {
            foreach (var period in facts.Stops)
            {
                var why = Describe(period.Stop);
                if (period.RestartedOn is { } restarted)
                {
                    var days = period.Days(restarted);
                    date = date.AddDays(days);
                    steps.Add($"clock stopped {Day(period.Stop.On)} ({why}) and restarted {Day(restarted)}: {days} calendar day{(days == 1 ? "" : "s")} stopped, pushed by {days}{Arrow}{Day(date)}");
                }
                else
                {
                    stoppedSince = period.Stop.On;
                    steps.Add($"clock stopped since {Day(period.Stop.On)} ({why}): the deadline moves on by the calendar days stopped when the clock restarts");
                }
            }
        }

        if (!calendar.IsWorkingDay(date) && rule.Unit != DeadlineUnit.SetDate)
        {
            if (rule.RollForward || rule.Unit == DeadlineUnit.WorkingDays)
            {
                var skipped = new List<string>();
                while (!calendar.IsWorkingDay(date))
                {
                    skipped.Add(calendar.TryGetHoliday(date, out var holiday) ? $"{holiday.Title} {Short(date, receivedDate)}" : Short(date, receivedDate, withWeekday: true));
                    date = date.AddDays(1);
                }
                steps.Add($"not a working day, so moved to the next working day, skipping {Join(skipped)}{Arrow}{Day(date)}");
            }
            else
            {
                steps.Add($"{Day(date)} is not a working day, but this rule does not move the deadline");
            }
        }

        if (rule.Unit != DeadlineUnit.SetDate)
        {
            var missing = Enumerable.Range(receivedDate.Year, date.Year - receivedDate.Year + 1)
                .Where(y => rule.HolidayCalendars.Any(n => !calendars[n].Covers(y)))
                .ToList();
            if (missing.Count > 0)
            {
                steps.Add($"note: no holiday data for {Join(missing.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList())} in {string.Join(", ", rule.HolidayCalendars)}, so only weekends were treated as non-working days then");
            }
        }

        return new Deadline(rule.Kind, date, string.Join("; ", steps), rule) { Steps = steps, ClockStoppedSince = stoppedSince };
    }

    private static DateOnly CountWorkingDays(DeadlineRule rule, DateOnly received, HolidayCalendar calendar, DeadlineHistory? facts, List<string> steps)
    {
        var count = rule.Count + (facts?.ExtendedBy ?? 0);
        var first = rule.Start == StartAnchor.DayAfterReceipt ? received.AddDays(1) : received;
        var day = first;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        steps.Add("day 1 = " + Day(day));
        for (var n = 1; n < count; n++)
        {
            do
            {
                day = day.AddDays(1);
            }
            while (!calendar.IsWorkingDay(day));
        }

        var skipped = new List<string>();
        var weekends = false;
        for (var d = first; d <= day; d = d.AddDays(1))
        {
            if (HolidayCalendar.IsWeekend(d))
            {
                weekends = true;
            }
            else if (calendar.TryGetHoliday(d, out var holiday))
            {
                skipped.Add($"{holiday.Title} {Short(d, received)}");
            }
        }
        if (weekends)
        {
            skipped.Insert(0, "weekends");
        }
        steps.Add(Counted(rule, facts) + (skipped.Count > 0 ? ", skipping " + Join(skipped) : ", no weekends or holidays in between") + Arrow + Day(day));
        return day;
    }

    private static DateOnly CountCalendarDays(DeadlineRule rule, DateOnly received, DeadlineHistory? facts, List<string> steps)
    {
        var count = rule.Count + (facts?.ExtendedBy ?? 0);
        var first = rule.Start == StartAnchor.DayAfterReceipt ? received.AddDays(1) : received;
        var date = first.AddDays(count - 1);
        steps.Add("day 1 = " + Day(first));
        steps.Add(Counted(rule, facts) + Arrow + Day(date));
        return date;
    }

    private static DateOnly CountCalendarMonths(DeadlineRule rule, DateOnly received, DeadlineHistory? facts, List<string> steps)
    {
        var months = rule.Count + (facts?.ExtendedBy ?? 0);
        var from = rule.Start == StartAnchor.DayAfterReceipt ? received.AddDays(1) : received;
        if (from != received)
        {
            steps.Add("counted from " + Day(from));
        }
        var date = from.AddMonths(months);
        if (date.Day != from.Day)
        {
            // DateOnly.AddMonths clamps to the month's last day; say so, people expect the same day number.
            var month = date.ToString("MMM yyyy", CultureInfo.InvariantCulture);
            steps.Add($"{Counted(rule, facts)}: {month} has no day {from.Day}, so the month's last day{Arrow}{Day(date)}");
        }
        else
        {
            steps.Add($"{Counted(rule, facts)}, same day number{Arrow}{Day(date)}");
        }
        return date;
    }

    private static DateOnly SetDate(DeadlineRule rule, DeadlineHistory? facts, List<string> steps)
    {
        if (facts?.DateSet is not { } set)
        {
            throw new DeadlineRuleException(rule, $"the final deadline of {rule.CaseType.Noun()} is a date set by {rule.SetBy}, and none has been recorded");
        }
        steps.Add($"date set by {rule.SetBy} (recorded {Day(set.On)}){Arrow}{Day(set.Date)}");
        return set.Date;
    }

    private static string Counted(DeadlineRule rule, DeadlineHistory? facts)
    {
        var text = DeadlineRule.Amount(rule.Unit, rule.Count);
        if (facts is { ExtendedBy: > 0 } && rule.Extension is { } policy)
        {
            var reasons = string.Join("; ", facts.Extensions.Select(e => e.Reason));
            text += $" + {DeadlineRule.Amount(rule.Unit, facts.ExtendedBy)} {policy.Name} ({reasons}) = {DeadlineRule.Amount(rule.Unit, rule.Count + facts.ExtendedBy)}";
        }
        return text;
    }

    private static string Describe(ClockStopped stop)
    {
        var category = stop.Category switch
        {
            ClockStopCategory.AwaitingClarification => "awaiting clarification",
            ClockStopCategory.AwaitingIdentification => "awaiting identification",
            ClockStopCategory.AwaitingAuthority => "awaiting authority to act for the data subject",
            _ => "other",
        };
        return string.IsNullOrWhiteSpace(stop.Reason) ? category : $"{category}: {stop.Reason}";
    }

    internal static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"3 Apr", with the year when it differs from the reference date's.</summary>
    private static string Short(DateOnly date, DateOnly reference, bool withWeekday = false) =>
        date.ToString((withWeekday ? "ddd " : "") + (date.Year == reference.Year ? "d MMM" : "d MMM yyyy"), CultureInfo.InvariantCulture);

    internal static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
