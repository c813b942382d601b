using System.Globalization;

namespace Lnemis.Correspondence.Domain.Deadlines;

public enum DeadlineKind
{
    /// <summary>Internal: when the responding team should have a draft.</summary>
    Draft,

    /// <summary>Internal: within which a reviewer can take the case on.</summary>
    Escalation,

    /// <summary>The statutory deadline; a case is in time when responded on or before it.</summary>
    Final,
}

public enum DeadlineUnit
{
    WorkingDays,
    CalendarDays,
    CalendarMonths,

    /// <summary>Not counted: a date typed in (an ICO appeal's date set by the Information Commissioner).</summary>
    SetDate,
}

public enum StartAnchor
{
    /// <summary>
    /// The received date is day 1 (for working days: the received date if it is one, else the
    /// next working day); calendar months land on the received date's day number.
    /// </summary>
    ReceivedDate,

    /// <summary>
    /// Day 1 is the day after receipt (for working days: the first working day after receipt,
    /// as FOIA counts); calendar months land on that day's day number.
    /// </summary>
    DayAfterReceipt,
}

/// <summary>
/// How far the final deadline may be extended, in the rule's own unit. FOI public-interest test:
/// any number of extensions totalling at most 20 working days. SAR: once, by exactly 2 months.
/// </summary>
public sealed record ExtensionPolicy(string Name, int MaxTotal, int? MaxTimes = null, bool WholeAmountOnly = false);

/// <summary>
/// One version of one deadline of one case type. Rules are data: when the law or policy changes,
/// a new version is added with its <see cref="EffectiveFrom"/> date and the old one stays, so a
/// case keeps the rule that was in force on the day it was received.
/// </summary>
public sealed record DeadlineRule(
    CaseType CaseType,
    DeadlineKind Kind,
    DeadlineUnit Unit,
    int Count,
    StartAnchor Start,
    IReadOnlyList<string> HolidayCalendars,
    bool RollForward,
    DateOnly EffectiveFrom)
{
    /// <summary>Only on a final deadline; null when the case type cannot be extended.</summary>
    public ExtensionPolicy? Extension { get; init; }

    /// <summary>Whether the clock may be stopped (SAR: awaiting clarification or identification).</summary>
    public bool ClockCanStop { get; init; }

    /// <summary>Where the rule comes from, for people reading it (e.g. "FOIA s.10(1)").</summary>
    public string Basis { get; init; } = "";

    /// <summary>Who sets the date of a <see cref="DeadlineUnit.SetDate"/> rule, for the explanation.</summary>
    public string SetBy { get; init; } = "the Information Commissioner";

    /// <summary>Names the rule in messages: "sar final deadline from 2018-05-25".</summary>
    public string Name => $"{CaseType.Code()} {Kind.ToString().ToLowerInvariant()} deadline from {EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The clock in words: "20 working days", "1 calendar month", "a date set by the Information Commissioner".</summary>
    public string Describe() => Unit switch
    {
        DeadlineUnit.SetDate => $"a date set by {SetBy}",
        _ => Amount(Unit, Count),
    };

    internal static string Amount(DeadlineUnit unit, int count) => unit switch
    {
        DeadlineUnit.WorkingDays => count == 1 ? "1 working day" : $"{count} working days",
        DeadlineUnit.CalendarDays => count == 1 ? "1 calendar day" : $"{count} calendar days",
        DeadlineUnit.CalendarMonths => count == 1 ? "1 calendar month" : $"{count} calendar months",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What is wrong with the rule on its own; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Unit == DeadlineUnit.SetDate)
        {
            if (Count != 0)
            {
                problems.Add($"{Name}: a set date is not counted, so its count must be 0.");
            }
            if (Extension is not null)
            {
                problems.Add($"{Name}: a set date cannot be extended; a new date is set instead.");
            }
        }
        else if (Count < 1)
        {
            problems.Add($"{Name}: the count must be at least 1.");
        }
        if (Kind != DeadlineKind.Final && (Extension is not null || ClockCanStop))
        {
            problems.Add($"{Name}: extensions and clock stops move only the final deadline.");
        }
        if (Extension is { } extension && (extension.MaxTotal < 1 || extension.MaxTimes is < 1))
        {
            problems.Add($"{Name}: an extension policy must allow at least one extension of at least one unit.");
        }
        if (Unit != DeadlineUnit.SetDate && HolidayCalendars.Count == 0 && (Unit == DeadlineUnit.WorkingDays || RollForward))
        {
            problems.Add($"{Name}: working days need at least one holiday calendar.");
        }
        return problems;
    }
}

/// <summary>A deadline rule refused a computation or an event; the message names the rule.</summary>
public sealed class DeadlineRuleException(DeadlineRule? rule, string reason)
    : InvalidOperationException(rule is null ? reason : $"{reason} (rule: {rule.Name})")
{
    public DeadlineRule? Rule { get; } = rule;

    /// <summary>The refusal in plain words, without the rule's name: "a SAR may be extended once".</summary>
    public string Reason { get; } = reason;
}
