using BenchmarkDotNet.Attributes;
using Lnemis.Institutions.Features.Imports;

namespace Lnemis.Benchmarks;

/// <summary>
/// The import reader (Institutions Features/Imports/TabularReader): 10,000 learner rows (plus the
/// header) from CSV and from XLSX, as the upload's format check and every dry run and apply read
/// them. The files are made by the platform's exporter, so they are what users download and upload.
/// </summary>
public class TabularReaderBenchmarks
{
    private const int Rows = 10_000;
    private byte[] csv = [];
    private byte[] xlsx = [];

    [GlobalSetup]
    public void Setup()
    {
        var rows = SampleRows.Learners(Rows);
        csv = SampleRows.Csv(rows);
        xlsx = SampleRows.Xlsx(rows);
        BenchmarkInput.Expect(TabularReader.DetectFormat(xlsx) == "xlsx" && TabularReader.DetectFormat(csv) == "csv", "the files are told apart as the upload does");
        BenchmarkInput.Expect(ReadCsv().GetAwaiter().GetResult() == Rows + 1, "the CSV reads as 10,000 rows and a header");
        BenchmarkInput.Expect(ReadXlsx().GetAwaiter().GetResult() == Rows + 1, "the XLSX reads as 10,000 rows and a header");
    }

    [Benchmark(Description = "Read 10,000 learner rows from CSV (~0.6 MB, quoted fields)")]
    public Task<int> ReadCsv() => ReadAll(csv, "csv");

    [Benchmark(Description = "Read 10,000 learner rows from XLSX (first sheet, streamed)")]
    public Task<int> ReadXlsx() => ReadAll(xlsx, "xlsx");

    private static async Task<int> ReadAll(byte[] file, string format)
    {
        using var source = new MemoryStream(file, writable: false);
        var rows = 0;
        await foreach (var row in TabularReader.ReadAsync(source, format, CancellationToken.None))
        {
            if (row.Length == SampleRows.Columns.Count)
            {
                rows++;
            }
        }

        return rows;
    }
}
