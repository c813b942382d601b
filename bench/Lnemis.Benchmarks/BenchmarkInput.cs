namespace Lnemis.Benchmarks;

/// <summary>
/// Each benchmark class checks in its set-up that its inputs exercise what its names say (the
/// date a deadline falls on, the number of rows read, a chain that verifies), so a change in the
/// code under test that makes a benchmark measure something else fails the run instead of
/// producing a misleading number.
/// </summary>
internal static class BenchmarkInput
{
    public static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark input is not what it claims: " + what);
        }
    }
}
