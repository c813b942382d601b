using BenchmarkDotNet.Attributes;
using Lnemis.Platform.Exports;

namespace Lnemis.Benchmarks;

/// <summary>
/// Exports (Platform Exports/TabularExport): formula-injection neutralisation, on its own over
/// 10,000 cells and as part of writing a 10,000-row CSV, which neutralises every text cell.
/// </summary>
public class ExportBenchmarks
{
    private const int Rows = 10_000;
    private LearnerRow[] rows = [];
    private string[] cells = [];

    [GlobalSetup]
    public void Setup()
    {
        rows = SampleRows.Learners(Rows);
        // One text column of the export: names, codes and the notes, some of which start like formulas.
        cells = rows.Select((r, i) => (i % 3) switch { 0 => r.GivenName, 1 => r.AdmissionNumber, _ => r.Notes }).ToArray();
        var dangerous = cells.Count(c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal));
        BenchmarkInput.Expect(dangerous > 100, "some cells start like formulas");
        BenchmarkInput.Expect(NeutraliseTenThousandCells() == dangerous, "every formula-like cell is neutralised, and only those");
    }

    [Benchmark(Description = "Neutralise 10,000 text cells (a sixth start like formulas)")]
    public int NeutraliseTenThousandCells()
    {
        var changed = 0;
        foreach (var cell in cells)
        {
            if (!ReferenceEquals(TabularExport.Neutralise(cell), cell))
            {
                changed++;
            }
        }

        return changed;
    }

    [Benchmark(Description = "Write 10,000 rows x 7 columns as CSV (neutralised, quoted)")]
    public Task WriteCsv() => TabularExport.WriteCsvAsync(Stream.Null, SampleRows.Stream(rows), SampleRows.Columns, CancellationToken.None);
}
