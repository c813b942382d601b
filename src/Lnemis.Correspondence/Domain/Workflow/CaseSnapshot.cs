namespace Lnemis.Correspondence.Domain.Workflow;

/// <summary>
/// What the workflow needs to know about a case and the person acting on it. The application
/// builds one from the case, its deadline history and the acting user's team memberships.
/// </summary>
public sealed record CaseSnapshot(CaseType Type, string State)
{
    public bool HasResponseFile { get; init; }

    /// <summary>Clearance steps flagged on the case.</summary>
    public IReadOnlySet<string> FlaggedSteps { get; init; } = Empty;

    /// <summary>Flagged steps approved in the current round (a request for amends starts a new round).</summary>
    public IReadOnlySet<string> ApprovedSteps { get; init; } = Empty;

    /// <summary>Flagged steps whose approvers have taken the approval on.</summary>
    public IReadOnlySet<string> AcceptedSteps { get; init; } = Empty;

    public bool ClockStopped { get; init; }

    /// <summary>The clock has been stopped longer than the rule allows (see <c>ClockStop.AutoCloseDue</c>).</summary>
    public bool ClockStopExpired { get; init; }

    /// <summary>An extension is in force.</summary>
    public bool IsExtended { get; init; }

    /// <summary>The deadline rule allows one more extension now (see <c>DeadlineHistory.CanExtend</c>).</summary>
    public bool CanExtend { get; init; }

    /// <summary>Responded (or still open) after the final deadline.</summary>
    public bool IsLate { get; init; }

    /// <summary>The acting user belongs to the responding team assigned to the case.</summary>
    public bool ActorInRespondingTeam { get; init; }

    /// <summary>The clearance steps the acting user's teams approve (e.g. "disclosure").</summary>
    public IReadOnlySet<string> ActorApprovesSteps { get; init; } = Empty;

    internal static readonly IReadOnlySet<string> Empty = new HashSet<string>();
}

public enum InformationHeld
{
    Yes,
    No,
    InPart,
}

public enum CaseOutcome
{
    Granted,
    RefusedInPart,
    Refused,
}

public enum AppealOutcome
{
    Upheld,
    UpheldInPart,
    Overturned,
}

/// <summary>What closing a case records: information held, outcome, exemptions, and for a late case the team responsible.</summary>
public sealed record Closure
{
    public InformationHeld? InformationHeld { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public AppealOutcome? AppealOutcome { get; init; }

    /// <summary>FOI exemptions (e.g. "s40", "s43") or other refusal reasons.</summary>
    public IReadOnlyList<string> Exemptions { get; init; } = [];

    public string? LateTeam { get; init; }
}

/// <summary>What the person firing the event supplies with it.</summary>
public sealed record EventInput
{
    public static EventInput None { get; } = new();

    /// <summary>Reason or message text.</summary>
    public string? Reason { get; init; }

    public bool HasFile { get; init; }

    public string? Team { get; init; }

    /// <summary>The user named as responder (assign_responder, or assign/reassign to a person).</summary>
    public string? Responder { get; init; }

    /// <summary>The manager unit a case is transferred to.</summary>
    public string? ManagingTeam { get; init; }

    public IReadOnlyList<string> ClearanceSteps { get; init; } = [];

    public string? LinkedCase { get; init; }

    public Closure? Closure { get; init; }
}
