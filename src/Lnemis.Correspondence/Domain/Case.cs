using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>
/// A correspondence case. Its state moves only through workflow events (<c>FireCaseEvent</c>),
/// each appending a <see cref="CaseTransition"/>; its deadlines are derived from the received date
/// and the deadline events in that history. <see cref="FinalDeadline"/> is a copy for lists,
/// recomputed from the history in the same transaction as every event.
/// </summary>
[Classified(Classification.OfficialSensitive)]
public sealed class Case : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public CaseType Type { get; set; }
    public required string Subject { get; set; }

    /// <summary>Personal data: who asked.</summary>
    public required string RequesterName { get; set; }

    public string? RequesterEmail { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string State { get; set; }

    /// <summary>The manager unit that triages the case.</summary>
    public Guid ManagingTeamId { get; set; }

    public Guid? RespondingTeamId { get; set; }
    public Guid? ResponderId { get; set; }

    /// <summary>Clearance steps flagged on the case, approved in the current round, and taken on by an approver.</summary>
    public List<string> FlaggedSteps { get; set; } = [];
    public List<string> ApprovedSteps { get; set; } = [];
    public List<string> AcceptedSteps { get; set; } = [];

    public string? ResponseFileName { get; set; }

    /// <summary>The case file (kind response) the response was uploaded as; null for responses recorded before files were stored.</summary>
    public Guid? ResponseFileId { get; set; }
    public DateOnly? RespondedOn { get; set; }

    /// <summary>Copy of the derived final deadline, for lists and filters (null while an ICO date is missing).</summary>
    public DateOnly? FinalDeadline { get; set; }

    public InformationHeld? InformationHeld { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public AppealOutcome? AppealOutcome { get; set; }
    public List<string> Exemptions { get; set; } = [];
    public string? LateTeam { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public string? DeletedReason { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastEventAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One event in a case's history, appended and never changed: who did what as which role from
/// which team, the state before and after, the message, and the final deadline before and after.
/// A deadline fact (extension, clock stop …) is kept in <see cref="DeadlineChange"/>; the
/// deadline is replayed from these.
/// </summary>
public sealed class CaseTransition
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>1, 2, 3 … per case; unique, so two racing events cannot both be appended as the same step.</summary>
    public int Sequence { get; set; }

    public required string Event { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public Guid? ActorId { get; set; }
    public CaseRole? ActorRole { get; set; }
    public Guid? ActorTeamId { get; set; }
    public Guid? TeamId { get; set; }

    /// <summary>The team the event took the case from (the managing team before a transfer).</summary>
    public Guid? FromTeamId { get; set; }

    public string? Message { get; set; }

    /// <summary>The case file the event attached (a response upload), and its name then (cleared on anonymisation).</summary>
    public Guid? FileId { get; set; }

    public string? FileName { get; set; }
    public DeadlineChange? DeadlineChange { get; set; }
    public DateOnly? DeadlineBefore { get; set; }
    public DateOnly? DeadlineAfter { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A <see cref="DeadlineEvent"/> as stored (JSON in the transition row).</summary>
public sealed record DeadlineChange(string Kind, DateOnly On, int? Amount = null, string? Reason = null, ClockStopCategory? Category = null, DateOnly? Date = null)
{
    public const string Extension = "extension";
    public const string ExtensionRemoval = "extension_removed";
    public const string Stop = "clock_stopped";
    public const string Restart = "clock_restarted";
    public const string DateSet = "date_set";

    public DeadlineEvent ToEvent() => Kind switch
    {
        Extension => new ExtensionGranted(On, Amount ?? 0, Reason ?? ""),
        ExtensionRemoval => new ExtensionRemoved(On, Reason ?? ""),
        Stop => new ClockStopped(On, Reason ?? "", Category ?? ClockStopCategory.Other),
        Restart => new ClockRestarted(On),
        DateSet => new DeadlineDateSet(On, Date ?? On),
        _ => throw new InvalidOperationException($"Unknown deadline change '{Kind}'."),
    };
}

/// <summary>The last case number handed out for a received day; its row lock serialises numbering.</summary>
public sealed class CaseNumberCounter
{
    public DateOnly Day { get; set; }
    public int LastSequence { get; set; }
}
