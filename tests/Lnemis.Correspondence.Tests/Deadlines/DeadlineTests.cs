using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;

namespace Lnemis.Correspondence.Tests.Deadlines;

/// <summary>
/// Deadlines from the default rules and the shipped 2025–2027 UK bank holidays. Each test says
/// why its date is right: the rule applied and the days skipped.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly HolidayCalendars Uk = HolidayCalendars.Uk;
    private static readonly DeadlineRuleSet Rules = DeadlineRules.Default;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Deadline Final(CaseType type, DateOnly received, params DeadlineEvent[] history) =>
        Rules.Compute(type, DeadlineKind.Final, received, Uk, history);

    // ---- FOI: 20 working days, day 1 = first working day after receipt, all UK divisions' holidays

    [Fact]
    public void Foi_ReceivedThu19Mar2026_IsDueMon20Apr2026_SkippingEaster()
    {
        // Day 1 = Fri 20 Mar. Days 2–10 run to Thu 2 Apr; Good Friday 3 Apr and Easter Monday
        // 6 Apr are skipped with the weekends; days 11–19 run Tue 7 Apr to Fri 17 Apr; day 20 = Mon 20 Apr.
        var deadline = Final(CaseType.Foi, D(2026, 3, 19));

        Assert.Equal(D(2026, 4, 20), deadline.Date);
        Assert.Equal(
            "received Thu 19 Mar 2026; day 1 = Fri 20 Mar 2026; 20 working days, skipping weekends, Good Friday 3 Apr and Easter Monday 6 Apr → Mon 20 Apr 2026",
            deadline.Explanation);
    }

    [Fact]
    public void Foi_ReceivedOnASaturday_Day1IsMonday()
    {
        // Received Sat 10 Jan 2026; day 1 is the first working day after receipt, Mon 12 Jan.
        // Four clear weeks with no holidays: day 20 = Fri 6 Feb.
        var deadline = Final(CaseType.Foi, D(2026, 1, 10));

        Assert.Equal(D(2026, 2, 6), deadline.Date);
        Assert.Contains("day 1 = Mon 12 Jan 2026", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Foi_OverChristmas2026_SkipsEveryDivisionsHolidays_IncludingScotlands2ndJanuarySubstitute()
    {
        // Received Mon 14 Dec 2026; day 1 = Tue 15 Dec. Skipped: Christmas Fri 25 Dec, Boxing Day
        // (substitute) Mon 28 Dec, New Year Fri 1 Jan and Scotland's 2nd January (substitute) Mon
        // 4 Jan — FOI counts a holiday in any part of the UK. Day 20 = Fri 15 Jan 2027
        // (it would be Thu 14 Jan with England and Wales's holidays alone).
        var deadline = Final(CaseType.Foi, D(2026, 12, 14));

        Assert.Equal(D(2027, 1, 15), deadline.Date);
        Assert.Contains("Christmas Day 25 Dec, Boxing Day 28 Dec, New Year’s Day 1 Jan 2027 and 2nd January 4 Jan 2027", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Foi_March2027_SkipsStPatricksDay_AndEaster()
    {
        // Received Mon 1 Mar 2027; day 1 = Tue 2 Mar. Skipped: St Patrick's Day Wed 17 Mar
        // (Northern Ireland), Good Friday 26 Mar, Easter Monday 29 Mar. Day 20 = Thu 1 Apr.
        var deadline = Final(CaseType.Foi, D(2027, 3, 1));

        Assert.Equal(D(2027, 4, 1), deadline.Date);
        Assert.Contains("St Patrick’s Day 17 Mar", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Foi_InternalDeadlines_AreDraft10AndEscalation3WorkingDays()
    {
        // Received Thu 19 Mar 2026; day 1 = Fri 20 Mar. Escalation: day 3 = Tue 24 Mar.
        // Draft: day 10 = Thu 2 Apr (the day before Good Friday), so no holiday is skipped.
        var all = Rules.ComputeAll(CaseType.Foi, D(2026, 3, 19), Uk);

        Assert.Equal([DeadlineKind.Draft, DeadlineKind.Escalation, DeadlineKind.Final], all.Select(d => d.Kind));
        Assert.Equal(D(2026, 4, 2), all[0].Date);
        Assert.Equal(D(2026, 3, 24), all[1].Date);
        Assert.Equal(D(2026, 4, 20), all[2].Date);
        Assert.Contains("3 working days, skipping weekends → Tue 24 Mar 2026", all[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FoiInternalReview_SummerHolidays_CountScotlandsAugustHolidayToo()
    {
        // Review received Mon 20 Jul 2026; day 1 = Tue 21 Jul; 20 working days. Scotland's summer
        // bank holiday Mon 3 Aug is skipped (any part of the UK), so day 20 = Tue 18 Aug
        // (Mon 17 Aug with England and Wales's holidays alone; their 31 Aug is after it).
        var deadline = Final(CaseType.FoiInternalReview, D(2026, 7, 20));

        Assert.Equal(D(2026, 8, 18), deadline.Date);
        Assert.Contains("Summer bank holiday 3 Aug", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FoiInternalReview_OverNewYear()
    {
        // Received Fri 18 Dec 2026; day 1 = Mon 21 Dec. Skipped: 25 Dec, 28 Dec (Boxing Day
        // substitute), 1 Jan, 4 Jan (Scotland's 2nd January substitute). Day 20 = Thu 21 Jan 2027.
        Assert.Equal(D(2027, 1, 21), Final(CaseType.FoiInternalReview, D(2026, 12, 18)).Date);
    }

    [Fact]
    public void OverturnedFoi_Has20WorkingDaysOfItsOwn()
    {
        // Overturned on Mon 17 Aug 2026; day 1 = Tue 18 Aug; the summer bank holiday Mon 31 Aug
        // (England, Wales, Northern Ireland) is skipped; day 20 = Tue 15 Sep.
        Assert.Equal(D(2026, 9, 15), Final(CaseType.OverturnedFoi, D(2026, 8, 17)).Date);
    }

    // ---- SAR: 1 calendar month from the received date, clamped, rolled to the next working day

    [Fact]
    public void Sar_SameDayNextMonth_RolledOffASunday()
    {
        // Received Thu 19 Mar 2026 -> 19 Apr 2026, a Sunday -> next working day Mon 20 Apr.
        var deadline = Final(CaseType.Sar, D(2026, 3, 19));

        Assert.Equal(D(2026, 4, 20), deadline.Date);
        Assert.Equal(
            "received Thu 19 Mar 2026; 1 calendar month, same day number → Sun 19 Apr 2026; not a working day, so moved to the next working day, skipping Sun 19 Apr → Mon 20 Apr 2026",
            deadline.Explanation);
    }

    [Fact]
    public void Sar_31January_ClampsTo28February_ThenRollsOverTheWeekend()
    {
        // Received Sat 31 Jan 2026: February 2026 has no 31st, so the month's last day, Sat 28 Feb;
        // Sat 28 Feb and Sun 1 Mar are not working days -> Mon 2 Mar.
        var deadline = Final(CaseType.Sar, D(2026, 1, 31));

        Assert.Equal(D(2026, 3, 2), deadline.Date);
        Assert.Contains("Feb 2026 has no day 31, so the month's last day → Sat 28 Feb 2026", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("skipping Sat 28 Feb and Sun 1 Mar → Mon 2 Mar 2026", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_31January2028_LeapYear_Is29February()
    {
        // 2028 is a leap year: 31 Jan + 1 month clamps to Tue 29 Feb 2028, a working day.
        // The shipped holidays stop at 2027, and the explanation says only weekends counted.
        var deadline = Final(CaseType.Sar, D(2028, 1, 31));

        Assert.Equal(D(2028, 2, 29), deadline.Date);
        Assert.Contains("Feb 2028 has no day 31", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("note: no holiday data for 2028", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_31March_ClampsTo30April_AWorkingDay()
    {
        // April has 30 days: 31 Mar 2026 + 1 month = Thu 30 Apr, a working day, so it stays.
        var deadline = Final(CaseType.Sar, D(2026, 3, 31));

        Assert.Equal(D(2026, 4, 30), deadline.Date);
        Assert.DoesNotContain("not a working day", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_30April_Is30May_ASaturday_RolledToMonday1June()
    {
        // 30 Apr 2026 + 1 month = Sat 30 May (May has 31 days, no clamp); Sat and Sun skipped -> Mon 1 Jun.
        Assert.Equal(D(2026, 6, 1), Final(CaseType.Sar, D(2026, 4, 30)).Date);
    }

    [Fact]
    public void Sar_LandingOnTheSpringBankHoliday_MovesToTuesday()
    {
        // Received Sat 25 Apr 2026 (a SAR's clock runs from receipt, weekend or not) -> Mon 25 May,
        // the spring bank holiday -> Tue 26 May.
        var deadline = Final(CaseType.Sar, D(2026, 4, 25));

        Assert.Equal(D(2026, 5, 26), deadline.Date);
        Assert.Contains("skipping Spring bank holiday 25 May", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_LandingOnChristmasSubstitutes2027_SkipsBoth()
    {
        // Received Sat 27 Nov 2027 -> Mon 27 Dec, Christmas (substitute); Tue 28 Dec, Boxing Day
        // (substitute) -> Wed 29 Dec.
        Assert.Equal(D(2027, 12, 29), Final(CaseType.Sar, D(2027, 11, 27)).Date);
    }

    [Fact]
    public void Sar_UsesEnglandAndWalesHolidays_SoTheBoyneSubstituteIsAWorkingDay()
    {
        // Received Sat 13 Jun 2026 -> Mon 13 Jul, a holiday only in Northern Ireland. SAR rules
        // name England and Wales's calendar, so the deadline stays Mon 13 Jul.
        Assert.Equal(D(2026, 7, 13), Final(CaseType.Sar, D(2026, 6, 13)).Date);
    }

    [Fact]
    public void SarInternalReview_OneMonth_ClampedInFebruary2027()
    {
        // Received Fri 29 Jan 2027: February 2027 has 28 days -> Sun 28 Feb -> Mon 1 Mar.
        Assert.Equal(D(2027, 3, 1), Final(CaseType.SarInternalReview, D(2027, 1, 29)).Date);
    }

    [Fact]
    public void Sar_InternalDeadlines_AreWorkingDays()
    {
        // Received Thu 19 Mar 2026; England and Wales; day 1 = Fri 20 Mar: draft day 10 = Thu 2 Apr,
        // escalation day 3 = Tue 24 Mar.
        Assert.Equal(D(2026, 4, 2), Rules.Compute(CaseType.Sar, DeadlineKind.Draft, D(2026, 3, 19), Uk).Date);
        Assert.Equal(D(2026, 3, 24), Rules.Compute(CaseType.Sar, DeadlineKind.Escalation, D(2026, 3, 19), Uk).Date);
    }

    [Fact]
    public void OverturnedSar_30CalendarDays_RolledPastChristmas()
    {
        // Overturned Fri 27 Nov 2026; day 1 = Sat 28 Nov; day 30 = Sun 27 Dec; Mon 28 Dec is the
        // Boxing Day substitute -> Tue 29 Dec.
        var deadline = Final(CaseType.OverturnedSar, D(2026, 11, 27));

        Assert.Equal(D(2026, 12, 29), deadline.Date);
        Assert.Contains("30 calendar days → Sun 27 Dec 2026", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("skipping Sun 27 Dec and Boxing Day 28 Dec", deadline.Explanation, StringComparison.Ordinal);
    }

    // ---- ICO appeals: the date is set by the Information Commissioner

    [Fact]
    public void IcoAppeal_IsTheDateSet_NotMovedEvenOnAWeekend()
    {
        // The commissioner's date is the date: Sat 6 Jun 2026 stays Sat 6 Jun. A later date
        // recorded replaces it.
        var set = Final(CaseType.IcoAppealFoi, D(2026, 5, 1), new DeadlineDateSet(D(2026, 5, 1), D(2026, 6, 6)));
        var reset = Final(CaseType.IcoAppealFoi, D(2026, 5, 1), new DeadlineDateSet(D(2026, 5, 1), D(2026, 6, 6)), new DeadlineDateSet(D(2026, 5, 20), D(2026, 7, 1)));

        Assert.Equal(D(2026, 6, 6), set.Date);
        Assert.Contains("date set by the Information Commissioner (recorded Fri 1 May 2026) → Sat 6 Jun 2026", set.Explanation, StringComparison.Ordinal);
        Assert.Equal(D(2026, 7, 1), reset.Date);
    }

    [Fact]
    public void IcoAppeal_WithoutADate_IsRefusedNamingTheRule()
    {
        var error = Assert.Throws<DeadlineRuleException>(() => Final(CaseType.IcoAppealSar, D(2026, 5, 1)));

        Assert.Equal("the final deadline of an ICO appeal on a SAR is a date set by the Information Commissioner, and none has been recorded", error.Reason);
        Assert.Contains("(rule: ico_appeal_sar final deadline from 2018-05-25)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountedDeadline_RefusesASetDate()
    {
        var check = Rules.Check(CaseType.Foi, D(2026, 3, 19), [], new DeadlineDateSet(D(2026, 3, 20), D(2026, 5, 1)));

        Assert.False(check.IsAllowed);
        Assert.Equal("the final deadline of an FOI request is counted (20 working days), not set", check.Reason);
    }

    // ---- Rules are versioned: the version in force on the received date applies

    [Fact]
    public void Sar_ReceivedBeforeUkGdpr_Has40CalendarDays_AndFromItsFirstDay_OneMonth()
    {
        // Thu 24 May 2018: DPA 1998, 40 calendar days from the day after receipt -> Tue 3 Jul 2018.
        // Fri 25 May 2018: UK GDPR in force, 1 calendar month -> Mon 25 Jun 2018.
        var before = Final(CaseType.Sar, D(2018, 5, 24));
        var after = Final(CaseType.Sar, D(2018, 5, 25));

        Assert.Equal(D(2018, 7, 3), before.Date);
        Assert.Equal("sar final deadline from 2000-03-01", before.Rule.Name);
        Assert.Equal(D(2018, 6, 25), after.Date);
        Assert.Equal("sar final deadline from 2018-05-25", after.Rule.Name);
    }

    [Fact]
    public void NewRuleVersion_AppliesToCasesReceivedFromItsDate_OldCasesKeepTheirs()
    {
        // A hypothetical change: FOI answered within 15 working days from Mon 1 Jun 2026.
        // Received Fri 29 May: old rule, 20 WD -> day 1 Mon 1 Jun ... day 20 Fri 26 Jun.
        // Received Mon 1 Jun: new rule, 15 WD -> day 1 Tue 2 Jun ... day 15 Mon 22 Jun.
        var old = Rules.Get(CaseType.Foi, DeadlineKind.Final, D(2026, 1, 1));
        var rules = new DeadlineRuleSet([old, old with { Count = 15, EffectiveFrom = D(2026, 6, 1) }]);

        Assert.Equal(D(2026, 6, 26), rules.Compute(CaseType.Foi, DeadlineKind.Final, D(2026, 5, 29), Uk).Date);
        Assert.Equal(D(2026, 6, 22), rules.Compute(CaseType.Foi, DeadlineKind.Final, D(2026, 6, 1), Uk).Date);
        Assert.Equal(20, rules.Get(CaseType.Foi, DeadlineKind.Final, D(2026, 5, 31)).Count);
    }

    [Fact]
    public void NoRuleInForce_SaysWhichIsTheFirst()
    {
        var error = Assert.Throws<DeadlineRuleException>(() => Rules.Get(CaseType.Foi, DeadlineKind.Final, D(2004, 12, 31)));

        Assert.Equal("no final deadline rule for an FOI request was in force on 2004-12-31 (the first is foi final deadline from 2005-01-01)", error.Message);
    }

    [Fact]
    public void RuleSet_TwoVersionsOnTheSameDay_IsRefused()
    {
        var rule = Rules.Get(CaseType.Foi, DeadlineKind.Final, D(2026, 1, 1));

        var error = Assert.Throws<ArgumentException>(() => new DeadlineRuleSet([rule, rule with { Count = 15 }]));

        Assert.Contains("foi final deadline from 2005-01-01: 2 versions take effect on the same day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_NamingAnUnknownCalendar_IsRefused()
    {
        var rule = Rules.Get(CaseType.Foi, DeadlineKind.Final, D(2026, 1, 1)) with { HolidayCalendars = ["wales-only"] };

        var error = Assert.Throws<DeadlineRuleException>(() => DeadlineCalculator.Compute(rule, D(2026, 3, 19), Uk));

        Assert.Equal("no holiday calendar is named 'wales-only'", error.Reason);
    }

    [Fact]
    public void Rule_OfAnotherRegion_CountsItsOwnHolidays()
    {
        // A deployment with its own calendar: holiday on Fri 20 Mar 2026 only there. Received
        // Thu 19 Mar; day 1 = Mon 23 Mar (20 Mar holiday, then the weekend); 5 WD -> Fri 27 Mar.
        var calendars = new HolidayCalendars([new HolidayCalendar("xx", [new Holiday(D(2026, 3, 20), "Founders' Day")])]);
        var rule = new DeadlineRule(CaseType.Foi, DeadlineKind.Final, DeadlineUnit.WorkingDays, 5, StartAnchor.DayAfterReceipt, ["xx"], true, D(2020, 1, 1));

        var deadline = DeadlineCalculator.Compute(rule, D(2026, 3, 19), calendars);

        Assert.Equal(D(2026, 3, 27), deadline.Date);
        Assert.Contains("skipping weekends and Founders' Day 20 Mar", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceivedDateAnchor_CountsTheReceivedDayAsDay1()
    {
        // Same rule counted from the received date: Thu 19 Mar 2026 is day 1, so 3 WD -> Mon 23 Mar
        // (Thu 19, Fri 20, skip the weekend, Mon 23).
        var rule = new DeadlineRule(CaseType.Foi, DeadlineKind.Escalation, DeadlineUnit.WorkingDays, 3, StartAnchor.ReceivedDate, HolidayCalendars.AllUkDivisions, true, D(2020, 1, 1));

        Assert.Equal(D(2026, 3, 23), DeadlineCalculator.Compute(rule, D(2026, 3, 19), Uk).Date);
    }

    [Fact]
    public void RuleWithoutRollForward_SaysTheDateWasNotMoved()
    {
        // DPA 1998 SAR received Tue 13 Mar 2018: day 1 = Wed 14 Mar, day 40 = Sun 22 Apr 2018. That
        // rule does not move deadlines off weekends, so it stays, and the explanation says so.
        var deadline = Final(CaseType.Sar, D(2018, 3, 13));

        Assert.Equal(D(2018, 4, 22), deadline.Date);
        Assert.Contains("Sun 22 Apr 2018 is not a working day, but this rule does not move the deadline", deadline.Explanation, StringComparison.Ordinal);
    }
}
