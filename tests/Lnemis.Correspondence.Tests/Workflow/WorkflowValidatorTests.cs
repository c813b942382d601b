using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Correspondence.Tests.Workflow;

public sealed class WorkflowValidatorTests
{
    private static readonly Permission Manager = Permission.Any(CaseRole.Manager);

    // open -> working -> done: the smallest valid workflow; each test breaks one thing.
    private static readonly WorkflowDefinition Small = new(
        "small",
        [CaseType.Foi],
        [new("open"), new("working"), new("done", Terminal: true)],
        "open",
        [
            new("start", ["open"], "working", [Manager]),
            new("finish", ["working"], "done", [Manager]) { Guards = [WorkflowGuards.ReasonGiven], Effects = [WorkflowEffects.RecordClosure] },
            new("note", ["open", "working", "done"], WorkflowDefinition.Same, [Manager]),
        ]);

    private static WorkflowEvent Event(string name, string[] from, string to) => new(name, from, to, [Manager]);

    private static string[] Rules(WorkflowDefinition definition) => WorkflowValidator.Validate(definition).Select(p => p.Rule).Distinct().Order().ToArray();

    private static void AssertProblem(WorkflowDefinition definition, string rule, string message)
    {
        var problems = WorkflowValidator.Validate(definition);
        Assert.Contains(problems, p => p.Rule == rule && p.Message == message);
    }

    [Fact]
    public void ShippedDefinitions_AreValid()
    {
        Assert.Empty(WorkflowValidator.Validate(WorkflowDefinitions.All));
        WorkflowValidator.EnsureValid(WorkflowDefinitions.All);
    }

    [Fact]
    public void SmallDefinition_IsValid() => Assert.Empty(WorkflowValidator.Validate(Small));

    [Fact]
    public void UnreachableState_IsReported()
    {
        var broken = Small with { States = [.. Small.States, new("limbo")] };

        Assert.Equal([WorkflowValidator.UnreachableState], Rules(broken));
        AssertProblem(broken, WorkflowValidator.UnreachableState, "state 'limbo' cannot be reached from 'open'");
    }

    [Fact]
    public void EventNobodyCanFire_IsReported()
    {
        var broken = Small with { Events = [.. Small.Events, new("archive", ["working"], "done", [])] };

        Assert.Equal([WorkflowValidator.NobodyCanFire], Rules(broken));
        AssertProblem(broken, WorkflowValidator.NobodyCanFire, "no role may fire event 'archive'");
    }

    [Fact]
    public void EventNobodyCanFire_MakesWhatOnlyItReachesUnreachable()
    {
        // Without anyone to fire "start", nothing gets past "open": the dead YAML event of the reference tool.
        var broken = Small with { Events = [Small.Events[0] with { Permissions = [] }, .. Small.Events.Skip(1)] };

        Assert.Equal([WorkflowValidator.DeadEvent, WorkflowValidator.NoPathToTerminal, WorkflowValidator.NobodyCanFire, WorkflowValidator.UnreachableState], Rules(broken));
        AssertProblem(broken, WorkflowValidator.DeadEvent, "event 'finish' can never be fired: none of its from-states (working) can be reached");
    }

    [Fact]
    public void EventWhoseFromStatesAreAllUnreachable_IsReported()
    {
        var broken = Small with
        {
            States = [.. Small.States, new("limbo")],
            Events = [.. Small.Events, Event("escape", ["limbo"], "done")],
        };

        Assert.Equal([WorkflowValidator.DeadEvent, WorkflowValidator.UnreachableState], Rules(broken));
        AssertProblem(broken, WorkflowValidator.DeadEvent, "event 'escape' can never be fired: none of its from-states (limbo) can be reached");
    }

    [Fact]
    public void StateWithoutAPathToATerminalState_IsReported()
    {
        var broken = Small with
        {
            States = [.. Small.States, new("stuck")],
            Events = [.. Small.Events, Event("wander", ["working"], "stuck")],
        };

        Assert.Equal([WorkflowValidator.NoPathToTerminal], Rules(broken));
        AssertProblem(broken, WorkflowValidator.NoPathToTerminal, "a case in state 'stuck' can never reach a terminal state (done)");
    }

    [Fact]
    public void NoTerminalState_IsReported()
    {
        var broken = Small with { States = [new("open"), new("working"), new("done")] };

        Assert.Equal([WorkflowValidator.NoTerminalState], Rules(broken));
    }

    [Fact]
    public void LeavingATerminalState_IsReported()
    {
        var broken = Small with { Events = [.. Small.Events, Event("reopen", ["done"], "working")] };

        Assert.Equal([WorkflowValidator.TerminalStateLeft], Rules(broken));
        AssertProblem(broken, WorkflowValidator.TerminalStateLeft, "event 'reopen' leaves terminal state 'done' for 'working'");
    }

