using System.Globalization;
using Lnemis.Platform.Exports;

namespace Lnemis.Benchmarks;

/// <summary>A learner row as a district's import file or a learner-list export holds it.</summary>
public sealed record LearnerRow(string InstitutionCode, string AdmissionNumber, string GivenName, string FamilyName, string Sex, DateOnly DateOfBirth, string Notes);

/// <summary>
/// Deterministic learner rows shared by the import-reader and export benchmarks: names from the
/// same lists as bench/import_learners.py, some quoted fields (commas, quotes), and a few cells a
/// spreadsheet would run as formulas.
/// </summary>
internal static class SampleRows
{
    private static readonly string[] Given = ["Amina", "Brian", "Chloe", "David", "Esther", "Faith", "George", "Halima", "Ian", "Joy", "Kevin", "Lucy", "Moses", "Nia", "Otieno", "Purity"];
    private static readonly string[] Family = ["Achieng", "Baraka", "Chebet", "Kamau", "Mwangi", "Njeri", "Odhiambo", "Wanjiru", "Kiptoo", "Mutua", "Onyango", "Wafula"];

    private static readonly string[] Notes =
    [
        "",
        "transferred in, Term 2",
        "guardian says \"Nia\" at home",
        "=HYPERLINK(\"http://example.invalid\",\"click\")",
        "-2 days late",
        "@SUM(A1:A9)",
        "+254 700 123 456",
        "repeating Grade 4",
    ];

    public static IReadOnlyList<ExportColumn<LearnerRow>> Columns { get; } =
    [
        new("institutionCode", r => r.InstitutionCode),
        new("admissionNumber", r => r.AdmissionNumber),
        new("givenName", r => r.GivenName),
        new("familyName", r => r.FamilyName),
        new("sex", r => r.Sex),
        new("dateOfBirth", r => r.DateOfBirth),
        new("notes", r => r.Notes),
    ];

    public static LearnerRow[] Learners(int count)
    {
        var random = new Random(7);
        var rows = new LearnerRow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new LearnerRow(
                $"BENCH-{i % 20:00000}",
                $"ADM-{i}",
                Given[random.Next(Given.Length)] + i.ToString(CultureInfo.InvariantCulture),
                Family[random.Next(Family.Length)],
                i % 2 == 0 ? "M" : "F",
                new DateOnly(2008 + (i % 12), 1 + (i % 12), 1 + (i % 28)),
                Notes[i % Notes.Length]);
        }

        return rows;
    }

    /// <summary>The rows as a CSV file, written by the platform's exporter (so the quoting is the one users download and re-upload).</summary>
    public static byte[] Csv(LearnerRow[] rows) => Write(rows, TabularExport.WriteCsvAsync);

    /// <summary>The rows as an XLSX workbook, written by the platform's exporter.</summary>
    public static byte[] Xlsx(LearnerRow[] rows) => Write(rows, TabularExport.WriteXlsxAsync);

    public static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    private static byte[] Write(LearnerRow[] rows, Func<Stream, IAsyncEnumerable<LearnerRow>, IReadOnlyList<ExportColumn<LearnerRow>>, CancellationToken, Task> write)
    {
        using var buffer = new MemoryStream();
        write(buffer, Stream(rows), Columns, CancellationToken.None).GetAwaiter().GetResult();
        return buffer.ToArray();
    }
}
