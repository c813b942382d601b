using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Features.Reports;

/// <summary>Where a report counts from: the monthly buckets when they are built (the usual case), else the rows.</summary>
internal enum ReportSource
{
    Auto,
    Rows,
    Months,
}

internal static class ReportSources
{
    public static async Task<bool> UseMonthsAsync(LnemisDbContext db, ReportSource source, CancellationToken ct) => source switch
    {
        ReportSource.Rows => false,
        ReportSource.Months => true,
        _ => await CaseReportMonths.ReadyAsync(db, ct),
    };
}
