using BenchmarkDotNet.Attributes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Benchmarks;

/// <summary>
/// Workflow event evaluation (Correspondence Domain/Workflow): the permission and guard checks
/// run for every event fired, and for every event of the definition when the case page lists the
/// buttons a user may press.
/// </summary>
public class WorkflowBenchmarks
{
    private static readonly HashSet<string> Disclosure = [WorkflowDefinitions.Disclosure];
    private static readonly HashSet<string> AllSteps = [WorkflowDefinitions.Disclosure, WorkflowDefinitions.PressOffice, WorkflowDefinitions.PrivateOffice];

    private readonly WorkflowDefinition foi = WorkflowDefinitions.Foi;
    private readonly WorkflowDefinition sar = WorkflowDefinitions.Sar;

    private readonly CaseSnapshot sarAtDisclosure = new(CaseType.Sar, WorkflowDefinition.ClearanceState(WorkflowDefinitions.Disclosure))
    {
        HasResponseFile = true,
        FlaggedSteps = Disclosure,
        AcceptedSteps = Disclosure,
        ActorApprovesSteps = Disclosure,
    };

    private readonly CaseSnapshot foiDrafting = new(CaseType.Foi, WorkflowDefinitions.Drafting)
    {
        HasResponseFile = true,
        FlaggedSteps = AllSteps,
        ActorInRespondingTeam = true,
        CanExtend = true,
    };

    private readonly EventInput extension = new() { Reason = "public-interest test: the balance needs the policy team's view" };

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkInput.Expect(ApproveAtClearanceStep() is { Allowed: true, To: WorkflowDefinitions.AwaitingDispatch }, "the SAR's disclosure approver may approve; the case then awaits dispatch");
        BenchmarkInput.Expect(RefusedByGuard() is { Allowed: false, Refusal: Refusal.Guard, Guard: "clearance_complete" }, "marking an uncleared FOI responded is refused by the clearance guard");
        BenchmarkInput.Expect(ExtendWithInputGuards().Allowed, "a manager may extend a FOI with a reason");
        BenchmarkInput.Expect(AllowedEventsForCasePage().Count >= 5, "a manager has several buttons on a drafting FOI");
    }

    [Benchmark(Description = "Decide: SAR approver approves at the disclosure step (allowed, next state)")]
    public Decision ApproveAtClearanceStep() => Workflow.Decide(sar, sarAtDisclosure, CaseRole.Approver, "approve");

    [Benchmark(Description = "Decide: FOI responder marks responded before clearance (refused by a guard)")]
    public Decision RefusedByGuard() => Workflow.Decide(foi, foiDrafting, CaseRole.Responder, "mark_responded");

    [Benchmark(Description = "Decide: FOI manager extends, with input guards")]
    public Decision ExtendWithInputGuards() => Workflow.Decide(foi, foiDrafting, CaseRole.Manager, "extend", extension);

    [Benchmark(Description = "Allowed events for the case page (every FOI event, manager)")]
    public IReadOnlyList<string> AllowedEventsForCasePage() => Workflow.AllowedEvents(foi, foiDrafting, CaseRole.Manager);
}
