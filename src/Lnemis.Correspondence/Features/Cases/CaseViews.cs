using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Correspondence.Features.Cases;

public sealed record CaseSummary(
    Guid Id, string Number, string Type, string Subject, string State, DateOnly ReceivedOn, DateOnly? FinalDeadline,
    Guid ManagingTeamId, Guid? RespondingTeamId, Guid? ResponderId, DateOnly? RespondedOn, long Version, string? ResponderName);

public sealed record DeadlineView(DeadlineKind Kind, DateOnly Date, string Explanation, IReadOnlyList<string> Steps, string Rule, string Basis, DateOnly? ClockStoppedSince)
{
    public static DeadlineView From(Deadline d) => new(d.Kind, d.Date, d.Explanation, d.Steps, d.Rule.Name, d.Rule.Basis, d.ClockStoppedSince);
}

public sealed record TransitionView(
    int Sequence, string Event, string? FromState, string ToState, Guid? ActorId, CaseRole? ActorRole, Guid? ActorTeamId, Guid? TeamId,
    string? Message, DeadlineChange? DeadlineChange, DateOnly? DeadlineBefore, DateOnly? DeadlineAfter, DateTimeOffset At)
{
    /// <summary>The actor's display name (from Identity; null for the system or an unknown user).</summary>
    public string? ActorName { get; init; }

    /// <summary>The case file the event attached (a response upload) and its name then.</summary>
    public Guid? FileId { get; init; }

    public string? FileName { get; init; }

    /// <summary>The team the event took the case from (a managing-team transfer); <see cref="TeamId"/> is the one it went to.</summary>
    public Guid? FromTeamId { get; init; }

    public static TransitionView From(CaseTransition t) => new(
        t.Sequence, t.Event, t.FromState, t.ToState, t.ActorId, t.ActorRole, t.ActorTeamId, t.TeamId, t.Message, t.DeadlineChange, t.DeadlineBefore, t.DeadlineAfter, t.At)
    {
        FileId = t.FileId,
        FileName = t.FileName,
        FromTeamId = t.FromTeamId,
    };
}

public sealed record ClosureView(InformationHeld? InformationHeld, CaseOutcome? Outcome, AppealOutcome? AppealOutcome, IReadOnlyList<string> Exemptions, string? LateTeam, DateOnly? ClosedOn);

/// <summary>A case as its page shows it: details, deadlines with why, history, and what the caller may do now.</summary>
public sealed record CaseDetail(
    Guid Id,
    string Number,
    string Type,
    string TypeTitle,
    string Subject,
    string RequesterName,
    string? RequesterEmail,
    DateOnly ReceivedOn,
    string State,
    Guid ManagingTeamId,
    Guid? RespondingTeamId,
    Guid? ResponderId,
    IReadOnlyList<string> FlaggedSteps,
    IReadOnlyList<string> ApprovedSteps,
    string? ResponseFileName,
    DateOnly? RespondedOn,
    DateOnly? FinalDeadline,
    bool IsLate,
    bool ClockStopped,
    bool IsExtended,
    ClosureView? Closure,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<TransitionView> History,
    IReadOnlyList<CaseRole> Roles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedEvents,
    long Version)
{
    /// <summary>The responder's display name (from Identity).</summary>
    public string? ResponderName { get; init; }

    /// <summary>The case file the response was uploaded as (null for a response recorded by name only, e.g. seeded demo data).</summary>
    public Guid? ResponseFileId { get; init; }
}
