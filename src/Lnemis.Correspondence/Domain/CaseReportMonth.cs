using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>
/// The monthly pre-aggregate of the reports read model: how many live report rows share one
/// combination of everything the timeliness and appeals reports filter and group by. A million
/// cases fold into some thousands of these, so a report over all history reads those instead of
/// the rows. Kept by <c>CaseReportObserver</c> (one decrement and one increment when a case's row
/// moves between buckets, in the case's transaction) and recomputed from the rows by the reports
/// rebuild. Scoped like the rows, so each user counts only their business groups' cases.
/// </summary>
public sealed class CaseReportMonth : IScoped, IReportFacts
{
    public required string ScopePath { get; set; }
    public int ReceivedMonth { get; set; }
    public CaseType Type { get; set; }
    public Guid ManagingTeamId { get; set; }
    public Guid TeamId { get; set; }
    public ReportTimeliness Timeliness { get; set; }

    /// <summary>For appeal types, the appeals report's outcome code ("open" while open); empty for other types.</summary>
    public required string AppealResult { get; set; }

    public int Cases { get; set; }

    /// <summary>The bucket of a report row, or null when the row counts nowhere (its case was deleted).</summary>
    public static Key? KeyOf(CaseReportRow row) => row.DeletedAt is not null
        ? null
        : new Key(row.ScopePath, row.ReceivedMonth, row.Type, row.ManagingTeamId, row.TeamId, row.Timeliness, AppealResultOf(row.Type, row.IsOpen, row.Outcome, row.AppealOutcome));

    /// <summary>The appeals report's outcome of a case of an appeal type; empty for other types (they never reach that report).</summary>
    public static string AppealResultOf(CaseType type, bool isOpen, CaseOutcome? outcome, AppealOutcome? appeal) =>
        !IsAppeal(type) ? "" : isOpen ? OpenResult : appeal switch
        {
            AppealOutcome.Upheld => "upheld",
            AppealOutcome.UpheldInPart => "upheld_in_part",
            AppealOutcome.Overturned => "overturned",
            _ => outcome switch
            {
                CaseOutcome.Granted => "granted",
                CaseOutcome.RefusedInPart => "refused_in_part",
                CaseOutcome.Refused => "refused",
                _ => "not_recorded",
            },
        };

    public const string OpenResult = "open";

    public static IReadOnlyList<CaseType> AppealTypes { get; } = [CaseType.FoiInternalReview, CaseType.SarInternalReview, CaseType.IcoAppealFoi, CaseType.IcoAppealSar];

    public static bool IsAppeal(CaseType type) => AppealTypes.Contains(type);

    /// <summary>One bucket; ordered so that transactions touching two buckets lock them in the same order.</summary>
    public sealed record Key(string ScopePath, int ReceivedMonth, CaseType Type, Guid ManagingTeamId, Guid TeamId, ReportTimeliness Timeliness, string AppealResult)
    {
        public string SortKey => $"{ScopePath}|{ReceivedMonth}|{Type}|{ManagingTeamId:N}|{TeamId:N}|{Timeliness}|{AppealResult}";
    }
}

/// <summary>What the report filters select on, shared by the rows and the monthly buckets.</summary>
public interface IReportFacts
{
    int ReceivedMonth { get; }
    CaseType Type { get; }
    Guid ManagingTeamId { get; }
    Guid TeamId { get; }
}
