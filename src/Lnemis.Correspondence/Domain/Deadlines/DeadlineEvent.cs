using System.Globalization;

namespace Lnemis.Correspondence.Domain.Deadlines;

public enum ClockStopCategory
{
    AwaitingClarification,
    AwaitingIdentification,

    /// <summary>Waiting for proof that a third party may act for the data subject.</summary>
    AwaitingAuthority,
    Other,
}

/// <summary>
/// A fact of the case that moves its final deadline. Facts are appended to the case's history,
/// never edited; the deadline is derived from the received date, the rule and these facts.
/// </summary>
public abstract record DeadlineEvent(DateOnly On);

/// <summary>FOI public-interest test (+N working days) or SAR extension (+2 calendar months), in the rule's unit.</summary>
public sealed record ExtensionGranted(DateOnly On, int Amount, string Reason) : DeadlineEvent(On);

/// <summary>Removes every extension in force.</summary>
public sealed record ExtensionRemoved(DateOnly On, string Reason = "") : DeadlineEvent(On);

public sealed record ClockStopped(DateOnly On, string Reason, ClockStopCategory Category) : DeadlineEvent(On);

/// <summary>The final deadline moves on by the calendar days between the stop and this restart.</summary>
public sealed record ClockRestarted(DateOnly On) : DeadlineEvent(On);

/// <summary>The date of a <see cref="DeadlineUnit.SetDate"/> rule (an ICO appeal), typed in; a later one replaces it.</summary>
public sealed record DeadlineDateSet(DateOnly On, DateOnly Date) : DeadlineEvent(On);

/// <summary>Whether one more event may be appended to a case's deadline history.</summary>
public sealed record DeadlineEventCheck(bool IsAllowed, string Reason)
{
    public static DeadlineEventCheck Allowed { get; } = new(true, "");
}

/// <summary>A stop of the clock: closed when it has a restart date.</summary>
public sealed record ClockStopPeriod(ClockStopped Stop, DateOnly? RestartedOn)
{
    public int Days(DateOnly today) => (RestartedOn ?? today).DayNumber - Stop.On.DayNumber;
}

/// <summary>
/// Replays a final deadline's history under its rule: what is in force now (extensions, the
/// set date, clock stops), refusing any event the rule does not allow.
/// </summary>
public sealed class DeadlineHistory
{
    private readonly List<ExtensionGranted> extensions = [];
    private readonly List<ClockStopPeriod> stops = [];
    private DateOnly last;

    private DeadlineHistory(DeadlineRule rule, DateOnly receivedDate)
    {
        Rule = rule;
        ReceivedDate = receivedDate;
        last = receivedDate;
    }

    public DeadlineRule Rule { get; }
    public DateOnly ReceivedDate { get; }

    /// <summary>Extensions in force (granted and not since removed).</summary>
    public IReadOnlyList<ExtensionGranted> Extensions => extensions;

    public int ExtendedBy => extensions.Sum(e => e.Amount);

    public IReadOnlyList<ClockStopPeriod> Stops => stops;

    public ClockStopped? CurrentStop => stops.Count > 0 && stops[^1].RestartedOn is null ? stops[^1].Stop : null;

    public DeadlineDateSet? DateSet { get; private set; }

    /// <summary>Replays <paramref name="history"/>; throws <see cref="DeadlineRuleException"/> at the first event the rule refuses.</summary>
    public static DeadlineHistory Replay(DeadlineRule rule, DateOnly receivedDate, IEnumerable<DeadlineEvent> history)
    {
        var state = new DeadlineHistory(rule, receivedDate);
        foreach (var e in history)
        {
            var check = state.Check(e);
            if (!check.IsAllowed)
            {
                throw new DeadlineRuleException(rule, check.Reason);
            }
            state.Apply(e);
        }
        return state;
    }

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="history"/>; the reason says which rule refuses it.</summary>
    public static DeadlineEventCheck Check(DeadlineRule rule, DateOnly receivedDate, IEnumerable<DeadlineEvent> history, DeadlineEvent next)
    {
        DeadlineHistory state;
        try
        {
            state = Replay(rule, receivedDate, history);
        }
        catch (DeadlineRuleException e)
        {
            return new DeadlineEventCheck(false, "the history already breaks the rule: " + e.Reason);
        }
        return state.Check(next);
    }

