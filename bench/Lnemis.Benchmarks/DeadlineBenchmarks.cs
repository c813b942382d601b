using BenchmarkDotNet.Attributes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;

namespace Lnemis.Benchmarks;

/// <summary>
/// Deadline calculation (Correspondence Domain/Deadlines) as the case pages, the lists' deadline
/// columns and the reminder job call it: rule lookup, the union of the holiday calendars, the count
/// and the explanation, with the shipped UK rules and bank holidays.
/// </summary>
public class DeadlineBenchmarks
{
    private static readonly DateOnly SarReceived = new(2026, 1, 5);

    private readonly DeadlineRuleSet rules = DeadlineRules.Default;
    private readonly HolidayCalendars calendars = HolidayCalendars.Uk;
    private DeadlineRule sarFinal = null!;
    private List<DeadlineEvent> longHistory = null!;
    private DeadlineEvent nextEvent = null!;

    [GlobalSetup]
    public void Setup()
    {
        sarFinal = rules.Get(CaseType.Sar, DeadlineKind.Final, SarReceived);
        longHistory = LongSarHistory(SarReceived, stops: 100);
        nextEvent = new ClockStopped(longHistory[^1].On.AddDays(2), "awaiting the requester's proof of identity", ClockStopCategory.AwaitingIdentification);

        // The inputs must exercise what the names say, or the numbers mean nothing.
        BenchmarkInput.Expect(FoiAcrossEaster().Date == new DateOnly(2026, 4, 20), "FOI received Thu 19 Mar 2026 is due Mon 20 Apr 2026 (Good Friday and Easter Monday skipped)");
        BenchmarkInput.Expect(SarAtMonthEnd().Date == new DateOnly(2026, 3, 2), "a SAR received Sat 31 Jan 2026 is due on Feb's last day, a Saturday, moved to Mon 2 Mar 2026");
        BenchmarkInput.Expect(FoiExplanationAcrossChristmas().Contains("Christmas Day", StringComparison.Ordinal), "the Christmas explanation names Christmas Day");
        BenchmarkInput.Expect(ReplayLongSarHistory().Stops.Count == 100, "the long history replays 100 clock stops");
        BenchmarkInput.Expect(SarWithLongHistory().Steps.Count > 100, "the explanation has a step per clock stop");
        BenchmarkInput.Expect(CheckNextEventAgainstLongHistory().IsAllowed, "one more clock stop is allowed after the long history");
    }

    [Benchmark(Description = "FOI final: 20 working days across Easter, all UK divisions' holidays")]
    public Deadline FoiAcrossEaster() =>
        rules.Compute(CaseType.Foi, DeadlineKind.Final, new DateOnly(2026, 3, 19), calendars);

    [Benchmark(Description = "SAR final: 1 calendar month from 31 Jan (month-end clamp, rolled off a weekend)")]
    public Deadline SarAtMonthEnd() =>
        rules.Compute(CaseType.Sar, DeadlineKind.Final, new DateOnly(2026, 1, 31), calendars);

    [Benchmark(Description = "FOI final's explanation across Christmas and New Year")]
    public string FoiExplanationAcrossChristmas() =>
        rules.Compute(CaseType.Foi, DeadlineKind.Final, new DateOnly(2026, 12, 10), calendars).Explanation;

    [Benchmark(Description = "SAR history replay: extension + 100 clock stops/restarts (201 events)")]
    public DeadlineHistory ReplayLongSarHistory() => DeadlineHistory.Replay(sarFinal, SarReceived, longHistory);

    [Benchmark(Description = "SAR final with that history, explanation included")]
    public Deadline SarWithLongHistory() => DeadlineCalculator.Compute(sarFinal, SarReceived, calendars, longHistory);

    [Benchmark(Description = "Check one more event against that history (what appending does)")]
    public DeadlineEventCheck CheckNextEventAgainstLongHistory() => DeadlineHistory.Check(sarFinal, SarReceived, longHistory, nextEvent);

    /// <summary>A SAR's history: the one extension, then <paramref name="stops"/> short clock stops, in date order.</summary>
    internal static List<DeadlineEvent> LongSarHistory(DateOnly received, int stops)
    {
        var history = new List<DeadlineEvent> { new ExtensionGranted(received.AddDays(1), 2, "complex request: records held in three archives") };
        var day = received.AddDays(2);
        for (var i = 0; i < stops; i++)
        {
            var category = (ClockStopCategory)(i % 4);
            history.Add(new ClockStopped(day, $"clarification {i + 1} asked of the requester", category));
            history.Add(new ClockRestarted(day.AddDays(1 + (i % 3))));
            day = day.AddDays(3 + (i % 3));
        }

        return history;
    }
}
