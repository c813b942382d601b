using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>Whether a case was answered by its final deadline; pending until it is answered.</summary>
public enum ReportTimeliness
{
    Pending,
    InTime,
    Late,
}

/// <summary>
/// One case as the reports see it: no personal data, only what timeliness, appeal and ageing
/// figures group and count by. Written by <c>CaseReportObserver</c> in the transaction of every
/// history entry, so the reports never lag the cases; rebuilt from the cases by
/// <c>RebuildCaseReports</c>. It outlives anonymisation and disposal of its case, so past figures
/// do not change when old cases go.
/// </summary>
public sealed class CaseReportRow : IScoped, ISoftDeletable, IReportFacts
{
    public Guid CaseId { get; set; }
    public required string Number { get; set; }
    public CaseType Type { get; set; }
    public Guid ManagingTeamId { get; set; }
    public Guid? RespondingTeamId { get; set; }

    /// <summary>The unit that holds or answered the case: the responding unit once assigned, else the managing unit.</summary>
    public Guid TeamId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>yyyymm of <see cref="ReceivedOn"/>, the month the reports group by.</summary>
    public int ReceivedMonth { get; set; }

    public DateOnly? FinalDeadline { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public ReportTimeliness Timeliness { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public AppealOutcome? AppealOutcome { get; set; }
    public required string State { get; set; }
    public bool IsOpen { get; set; }
    public string? LateTeam { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the case was deleted (with a reason): it then drops out of every report.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public static int MonthOf(DateOnly day) => (day.Year * 100) + day.Month;

    public static CaseReportRow For(Case c, DateTimeOffset now)
    {
        var row = new CaseReportRow { CaseId = c.Id, Number = c.Number, State = c.State, ScopePath = c.ScopePath };
        row.CopyFrom(c, now);
        return row;
    }

    /// <summary>Takes the case's current facts (the one mapping the observer and the rebuild share).</summary>
    public void CopyFrom(Case c, DateTimeOffset now)
    {
        Number = c.Number;
        Type = c.Type;
        ManagingTeamId = c.ManagingTeamId;
        RespondingTeamId = c.RespondingTeamId;
        TeamId = c.RespondingTeamId ?? c.ManagingTeamId;
        ReceivedOn = c.ReceivedOn;
        ReceivedMonth = MonthOf(c.ReceivedOn);
        FinalDeadline = c.FinalDeadline;
        RespondedOn = c.RespondedOn;
        Timeliness = c.RespondedOn is not { } responded ? ReportTimeliness.Pending
            : c.FinalDeadline is { } final && responded > final ? ReportTimeliness.Late
            : ReportTimeliness.InTime;
        ClosedOn = c.ClosedOn;
        Outcome = c.Outcome;
        AppealOutcome = c.AppealOutcome;
        State = c.State;
        IsOpen = c.State != WorkflowDefinitions.Closed && c.DeletedAt is null;
        LateTeam = c.LateTeam;
        ScopePath = c.ScopePath;
        DeletedAt = c.DeletedAt;
        UpdatedAt = now;
    }
}
