namespace Lnemis.Correspondence.Domain.Deadlines;

/// <summary>
/// Reads a case's clock stops from its deadline history. A SAR whose clock has been stopped for
/// more than 90 days (the requester never sent the clarification or ID) is due to close itself.
/// </summary>
public static class ClockStop
{
    public const int AutoCloseAfterDays = 90;

    /// <summary>The stop in force, or null when the clock is running.</summary>
    public static ClockStopped? Current(IEnumerable<DeadlineEvent> history)
    {
        ClockStopped? current = null;
        foreach (var e in history)
        {
            current = e switch
            {
                ClockStopped stop => stop,
                ClockRestarted => null,
                _ => current,
            };
        }
        return current;
    }

    /// <summary>Calendar days the current stop has lasted by <paramref name="today"/> (0 when running).</summary>
    public static int DaysStopped(IEnumerable<DeadlineEvent> history, DateOnly today) =>
        Current(history) is { } stop ? Math.Max(0, today.DayNumber - stop.On.DayNumber) : 0;

    /// <summary>True once the current stop has lasted more than <paramref name="afterDays"/> calendar days.</summary>
    public static bool AutoCloseDue(IEnumerable<DeadlineEvent> history, DateOnly today, int afterDays = AutoCloseAfterDays) =>
        Current(history) is not null && DaysStopped(history, today) > afterDays;
}