    [Fact]
    public void UnknownGuard_OnTheEventOrOnARole_IsReported()
    {
        var broken = Small with
        {
            Events =
            [
                .. Small.Events,
                Event("fly", ["open"], WorkflowDefinition.Same) with { Guards = ["has_wings"] },
                new("swim", ["open"], WorkflowDefinition.Same, [Permission.Only(CaseRole.Responder, "has_fins")]),
            ],
        };

        Assert.Equal([WorkflowValidator.UnknownGuard], Rules(broken));
        AssertProblem(broken, WorkflowValidator.UnknownGuard, "event 'fly' names unknown guard 'has_wings'");
        AssertProblem(broken, WorkflowValidator.UnknownGuard, "event 'swim' names unknown guard 'has_fins'");
    }

    [Fact]
    public void UnknownEffect_IsReported()
    {
        var broken = Small with { Events = [.. Small.Events, Event("fax", ["open"], WorkflowDefinition.Same) with { Effects = ["send_fax"] }] };

        Assert.Equal([WorkflowValidator.UnknownEffect], Rules(broken));
        AssertProblem(broken, WorkflowValidator.UnknownEffect, "event 'fax' names unknown effect 'send_fax'");
    }

    [Fact]
    public void UnknownStates_InInitialFromOrTo_AreReported()
    {
        var badTarget = Small with { Events = [.. Small.Events, Event("vanish", ["open"], "nowhere")] };
        var badSource = Small with { Events = [.. Small.Events, Event("appear", ["nowhere"], "done")] };
        var badInitial = Small with { Initial = "begin" };

        Assert.Equal([WorkflowValidator.UnknownState], Rules(badTarget));
        AssertProblem(badTarget, WorkflowValidator.UnknownState, "event 'vanish' leads to unknown state 'nowhere'");
        AssertProblem(badSource, WorkflowValidator.UnknownState, "event 'appear' starts from unknown state 'nowhere'");
        AssertProblem(badInitial, WorkflowValidator.UnknownState, "the initial state 'begin' is not defined");
    }

    [Fact]
    public void EventWithoutFromStates_IsReported()
    {
        var broken = Small with { Events = [.. Small.Events, Event("float", [], "done")] };

        Assert.Equal([WorkflowValidator.NoFromStates], Rules(broken));
    }

    [Fact]
    public void DuplicateStatesAndEvents_AreReported()
    {
        var broken = Small with { States = [.. Small.States, new("working")], Events = [.. Small.Events, Event("start", ["open"], "working")] };

        Assert.Equal([WorkflowValidator.DuplicateEvent, WorkflowValidator.DuplicateState], Rules(broken));
    }

    [Fact]
    public void ClearanceStepWithoutItsState_AndNextClearanceWithoutSteps_AreReported()
    {
        var missingState = Small with { ClearanceSteps = ["legal"], AfterClearance = "done" };
        var noSteps = Small with { Events = [.. Small.Events, Event("clear", ["working"], WorkflowDefinition.NextClearance)] };

        Assert.Equal([WorkflowValidator.MissingClearanceState], Rules(missingState));
        AssertProblem(missingState, WorkflowValidator.MissingClearanceState, "clearance step 'legal' has no state 'pending_legal'");
        Assert.Equal([WorkflowValidator.NextClearanceWithoutSteps], Rules(noSteps));
    }

    [Fact]
    public void NextClearance_ReachesEveryStepAndTheStateAfterClearance()
    {
        var withSteps = Small with
        {
            States = [.. Small.States, new("pending_legal"), new("pending_press")],
            ClearanceSteps = ["legal", "press"],
            AfterClearance = "done",
            Events = [.. Small.Events, Event("clear", ["working"], WorkflowDefinition.NextClearance), Event("approve", ["pending_legal", "pending_press"], WorkflowDefinition.NextClearance)],
        };

        Assert.Empty(WorkflowValidator.Validate(withSteps));
    }

    [Fact]
    public void TwoDefinitionsForOneCaseType_AreReported_AndEnsureValidListsEveryProblem()
    {
        var broken = Small with { Events = [.. Small.Events, new("archive", ["working"], "done", [])] };

        var problems = WorkflowValidator.Validate([Small, broken]);
        var error = Assert.Throws<InvalidOperationException>(() => WorkflowValidator.EnsureValid([Small, broken]));

        Assert.Contains(problems, p => p.Rule == "duplicate_case_type" && p.Message == "foi has more than one workflow definition");
        Assert.Contains("small: no role may fire event 'archive' [nobody_can_fire]", error.Message, StringComparison.Ordinal);
        Assert.Contains("foi has more than one workflow definition", error.Message, StringComparison.Ordinal);
    }
}
