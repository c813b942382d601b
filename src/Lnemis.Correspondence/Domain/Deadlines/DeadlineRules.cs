using System.Globalization;

namespace Lnemis.Correspondence.Domain.Deadlines;

/// <summary>
/// Every version of every deadline rule. For a (case type, kind) the rule in force on the
/// received date is the one with the latest <see cref="DeadlineRule.EffectiveFrom"/> not after it.
/// </summary>
public sealed class DeadlineRuleSet
{
    private readonly List<DeadlineRule> rules;

    public DeadlineRuleSet(IEnumerable<DeadlineRule> rules)
    {
        this.rules = rules.OrderBy(r => r.CaseType).ThenBy(r => r.Kind).ThenBy(r => r.EffectiveFrom).ToList();
        var problems = this.rules.SelectMany(r => r.Problems()).ToList();
        problems.AddRange(this.rules
            .GroupBy(r => (r.CaseType, r.Kind, r.EffectiveFrom))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.First().Name}: {g.Count()} versions take effect on the same day."));
        if (problems.Count > 0)
        {
            throw new ArgumentException("The deadline rules are not usable: " + string.Join(" ", problems), nameof(rules));
        }
    }

    public IReadOnlyList<DeadlineRule> Rules => rules;

    /// <summary>The rule in force on <paramref name="receivedDate"/>, or null when none is.</summary>
    public DeadlineRule? Find(CaseType type, DeadlineKind kind, DateOnly receivedDate) =>
        rules.LastOrDefault(r => r.CaseType == type && r.Kind == kind && r.EffectiveFrom <= receivedDate);

    public DeadlineRule Get(CaseType type, DeadlineKind kind, DateOnly receivedDate)
    {
        if (Find(type, kind, receivedDate) is { } rule)
        {
            return rule;
        }
        var earliest = rules.FirstOrDefault(r => r.CaseType == type && r.Kind == kind);
        throw new DeadlineRuleException(null, earliest is null
            ? $"there is no {kind.ToString().ToLowerInvariant()} deadline rule for {type.Noun()}"
            : $"no {kind.ToString().ToLowerInvariant()} deadline rule for {type.Noun()} was in force on {receivedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (the first is {earliest.Name})");
    }

    public Deadline Compute(CaseType type, DeadlineKind kind, DateOnly receivedDate, HolidayCalendars calendars, IEnumerable<DeadlineEvent>? history = null) =>
        DeadlineCalculator.Compute(Get(type, kind, receivedDate), receivedDate, calendars, history);

    /// <summary>Every deadline of the case that has a rule in force (draft, escalation, final).</summary>
    public IReadOnlyList<Deadline> ComputeAll(CaseType type, DateOnly receivedDate, HolidayCalendars calendars, IEnumerable<DeadlineEvent>? history = null)
    {
        var events = history?.ToList() ?? [];
        return Enum.GetValues<DeadlineKind>()
            .Select(kind => Find(type, kind, receivedDate))
            .OfType<DeadlineRule>()
            .Select(rule => DeadlineCalculator.Compute(rule, receivedDate, calendars, events))
            .ToList();
    }

    /// <summary>Whether <paramref name="next"/> may be added to the case's final-deadline history.</summary>
    public DeadlineEventCheck Check(CaseType type, DateOnly receivedDate, IEnumerable<DeadlineEvent> history, DeadlineEvent next) =>
        Find(type, DeadlineKind.Final, receivedDate) is { } rule
            ? DeadlineHistory.Check(rule, receivedDate, history, next)
            : new DeadlineEventCheck(false, $"no final deadline rule for {type.Noun()} was in force on {receivedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
}

/// <summary>The rules LNEMIS ships with, for UK correspondence law. A deployment may replace them.</summary>
public static class DeadlineRules
{
    private static readonly DateOnly FoiaInForce = new(2005, 1, 1);
    private static readonly DateOnly Dpa1998InForce = new(2000, 3, 1);
    private static readonly DateOnly UkGdprInForce = new(2018, 5, 25);

    // FOIA s.10(6): a working day is any day but a weekend, Christmas Day, Good Friday or a bank
    // holiday "in any part of the United Kingdom", so FOI clocks skip every division's holidays.
    private static readonly IReadOnlyList<string> AllUk = HolidayCalendars.AllUkDivisions;

