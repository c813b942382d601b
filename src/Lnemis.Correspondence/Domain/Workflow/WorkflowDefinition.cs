namespace Lnemis.Correspondence.Domain.Workflow;

/// <summary>The roles a case team plays; what a role may do is set per event in each definition.</summary>
public enum CaseRole
{
    /// <summary>Triage: assigns, flags for clearance, extends, stops the clock, closes.</summary>
    Manager,

    /// <summary>Drafts and sends the response.</summary>
    Responder,

    /// <summary>Clears the response at one clearance step (disclosure, press office, private office).</summary>
    Approver,

    /// <summary>The platform itself, in scheduled tasks (closing a case stopped too long); no user holds it.</summary>
    System,
}

public sealed record WorkflowState(string Name, bool Terminal = false, string Description = "");

/// <summary>
/// A role allowed to fire an event, with guards of its own: "responder" alone would let any
/// responder in the country act; <c>actor_in_responding_team</c> narrows it to the assigned team.
/// </summary>
public sealed record Permission(CaseRole Role, IReadOnlyList<string> Guards)
{
    public static Permission Any(CaseRole role) => new(role, []);

    public static Permission Only(CaseRole role, params string[] guards) => new(role, guards);
}

/// <summary>
/// One event of a workflow: the states it may be fired from, where it leads (a state,
/// <see cref="WorkflowDefinition.Same"/>, or <see cref="WorkflowDefinition.NextClearance"/>),
/// who may fire it, the guards that must hold and the named effects the application carries out.
/// </summary>
public sealed record WorkflowEvent(string Name, IReadOnlyList<string> From, string To, IReadOnlyList<Permission> Permissions)
{
    public IReadOnlyList<string> Guards { get; init; } = [];
    public IReadOnlyList<string> Effects { get; init; } = [];
    public string Description { get; init; } = "";
}

/// <summary>
/// The lifecycle of one or more case types, as data. Definitions are checked by
/// <see cref="WorkflowValidator"/> (at start-up and in tests) and documented by
/// <see cref="PermissionMatrix"/>; <see cref="Workflow"/> decides events against them.
/// </summary>
public sealed record WorkflowDefinition(
    string Name,
    IReadOnlyList<CaseType> CaseTypes,
    IReadOnlyList<WorkflowState> States,
    string Initial,
    IReadOnlyList<WorkflowEvent> Events)
{
    /// <summary>Target meaning "stay in the current state".</summary>
    public const string Same = "same";

    /// <summary>
    /// Target meaning "the next flagged, not yet approved clearance step after the current state,
    /// or <see cref="AfterClearance"/> when none is left".
    /// </summary>
    public const string NextClearance = "next_clearance_step";

    /// <summary>Clearance steps in the order a response goes through them; each has a state <c>pending_&lt;step&gt;</c>.</summary>
    public IReadOnlyList<string> ClearanceSteps { get; init; } = [];

    /// <summary>Where a response goes once its last clearance step is approved.</summary>
    public string AfterClearance { get; init; } = "awaiting_dispatch";

    public static string ClearanceState(string step) => "pending_" + step;

    /// <summary>The clearance step a <c>pending_&lt;step&gt;</c> state stands for, or null.</summary>
    public string? StepOf(string state) =>
        ClearanceSteps.FirstOrDefault(s => ClearanceState(s) == state);

    public WorkflowEvent? Event(string name) => Events.FirstOrDefault(e => e.Name == name);

    public WorkflowState? State(string name) => States.FirstOrDefault(s => s.Name == name);

    /// <summary>The states an event can lead to from <paramref name="from"/>, whatever the case's facts.</summary>
    public IEnumerable<string> PossibleTargets(WorkflowEvent e, string from)
    {
        switch (e.To)
        {
            case Same:
                yield return from;
                break;
            case NextClearance:
                var current = StepOf(from);
                var after = current is null ? ClearanceSteps : ClearanceSteps.SkipWhile(s => s != current).Skip(1);
                foreach (var step in after)
                {
                    yield return ClearanceState(step);
                }
                yield return AfterClearance;
                break;
            default:
                yield return e.To;
                break;
        }
    }
}
