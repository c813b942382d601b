namespace Lnemis.Correspondence.Domain.Workflow;

/// <summary>One thing wrong with a definition. <see cref="Rule"/> is one of <see cref="WorkflowValidator"/>'s constants.</summary>
public sealed record WorkflowProblem(string Definition, string Rule, string Message)
{
    public override string ToString() => $"{Definition}: {Message} [{Rule}]";
}

/// <summary>
/// Finds everything wrong with a workflow definition, so that a definition with a dead event or
/// an unreachable state fails at start-up (and in tests) instead of in front of a user.
/// </summary>
public static class WorkflowValidator
{
    public const string DuplicateState = "duplicate_state";
    public const string DuplicateEvent = "duplicate_event";
    public const string UnknownState = "unknown_state";
    public const string NoFromStates = "no_from_states";
    public const string MissingClearanceState = "missing_clearance_state";
    public const string NextClearanceWithoutSteps = "next_clearance_without_steps";
    public const string UnknownGuard = "unknown_guard";
    public const string UnknownEffect = "unknown_effect";
    public const string NobodyCanFire = "nobody_can_fire";
    public const string UnreachableState = "unreachable_state";
    public const string DeadEvent = "dead_event";
    public const string NoTerminalState = "no_terminal_state";
    public const string NoPathToTerminal = "no_path_to_terminal";
    public const string TerminalStateLeft = "terminal_state_left";

    public static IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<WorkflowProblem>();
        void Problem(string rule, string message) => problems.Add(new WorkflowProblem(definition.Name, rule, message));

        foreach (var name in definition.States.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Problem(DuplicateState, $"state '{name}' is defined more than once");
        }
        foreach (var name in definition.Events.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Problem(DuplicateEvent, $"event '{name}' is defined more than once");
        }

        var states = definition.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (!states.Contains(definition.Initial))
        {
            Problem(UnknownState, $"the initial state '{definition.Initial}' is not defined");
        }
        foreach (var step in definition.ClearanceSteps.Where(s => !states.Contains(WorkflowDefinition.ClearanceState(s))))
        {
            Problem(MissingClearanceState, $"clearance step '{step}' has no state '{WorkflowDefinition.ClearanceState(step)}'");
        }
        if (definition.ClearanceSteps.Count > 0 && !states.Contains(definition.AfterClearance))
        {
            Problem(UnknownState, $"the state after clearance, '{definition.AfterClearance}', is not defined");
        }

        foreach (var e in definition.Events)
        {
            if (e.From.Count == 0)
            {
                Problem(NoFromStates, $"event '{e.Name}' has no from-states");
            }
            foreach (var from in e.From.Where(f => !states.Contains(f)))
            {
                Problem(UnknownState, $"event '{e.Name}' starts from unknown state '{from}'");
            }
            if (e.To is not (WorkflowDefinition.Same or WorkflowDefinition.NextClearance) && !states.Contains(e.To))
            {
                Problem(UnknownState, $"event '{e.Name}' leads to unknown state '{e.To}'");
            }
            if (e.To == WorkflowDefinition.NextClearance && definition.ClearanceSteps.Count == 0)
            {
                Problem(NextClearanceWithoutSteps, $"event '{e.Name}' leads to the next clearance step, but the workflow has no clearance steps");
            }
            foreach (var guard in e.Guards.Concat(e.Permissions.SelectMany(p => p.Guards)).Distinct().Where(g => !WorkflowGuards.All.ContainsKey(g)))
            {
                Problem(UnknownGuard, $"event '{e.Name}' names unknown guard '{guard}'");
            }
            foreach (var effect in e.Effects.Where(f => !WorkflowEffects.All.ContainsKey(f)))
            {
                Problem(UnknownEffect, $"event '{e.Name}' names unknown effect '{effect}'");
            }
            if (e.Permissions.Count == 0)
            {
                Problem(NobodyCanFire, $"no role may fire event '{e.Name}'");
            }
        }

        // Only events somebody can fire move a case, so only they make states reachable.
        var edges = definition.Events
            .Where(e => e.Permissions.Count > 0)
            .SelectMany(e => e.From.Where(states.Contains).SelectMany(f => definition.PossibleTargets(e, f).Where(states.Contains).Select(t => (From: f, To: t, Event: e))))
            .ToList();
        var reachable = Closure(definition.Initial, edges.ToLookup(x => x.From, x => x.To));
        if (states.Contains(definition.Initial))
        {
            foreach (var state in definition.States.Where(s => !reachable.Contains(s.Name)))
            {
                Problem(UnreachableState, $"state '{state.Name}' cannot be reached from '{definition.Initial}'");
            }
            foreach (var e in definition.Events.Where(e => e.From.Count > 0 && e.From.All(f => states.Contains(f) && !reachable.Contains(f))))
            {
                Problem(DeadEvent, $"event '{e.Name}' can never be fired: none of its from-states ({string.Join(", ", e.From)}) can be reached");
            }
        }

        var terminal = definition.States.Where(s => s.Terminal).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (terminal.Count == 0)
        {
            Problem(NoTerminalState, "no state is terminal: no case could ever finish");
        }
        else
        {
            var reverse = edges.ToLookup(x => x.To, x => x.From);
            var canFinish = terminal.SelectMany(t => Closure(t, reverse)).ToHashSet(StringComparer.Ordinal);
            foreach (var state in definition.States.Where(s => reachable.Contains(s.Name) && !canFinish.Contains(s.Name)))
            {
                Problem(NoPathToTerminal, $"a case in state '{state.Name}' can never reach a terminal state ({string.Join(", ", terminal)})");
            }
        }
        foreach (var (from, to, e) in edges.Where(x => terminal.Contains(x.From) && x.To != x.From))
        {
            Problem(TerminalStateLeft, $"event '{e.Name}' leaves terminal state '{from}' for '{to}'");
        }
        return problems;
    }

    public static IReadOnlyList<WorkflowProblem> Validate(IEnumerable<WorkflowDefinition> definitions)
    {
        var list = definitions.ToList();
        var problems = list.SelectMany(Validate).ToList();
        foreach (var type in list.SelectMany(d => d.CaseTypes).GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new WorkflowProblem("(all)", "duplicate_case_type", $"{type.Code()} has more than one workflow definition"));
        }
        return problems;
    }

    /// <summary>Throws listing every problem; for start-up.</summary>
    public static void EnsureValid(IEnumerable<WorkflowDefinition> definitions)
    {
        var problems = Validate(definitions);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid workflow definitions:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    private static HashSet<string> Closure(string start, ILookup<string, string> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var target in next[state].Where(seen.Add))
            {
                queue.Enqueue(target);
            }
        }
        return seen;
    }
}
