using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;

namespace Lnemis.Correspondence.Tests.Deadlines;

/// <summary>Extensions and clock stops are events; the final deadline is derived from them.</summary>
public sealed class DeadlineHistoryTests
{
    private static readonly HolidayCalendars Uk = HolidayCalendars.Uk;
    private static readonly DeadlineRuleSet Rules = DeadlineRules.Default;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Deadline Final(CaseType type, DateOnly received, params DeadlineEvent[] history) =>
        Rules.Compute(type, DeadlineKind.Final, received, Uk, history);

    private static DeadlineEventCheck Check(CaseType type, DateOnly received, DeadlineEvent[] history, DeadlineEvent next) =>
        Rules.Check(type, received, history, next);

    // ---- FOI public-interest test: up to 20 more working days in total, with a reason

    [Fact]
    public void Foi_PublicInterestTest_Adds20WorkingDays()
    {
        // Received Thu 19 Mar 2026: 20 WD -> Mon 20 Apr; 40 WD counted from the same day 1 also
        // skip the early May bank holiday Mon 4 May -> day 40 = Tue 19 May.
        var deadline = Final(CaseType.Foi, D(2026, 3, 19), new ExtensionGranted(D(2026, 4, 10), 20, "s.36 public interest"));

        Assert.Equal(D(2026, 5, 19), deadline.Date);
        Assert.Contains("20 working days + 20 working days public-interest test extension (s.36 public interest) = 40 working days", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("Early May bank holiday 4 May", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Foi_TwoExtensionsOf10_Total20_AndAThirdIsRefused()
    {
        // 10 + 10 = 20 WD of extension, the most allowed: same date as one +20, Tue 19 May 2026.
        DeadlineEvent[] history = [new ExtensionGranted(D(2026, 4, 10), 10, "s.43 consultation"), new ExtensionGranted(D(2026, 4, 24), 10, "more time")];

        Assert.Equal(D(2026, 5, 19), Final(CaseType.Foi, D(2026, 3, 19), history).Date);
        var third = Check(CaseType.Foi, D(2026, 3, 19), history, new ExtensionGranted(D(2026, 5, 1), 1, "again"));
        Assert.False(third.IsAllowed);
        Assert.Equal("an FOI request may be extended by at most 20 working days in total (20 working days already, 1 working day asked)", third.Reason);
    }

    [Fact]
    public void Foi_ExtensionOver20_OrWithoutAReason_IsRefused()
    {
        Assert.Equal(
            "an FOI request may be extended by at most 20 working days in total (0 working days already, 21 working days asked)",
            Check(CaseType.Foi, D(2026, 3, 19), [], new ExtensionGranted(D(2026, 4, 1), 21, "long")).Reason);
        Assert.Equal(
            "a public-interest test extension needs a reason",
            Check(CaseType.Foi, D(2026, 3, 19), [], new ExtensionGranted(D(2026, 4, 1), 5, " ")).Reason);
    }

    [Fact]
    public void Foi_ExtensionRemoved_BringsBackTheStatutoryDate()
    {
        // The extension is removed, so the deadline is derived again from 20 WD: Mon 20 Apr 2026.
        var deadline = Final(CaseType.Foi, D(2026, 3, 19),
            new ExtensionGranted(D(2026, 4, 10), 20, "PIT"),
            new ExtensionRemoved(D(2026, 4, 14), "not needed"));

        Assert.Equal(D(2026, 4, 20), deadline.Date);
        Assert.DoesNotContain("extension", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingAnExtensionThatIsNotThere_IsRefused()
    {
        Assert.Equal("there is no extension to remove", Check(CaseType.Foi, D(2026, 3, 19), [], new ExtensionRemoved(D(2026, 4, 1))).Reason);
    }

    [Fact]
    public void Foi_ClockCannotBeStopped()
    {
        var check = Check(CaseType.Foi, D(2026, 3, 19), [], new ClockStopped(D(2026, 3, 20), "clarify", ClockStopCategory.AwaitingClarification));

        Assert.Equal("the clock of an FOI request cannot be stopped", check.Reason);
    }

    [Fact]
    public void FoiInternalReview_CannotBeExtended()
    {
        Assert.Equal("an FOI internal review cannot be extended", Check(CaseType.FoiInternalReview, D(2026, 3, 19), [], new ExtensionGranted(D(2026, 3, 20), 5, "x")).Reason);
    }

    // ---- SAR extension: once, by exactly 2 calendar months

    [Fact]
    public void Sar_Extension_AddsTwoCalendarMonths()
    {
        // Received Thu 19 Mar 2026: 1 + 2 = 3 calendar months -> Fri 19 Jun 2026, a working day.
        var deadline = Final(CaseType.Sar, D(2026, 3, 19), new ExtensionGranted(D(2026, 4, 1), 2, "complex: 40 boxes of paper records"));

        Assert.Equal(D(2026, 6, 19), deadline.Date);
        Assert.Contains("1 calendar month + 2 calendar months SAR extension (complex: 40 boxes of paper records) = 3 calendar months", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_Extension_FromMonthEnd_ClampsToFebruaryAndRolls()
    {
        // Received Mon 30 Nov 2026: 3 months -> February 2027 has no 30th -> Sun 28 Feb -> Mon 1 Mar 2027.
        Assert.Equal(D(2027, 3, 1), Final(CaseType.Sar, D(2026, 11, 30), new ExtensionGranted(D(2026, 12, 1), 2, "complex")).Date);
    }

    [Fact]
    public void Sar_SecondExtension_IsRefused_SarMayBeExtendedOnce()
    {
        DeadlineEvent[] history = [new ExtensionGranted(D(2026, 4, 1), 2, "complex")];

        var second = Check(CaseType.Sar, D(2026, 3, 19), history, new ExtensionGranted(D(2026, 5, 1), 2, "still complex"));
        var replay = Assert.Throws<DeadlineRuleException>(() => Final(CaseType.Sar, D(2026, 3, 19), [.. history, new ExtensionGranted(D(2026, 5, 1), 2, "still complex")]));

        Assert.False(second.IsAllowed);
        Assert.Equal("a SAR may be extended once", second.Reason);
        Assert.Equal("a SAR may be extended once (rule: sar final deadline from 2018-05-25)", replay.Message);
    }

    [Fact]
    public void Sar_ExtensionOfOneMonth_IsRefused_ItIsExactlyTwo()
    {
        Assert.Equal(
            "a SAR extension is exactly 2 calendar months, not 1 calendar month",
            Check(CaseType.Sar, D(2026, 3, 19), [], new ExtensionGranted(D(2026, 4, 1), 1, "complex")).Reason);
    }

    [Fact]
    public void Sar_ExtensionRemoved_ThenGrantedAgain_IsAllowed()
    {
        // Removing the extension means none is in force, so the one allowed extension is available again.
        DeadlineEvent[] history = [new ExtensionGranted(D(2026, 4, 1), 2, "complex"), new ExtensionRemoved(D(2026, 4, 2), "granted by mistake")];

        Assert.True(Check(CaseType.Sar, D(2026, 3, 19), history, new ExtensionGranted(D(2026, 4, 3), 2, "complex")).IsAllowed);
        Assert.Equal(D(2026, 4, 20), Final(CaseType.Sar, D(2026, 3, 19), history).Date);
    }

    // ---- SAR clock stops: the restart pushes the deadline by the calendar days stopped

    [Fact]
    public void Sar_ClockStoppedFor14Days_PushesTheDeadlineBy14()
    {
        // Received Mon 2 Mar 2026 -> Thu 2 Apr. Stopped Thu 5 Mar, restarted Thu 19 Mar: 14 calendar
        // days -> Thu 16 Apr 2026, a working day.
        var deadline = Final(CaseType.Sar, D(2026, 3, 2),
            new ClockStopped(D(2026, 3, 5), "sent ID request", ClockStopCategory.AwaitingIdentification),
            new ClockRestarted(D(2026, 3, 19)));

        Assert.Equal(D(2026, 4, 16), deadline.Date);
        Assert.Null(deadline.ClockStoppedSince);
        Assert.Contains("clock stopped Thu 5 Mar 2026 (awaiting identification: sent ID request) and restarted Thu 19 Mar 2026: 14 calendar days stopped, pushed by 14 → Thu 16 Apr 2026", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_ClockPush_LandingOnGoodFriday_RollsPastEaster()
    {
        // Received Mon 2 Mar 2026 -> Thu 2 Apr; stopped one day (10–11 Mar) -> Fri 3 Apr, Good Friday;
        // skip Sat 4, Sun 5 and Easter Monday 6 Apr -> Tue 7 Apr.
        var deadline = Final(CaseType.Sar, D(2026, 3, 2),
            new ClockStopped(D(2026, 3, 10), "which years?", ClockStopCategory.AwaitingClarification),
            new ClockRestarted(D(2026, 3, 11)));

        Assert.Equal(D(2026, 4, 7), deadline.Date);
        Assert.Contains("1 calendar day stopped", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("skipping Good Friday 3 Apr, Sat 4 Apr, Sun 5 Apr and Easter Monday 6 Apr → Tue 7 Apr 2026", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_TwoStops_PushByTheirSum()
    {
        // Received Mon 2 Mar 2026 -> Thu 2 Apr; stops of 3 days (3–6 Mar) and 4 days (9–13 Mar) ->
        // 2 Apr + 7 = Thu 9 Apr 2026.
        var deadline = Final(CaseType.Sar, D(2026, 3, 2),
            new ClockStopped(D(2026, 3, 3), "ID", ClockStopCategory.AwaitingIdentification),
            new ClockRestarted(D(2026, 3, 6)),
            new ClockStopped(D(2026, 3, 9), "clarify", ClockStopCategory.AwaitingClarification),
            new ClockRestarted(D(2026, 3, 13)));

        Assert.Equal(D(2026, 4, 9), deadline.Date);
    }

    [Fact]
    public void Sar_ClockStoppedNow_KeepsTheDate_AndSaysItWillMove()
    {
        // While stopped, the stop's length is not known yet: the date shown is the one before it,
        // with the stop noted; Thu 2 Apr 2026 for a SAR received Mon 2 Mar.
        var deadline = Final(CaseType.Sar, D(2026, 3, 2), new ClockStopped(D(2026, 3, 5), "ID", ClockStopCategory.AwaitingIdentification));

        Assert.Equal(D(2026, 4, 2), deadline.Date);
        Assert.Equal(D(2026, 3, 5), deadline.ClockStoppedSince);
        Assert.Contains("clock stopped since Thu 5 Mar 2026 (awaiting identification: ID): the deadline moves on by the calendar days stopped when the clock restarts", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_StopWhileStopped_RestartWhileRunning_AndStopWithoutReason_AreRefused()
    {
        DeadlineEvent[] stopped = [new ClockStopped(D(2026, 3, 5), "ID", ClockStopCategory.AwaitingIdentification)];

        Assert.Equal("the clock is already stopped (since Thu 5 Mar 2026)", Check(CaseType.Sar, D(2026, 3, 2), stopped, new ClockStopped(D(2026, 3, 6), "again", ClockStopCategory.Other)).Reason);
        Assert.Equal("the clock is not stopped, so it cannot be restarted", Check(CaseType.Sar, D(2026, 3, 2), [], new ClockRestarted(D(2026, 3, 6))).Reason);
        Assert.Equal("stopping the clock needs a reason", Check(CaseType.Sar, D(2026, 3, 2), [], new ClockStopped(D(2026, 3, 6), "", ClockStopCategory.Other)).Reason);
    }

    [Fact]
    public void Events_BeforeReceipt_OrOutOfOrder_AreRefused()
    {
        DeadlineEvent[] history = [new ClockStopped(D(2026, 3, 10), "ID", ClockStopCategory.AwaitingIdentification)];

        Assert.Equal(
            "an event cannot be dated Sun 1 Mar 2026, before the case was received on Mon 2 Mar 2026",
            Check(CaseType.Sar, D(2026, 3, 2), [], new ExtensionGranted(D(2026, 3, 1), 2, "x")).Reason);
        Assert.Equal(
            "events are recorded in date order: Mon 9 Mar 2026 is before the previous event on Tue 10 Mar 2026",
            Check(CaseType.Sar, D(2026, 3, 2), history, new ClockRestarted(D(2026, 3, 9))).Reason);
    }

    [Fact]
    public void InternalDeadlines_AreNotMovedByExtensions()
    {
        // The draft deadline is the team's target: 10 WD from Thu 19 Mar 2026 = Thu 2 Apr, extension or not.
        var draft = Rules.Compute(CaseType.Foi, DeadlineKind.Draft, D(2026, 3, 19), Uk, [new ExtensionGranted(D(2026, 3, 25), 20, "PIT")]);

        Assert.Equal(D(2026, 4, 2), draft.Date);
    }

    [Fact]
    public void CanExtend_FollowsThePolicy()
    {
        var sar = Rules.Get(CaseType.Sar, DeadlineKind.Final, D(2026, 3, 19));
        var foi = Rules.Get(CaseType.Foi, DeadlineKind.Final, D(2026, 3, 19));

        Assert.True(DeadlineHistory.Replay(sar, D(2026, 3, 19), []).CanExtend);
        Assert.False(DeadlineHistory.Replay(sar, D(2026, 3, 19), [new ExtensionGranted(D(2026, 3, 20), 2, "complex")]).CanExtend);
        Assert.True(DeadlineHistory.Replay(foi, D(2026, 3, 19), [new ExtensionGranted(D(2026, 3, 20), 19, "PIT")]).CanExtend);
        Assert.False(DeadlineHistory.Replay(foi, D(2026, 3, 19), [new ExtensionGranted(D(2026, 3, 20), 20, "PIT")]).CanExtend);
    }

    // ---- Auto-close: stopped for more than 90 days

    [Fact]
    public void AutoCloseDue_AfterMoreThan90DaysStopped()
    {
        // Stopped Thu 1 Jan 2026. Wed 1 Apr is 90 days later (31 + 28 + 31): not over 90, not due.
        // Thu 2 Apr is day 91: due.
        DeadlineEvent[] history = [new ClockStopped(D(2026, 1, 1), "ID", ClockStopCategory.AwaitingIdentification)];

        Assert.Equal(90, ClockStop.DaysStopped(history, D(2026, 4, 1)));
        Assert.False(ClockStop.AutoCloseDue(history, D(2026, 4, 1)));
        Assert.True(ClockStop.AutoCloseDue(history, D(2026, 4, 2)));
    }

    [Fact]
    public void AutoCloseDue_NotOnceTheClockRestarted_AndEarlierStopsDoNotAddUp()
    {
        // Two stops of 60 days each: neither is over 90, and a running clock is never due.
        DeadlineEvent[] restarted = [new ClockStopped(D(2026, 1, 1), "ID", ClockStopCategory.AwaitingIdentification), new ClockRestarted(D(2026, 3, 2))];
        DeadlineEvent[] again = [.. restarted, new ClockStopped(D(2026, 3, 3), "clarify", ClockStopCategory.AwaitingClarification)];

        Assert.False(ClockStop.AutoCloseDue(restarted, D(2026, 12, 31)));
        Assert.Null(ClockStop.Current(restarted));
        Assert.False(ClockStop.AutoCloseDue(again, D(2026, 5, 2)));  // 60 days into the second stop
        Assert.True(ClockStop.AutoCloseDue(again, D(2026, 6, 2)));   // 91 days into it
    }
}
