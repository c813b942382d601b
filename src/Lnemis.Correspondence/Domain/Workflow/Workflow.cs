namespace Lnemis.Correspondence.Domain.Workflow;

public enum Refusal
{
    None,

    /// <summary>The definition has no such event.</summary>
    UnknownEvent,

    /// <summary>The event cannot be fired from the case's state.</summary>
    State,

    /// <summary>The role may not fire the event.</summary>
    Role,

    /// <summary>A guard does not hold (see <see cref="Decision.Guard"/>).</summary>
    Guard,
}

/// <summary>The answer to "may this role fire this event on this case now?", with the state it leads to and the effects to carry out.</summary>
public sealed record Decision(string Event, bool Allowed, Refusal Refusal, string Reason)
{
    public string? To { get; init; }
    public IReadOnlyList<string> Effects { get; init; } = [];

    /// <summary>The guard that refused the event, if one did.</summary>
    public string? Guard { get; init; }
}

/// <summary>Decides events against a workflow definition. Pure: the caller applies the decision.</summary>
public static class Workflow
{
    public static Decision Decide(WorkflowDefinition definition, CaseSnapshot snapshot, CaseRole role, string eventName, EventInput? input = null) =>
        Decide(definition, snapshot, role, eventName, input ?? EventInput.None, checkInput: true);

    /// <summary>The events <paramref name="role"/> may fire now, for the buttons on the case page (guards on input are left to the form).</summary>
    public static IReadOnlyList<string> AllowedEvents(WorkflowDefinition definition, CaseSnapshot snapshot, CaseRole role) =>
        definition.Events
            .Where(e => Decide(definition, snapshot, role, e.Name, EventInput.None, checkInput: false).Allowed)
            .Select(e => e.Name)
            .ToList();

    private static Decision Decide(WorkflowDefinition definition, CaseSnapshot snapshot, CaseRole role, string eventName, EventInput input, bool checkInput)
    {
        if (!definition.CaseTypes.Contains(snapshot.Type))
        {
            throw new ArgumentException($"The {definition.Name} workflow is not the workflow of {snapshot.Type.Noun()}.", nameof(snapshot));
        }
        if (definition.State(snapshot.State) is null)
        {
            throw new ArgumentException($"'{snapshot.State}' is not a state of the {definition.Name} workflow.", nameof(snapshot));
        }
        var roleName = Name(role);
        if (definition.Event(eventName) is not { } e)
        {
            return new Decision(eventName, false, Refusal.UnknownEvent, $"'{eventName}' is not an event of {snapshot.Type.Noun()}");
        }
        if (!e.From.Contains(snapshot.State))
        {
            return new Decision(eventName, false, Refusal.State, $"'{eventName}' cannot be done to a case in state {snapshot.State} (only from {string.Join(", ", e.From)})");
        }
        var permission = e.Permissions.FirstOrDefault(p => p.Role == role);
        if (permission is null)
        {
            var allowed = e.Permissions.Count == 0 ? "nobody" : string.Join(", ", e.Permissions.Select(p => Name(p.Role)));
            return new Decision(eventName, false, Refusal.Role, $"a {roleName} may not '{eventName}' (allowed: {allowed})");
        }
        var context = new GuardContext(definition, snapshot, input);
        foreach (var guardName in permission.Guards.Concat(e.Guards))
        {
            if (!WorkflowGuards.All.TryGetValue(guardName, out var guard))
            {
                throw new InvalidOperationException($"The {definition.Name} workflow names an unknown guard '{guardName}' on '{eventName}'; validate definitions at start-up.");
            }
            if (!checkInput && guard.OnInput)
            {
                continue;
            }
            if (guard.Check(context) is { } reason)
            {
                return new Decision(eventName, false, Refusal.Guard, reason) { Guard = guardName };
            }
        }
        return new Decision(eventName, true, Refusal.None, "")
        {
            To = Target(definition, snapshot, e),
            Effects = e.Effects,
        };
    }

    private static string Target(WorkflowDefinition definition, CaseSnapshot snapshot, WorkflowEvent e)
    {
        switch (e.To)
        {
            case WorkflowDefinition.Same:
                return snapshot.State;
            case WorkflowDefinition.NextClearance:
                var current = definition.StepOf(snapshot.State);
                var after = current is null ? definition.ClearanceSteps : definition.ClearanceSteps.SkipWhile(s => s != current).Skip(1);
                var next = after.FirstOrDefault(s => snapshot.FlaggedSteps.Contains(s) && !snapshot.ApprovedSteps.Contains(s));
                return next is null ? definition.AfterClearance : WorkflowDefinition.ClearanceState(next);
            default:
                return e.To;
        }
    }

    public static string Name(CaseRole role) => role.ToString().ToLowerInvariant();
}