    // The DPA does not define working days for moving a SAR deadline off a non-working day; the
    // ministry works to England and Wales's holidays for those (a deployment may say otherwise).
    private static readonly IReadOnlyList<string> EnglandAndWales = [HolidayCalendars.EnglandAndWales];

    public static DeadlineRuleSet Default { get; } = new(
    [
        // FOI: day 1 is the first working day after receipt; the deadline is working day 20.
        new(CaseType.Foi, DeadlineKind.Final, DeadlineUnit.WorkingDays, 20, StartAnchor.DayAfterReceipt, AllUk, true, FoiaInForce)
        {
            Basis = "FOIA s.10(1); public-interest test extension s.10(3), up to 20 further working days by ICO guidance",
            Extension = new ExtensionPolicy("public-interest test extension", MaxTotal: 20),
        },
        new(CaseType.Foi, DeadlineKind.Draft, DeadlineUnit.WorkingDays, 10, StartAnchor.DayAfterReceipt, AllUk, true, FoiaInForce),
        new(CaseType.Foi, DeadlineKind.Escalation, DeadlineUnit.WorkingDays, 3, StartAnchor.DayAfterReceipt, AllUk, true, FoiaInForce),

        new(CaseType.FoiInternalReview, DeadlineKind.Final, DeadlineUnit.WorkingDays, 20, StartAnchor.DayAfterReceipt, AllUk, true, FoiaInForce)
        {
            Basis = "FOI code of practice s.5: internal reviews (timeliness or compliance) within 20 working days",
        },

        // SAR before UK GDPR: 40 calendar days (DPA 1998 s.7(8)), not moved off weekends.
        new(CaseType.Sar, DeadlineKind.Final, DeadlineUnit.CalendarDays, 40, StartAnchor.DayAfterReceipt, EnglandAndWales, false, Dpa1998InForce)
        {
            Basis = "DPA 1998 s.7(8)",
        },
        // SAR under UK GDPR: the corresponding day next month (clamped to the month's end), moved
        // on to the next working day; one extension of two further months for complex requests.
        new(CaseType.Sar, DeadlineKind.Final, DeadlineUnit.CalendarMonths, 1, StartAnchor.ReceivedDate, EnglandAndWales, true, UkGdprInForce)
        {
            Basis = "UK GDPR art.12(3); ICO guidance on calculating the time limit",
            Extension = new ExtensionPolicy("SAR extension", MaxTotal: 2, MaxTimes: 1, WholeAmountOnly: true),
            ClockCanStop = true,
        },
        new(CaseType.Sar, DeadlineKind.Draft, DeadlineUnit.WorkingDays, 10, StartAnchor.DayAfterReceipt, EnglandAndWales, true, UkGdprInForce),
        new(CaseType.Sar, DeadlineKind.Escalation, DeadlineUnit.WorkingDays, 3, StartAnchor.DayAfterReceipt, EnglandAndWales, true, UkGdprInForce),

        new(CaseType.SarInternalReview, DeadlineKind.Final, DeadlineUnit.CalendarMonths, 1, StartAnchor.ReceivedDate, EnglandAndWales, true, UkGdprInForce)
        {
            Basis = "ministry policy: internal reviews of SARs within one calendar month",
        },

        new(CaseType.IcoAppealFoi, DeadlineKind.Final, DeadlineUnit.SetDate, 0, StartAnchor.ReceivedDate, AllUk, false, FoiaInForce)
        {
            Basis = "the date in the Information Commissioner's decision notice or letter",
        },
        new(CaseType.IcoAppealSar, DeadlineKind.Final, DeadlineUnit.SetDate, 0, StartAnchor.ReceivedDate, EnglandAndWales, false, UkGdprInForce)
        {
            Basis = "the date in the Information Commissioner's letter",
        },

        // An appeal that ends "overturned" opens a new case with a fresh clock of its own.
        new(CaseType.OverturnedFoi, DeadlineKind.Final, DeadlineUnit.WorkingDays, 20, StartAnchor.DayAfterReceipt, AllUk, true, FoiaInForce)
        {
            Basis = "FOIA s.10(1), counted from the decision that overturned the response",
        },
        new(CaseType.OverturnedSar, DeadlineKind.Final, DeadlineUnit.CalendarDays, 30, StartAnchor.DayAfterReceipt, EnglandAndWales, true, UkGdprInForce)
        {
            Basis = "ministry policy: 30 calendar days from the decision that overturned the response",
        },
    ]);
}
