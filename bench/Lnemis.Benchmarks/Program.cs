using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Lnemis.Benchmarks;

// Micro-benchmarks of LNEMIS's hot code (issue 6). Run through bench/micro.sh, which builds this
// project in Release and can write the results into docs/performance.md.
//
//   Lnemis.Benchmarks [--quick | --short] [--results FILE] [BenchmarkDotNet options, e.g. --filter *Deadline*]
//
// --quick runs each benchmark once (BenchmarkDotNet's dry job): a smoke run for CI, its numbers
// mean nothing. --short runs 3 warm-up and 3 measured iterations of about 100 ms (the harness's run;
// the default 500 ms iterations made it 157 s of the national run's 30-minute budget). Without
// either, BenchmarkDotNet's default job, capped at 40 iterations. Benchmarks run in this process
// (ADR 0023): no second build through the package mirror, and a run fits the harness's budget.
var mode = "full";
string? resultsPath = null;
var forwarded = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            mode = "quick";
            break;
        case "--short":
            mode = "short";
            break;
        case "--results" when i + 1 < args.Length:
            resultsPath = args[++i];
            break;
        default:
            forwarded.Add(args[i]);
            break;
    }
}

if (!forwarded.Contains("--filter"))
{
    forwarded.AddRange(["--filter", "*"]);
}

var job = (mode switch
{
    "quick" => Job.Dry,
    "short" => Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(100)),
    _ => Job.Default.WithMaxIterationCount(40),
})
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId(mode);
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);

var summaries = BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run([.. forwarded], config).ToList();
var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
if (resultsPath is not null && summaries.Count > 0)
{
    File.WriteAllText(resultsPath, ResultsTable.Markdown(summaries, mode));
}

return failed ? 1 : 0;