    /// <summary>Whether one more extension could be granted now (for the workflow's "extend" guard).</summary>
    public bool CanExtend => Rule.Extension is { } policy
        && (policy.MaxTimes is not { } times || extensions.Count < times)
        && ExtendedBy < policy.MaxTotal;

    private DeadlineEventCheck Check(DeadlineEvent e)
    {
        var noun = Rule.CaseType.Noun();
        if (Rule.Kind != DeadlineKind.Final)
        {
            return Refuse("extensions, clock stops and set dates apply to the final deadline only");
        }
        if (e.On < ReceivedDate)
        {
            return Refuse($"an event cannot be dated {Day(e.On)}, before the case was received on {Day(ReceivedDate)}");
        }
        if (e.On < last)
        {
            return Refuse($"events are recorded in date order: {Day(e.On)} is before the previous event on {Day(last)}");
        }
        switch (e)
        {
            case ExtensionGranted grant:
                if (Rule.Extension is not { } policy)
                {
                    return Refuse($"{noun} cannot be extended");
                }
                if (string.IsNullOrWhiteSpace(grant.Reason))
                {
                    return Refuse($"a {policy.Name} needs a reason");
                }
                if (grant.Amount < 1)
                {
                    return Refuse($"a {policy.Name} must add at least {DeadlineRule.Amount(Rule.Unit, 1)}");
                }
                if (policy.MaxTimes is { } times && extensions.Count >= times)
                {
                    return Refuse(times == 1 ? $"{noun} may be extended once" : $"{noun} may be extended at most {times} times");
                }
                if (policy.WholeAmountOnly && grant.Amount != policy.MaxTotal)
                {
                    return Refuse($"a {policy.Name} is exactly {DeadlineRule.Amount(Rule.Unit, policy.MaxTotal)}, not {DeadlineRule.Amount(Rule.Unit, grant.Amount)}");
                }
                if (ExtendedBy + grant.Amount > policy.MaxTotal)
                {
                    return Refuse($"{noun} may be extended by at most {DeadlineRule.Amount(Rule.Unit, policy.MaxTotal)} in total"
                        + $" ({DeadlineRule.Amount(Rule.Unit, ExtendedBy)} already, {DeadlineRule.Amount(Rule.Unit, grant.Amount)} asked)");
                }
                return DeadlineEventCheck.Allowed;
            case ExtensionRemoved:
                return extensions.Count == 0 ? Refuse("there is no extension to remove") : DeadlineEventCheck.Allowed;
            case ClockStopped stop:
                if (!Rule.ClockCanStop)
                {
                    return Refuse($"the clock of {noun} cannot be stopped");
                }
                if (CurrentStop is { } current)
                {
                    return Refuse($"the clock is already stopped (since {Day(current.On)})");
                }
                return string.IsNullOrWhiteSpace(stop.Reason) ? Refuse("stopping the clock needs a reason") : DeadlineEventCheck.Allowed;
            case ClockRestarted:
                return CurrentStop is null ? Refuse("the clock is not stopped, so it cannot be restarted") : DeadlineEventCheck.Allowed;
            case DeadlineDateSet set:
                if (Rule.Unit != DeadlineUnit.SetDate)
                {
                    return Refuse($"the final deadline of {noun} is counted ({Rule.Describe()}), not set");
                }
                return set.Date < ReceivedDate
                    ? Refuse($"the date set, {Day(set.Date)}, is before the case was received on {Day(ReceivedDate)}")
                    : DeadlineEventCheck.Allowed;
            default:
                return Refuse($"{e.GetType().Name} is not a deadline event this rule knows");
        }
    }

    private void Apply(DeadlineEvent e)
    {
        last = e.On;
        switch (e)
        {
            case ExtensionGranted grant:
                extensions.Add(grant);
                break;
            case ExtensionRemoved:
                extensions.Clear();
                break;
            case ClockStopped stop:
                stops.Add(new ClockStopPeriod(stop, null));
                break;
            case ClockRestarted restart:
                stops[^1] = stops[^1] with { RestartedOn = restart.On };
                break;
            case DeadlineDateSet set:
                DateSet = set;
                break;
            default:
                break;
        }
    }

    private static DeadlineEventCheck Refuse(string reason) => new(false, reason);

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
