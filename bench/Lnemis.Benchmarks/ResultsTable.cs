using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Lnemis.Benchmarks;

/// <summary>
/// The results as one Markdown table (area, benchmark, mean, error, allocated per operation) with
/// the date and the machine, for bench/micro.sh to print and to put into docs/performance.md.
/// </summary>
internal static class ResultsTable
{
    public static string Markdown(IReadOnlyList<Summary> summaries, string mode)
    {
        var text = new StringBuilder();
        var version = typeof(Summary).Assembly.GetName().Version;
        text.Append(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd}, {Mode(mode)}, machine: {Processor()}, ")
            .Append(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, ")
            .Append(CultureInfo.InvariantCulture, $"BenchmarkDotNet {version?.ToString(3)} in process.\n\n");
        text.Append("| area | benchmark | mean | error (99.9 %) | allocated / op |\n");
        text.Append("| --- | --- | ---: | ---: | ---: |\n");
        // By area, then in the order the benchmarks are declared.
        var reports = summaries.SelectMany(s => s.Reports)
            .OrderBy(r => r.BenchmarkCase.Descriptor.Type.Name, StringComparer.Ordinal)
            .ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.MetadataToken);
        foreach (var report in reports)
        {
            var benchmark = report.BenchmarkCase;
            var area = benchmark.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal);
            var name = benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var statistics = report.ResultStatistics;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
            text.Append(CultureInfo.InvariantCulture, $"| {area} | {name} | {(report.Success && statistics is not null ? Time(statistics.Mean) : "failed")} | ")
                .Append(CultureInfo.InvariantCulture, $"{(statistics is null ? "–" : Time(statistics.ConfidenceInterval.Margin))} | {Bytes(allocated)} |\n");
        }

        text.Append("\nNot measured: indicator computation (Analytics) and gradebook computation (LMS), which issue 6 names, ")
            .Append("because neither module exists yet; they get benchmarks here when they land.\n");
        return text.ToString();
    }

    private static string Mode(string mode) => mode switch
    {
        "quick" => "quick (each benchmark invoked once: the numbers mean nothing)",
        "short" => "short (3 warm-up and 3 measured iterations of about 100 ms: indicative)",
        _ => "full (BenchmarkDotNet's default job, at most 40 iterations)",
    };

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        double.NaN or double.PositiveInfinity or double.NegativeInfinity => "–",
        < 1_000 => $"{nanoseconds.ToString("0.0", CultureInfo.InvariantCulture)} ns",
        < 1_000_000 => $"{(nanoseconds / 1_000).ToString("0.00", CultureInfo.InvariantCulture)} µs",
        < 1_000_000_000 => $"{(nanoseconds / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture)} ms",
        _ => $"{(nanoseconds / 1_000_000_000).ToString("0.00", CultureInfo.InvariantCulture)} s",
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "–",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes.Value / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture)} MB",
    };

    private static string Processor()
    {
        const string Key = "model name";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
