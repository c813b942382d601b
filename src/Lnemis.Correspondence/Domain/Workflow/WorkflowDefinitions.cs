using static Lnemis.Correspondence.Domain.Workflow.WorkflowEffects;
using static Lnemis.Correspondence.Domain.Workflow.WorkflowGuards;

namespace Lnemis.Correspondence.Domain.Workflow;

/// <summary>
/// The shipped workflows. They share one lifecycle
/// (unassigned → awaiting_responder → drafting → pending clearance steps → awaiting_dispatch →
/// responded → closed) and differ in their clearance steps, whether the deadline can be extended
/// or the clock stopped, and how an appeal closes. Written as data so they can be validated and
/// documented; the builder below only saves repeating the common events.
/// </summary>
public static class WorkflowDefinitions
{
    public const string Unassigned = "unassigned";
    public const string AwaitingResponder = "awaiting_responder";
    public const string Drafting = "drafting";
    public const string AwaitingDispatch = "awaiting_dispatch";
    public const string Responded = "responded";
    public const string Closed = "closed";

    public const string Disclosure = "disclosure";
    public const string PressOffice = "press_office";
    public const string PrivateOffice = "private_office";

    private static readonly string[] FullClearance = [Disclosure, PressOffice, PrivateOffice];
    private static readonly string[] DisclosureOnly = [Disclosure];

    public static WorkflowDefinition Foi { get; } = Standard("foi", [CaseType.Foi], FullClearance, canExtend: true, canStopClock: false, appeal: false);

    public static WorkflowDefinition FoiInternalReview { get; } = Standard("foi_internal_review", [CaseType.FoiInternalReview], FullClearance, canExtend: false, canStopClock: false, appeal: false);

    public static WorkflowDefinition Sar { get; } = Standard("sar", [CaseType.Sar], DisclosureOnly, canExtend: true, canStopClock: true, appeal: false);

    public static WorkflowDefinition SarInternalReview { get; } = Standard("sar_internal_review", [CaseType.SarInternalReview], DisclosureOnly, canExtend: false, canStopClock: false, appeal: false);

    public static WorkflowDefinition IcoAppealFoi { get; } = Standard("ico_appeal_foi", [CaseType.IcoAppealFoi], FullClearance, canExtend: false, canStopClock: false, appeal: true);

    public static WorkflowDefinition IcoAppealSar { get; } = Standard("ico_appeal_sar", [CaseType.IcoAppealSar], DisclosureOnly, canExtend: false, canStopClock: false, appeal: true);

    public static WorkflowDefinition Overturned { get; } = Standard("overturned", [CaseType.OverturnedFoi, CaseType.OverturnedSar], DisclosureOnly, canExtend: false, canStopClock: false, appeal: false);

    public static IReadOnlyList<WorkflowDefinition> All { get; } = [Foi, FoiInternalReview, Sar, SarInternalReview, IcoAppealFoi, IcoAppealSar, Overturned];

    public static WorkflowDefinition For(CaseType type) =>
        All.FirstOrDefault(d => d.CaseTypes.Contains(type)) ?? throw new KeyNotFoundException($"No workflow definition covers {type.Code()}.");

    private static WorkflowDefinition Standard(string name, CaseType[] types, string[] steps, bool canExtend, bool canStopClock, bool appeal)
    {
        var pending = steps.Select(WorkflowDefinition.ClearanceState).ToArray();
        string[] open = [Unassigned, AwaitingResponder, Drafting, .. pending, AwaitingDispatch, Responded];
        string[] all = [.. open, Closed];
        string[] beforeResponse = [Unassigned, AwaitingResponder, Drafting, .. pending, AwaitingDispatch];
        string[] beforeClearance = [Unassigned, AwaitingResponder, Drafting];

        var manager = Permission.Any(CaseRole.Manager);
        var responder = Permission.Only(CaseRole.Responder, ActorInRespondingTeam);
        var stepApprover = Permission.Only(CaseRole.Approver, ActorApprovesCurrentStep);
        var flaggedApprover = Permission.Only(CaseRole.Approver, ActorApprovesAFlaggedStep);

        var states = new List<WorkflowState>
        {
            new(Unassigned, Description: "received, waiting for a manager to assign it"),
            new(AwaitingResponder, Description: "assigned, waiting for the responding team to accept"),
            new(Drafting, Description: "the responding team is drafting the response"),
        };
        states.AddRange(steps.Select(s => new WorkflowState(WorkflowDefinition.ClearanceState(s), Description: $"waiting for {s.Replace('_', ' ')} clearance")));
        states.Add(new(AwaitingDispatch, Description: "cleared, waiting to be sent"));
        states.Add(new(Responded, Description: "the response has been sent"));
        states.Add(new(Closed, Terminal: true, Description: "closure recorded"));

        var events = new List<WorkflowEvent>
        {
            new("assign", [Unassigned], AwaitingResponder, [manager]) { Guards = [TeamGiven], Effects = [SetRespondingTeam, SetNamedResponder], Description = "assign to a responding team (and, optionally, a named responder in it)" },
            new("accept", [AwaitingResponder], Drafting, [responder]) { Effects = [SetResponder], Description = "the responding team takes the case on" },
            new("reject", [AwaitingResponder], Unassigned, [responder]) { Guards = [ReasonGiven], Effects = [ClearRespondingTeam, AddMessage], Description = "the responding team gives it back, saying why" },
            new("reassign", [AwaitingResponder, Drafting, AwaitingDispatch], AwaitingResponder, [manager]) { Guards = [TeamGiven], Effects = [SetRespondingTeam, SetNamedResponder], Description = "assign to another responding team (and, optionally, a named responder in it)" },
            new("assign_responder", [AwaitingResponder, Drafting, AwaitingDispatch], WorkflowDefinition.Same, [manager, responder]) { Guards = [ResponderGiven], Effects = [SetNamedResponder], Description = "name the responder within the responding team who works on the case" },
            new("flag_for_clearance", beforeClearance, WorkflowDefinition.Same, [manager]) { Guards = [StepsGiven], Effects = [AddClearanceSteps], Description = "add clearance steps" },
            new("unflag", beforeClearance, WorkflowDefinition.Same, [flaggedApprover]) { Guards = [FlaggedForClearance], Effects = [RemoveClearanceStep], Description = "an approver removes their step" },
            new("accept_approval", pending, WorkflowDefinition.Same, [stepApprover]) { Guards = [StepNotAccepted], Effects = [AcceptClearanceStep], Description = "the step's approver takes the approval on" },
            new("approve", pending, WorkflowDefinition.NextClearance, [stepApprover]) { Effects = [ApproveClearanceStep], Description = "clear the response at this step" },
            new("request_amends", pending, Drafting, [stepApprover]) { Guards = [ReasonGiven], Effects = [ResetClearanceApprovals, AddMessage], Description = "send the draft back to the responding team" },
            new("upload_response", [Drafting, AwaitingDispatch], WorkflowDefinition.Same, [responder]) { Guards = [FileGiven], Effects = [AttachResponse], Description = "upload the response" },
            new("upload_response_and_approve", pending, WorkflowDefinition.NextClearance, [stepApprover]) { Guards = [FileGiven], Effects = [AttachResponse, ApproveClearanceStep], Description = "the approver uploads a revised response and clears it" },
            new("send_for_clearance", [Drafting], WorkflowDefinition.NextClearance, [responder]) { Guards = [HasResponseFile, FlaggedForClearance], Description = "send the draft to the first clearance step" },
            new("mark_responded", [Drafting, AwaitingDispatch], Responded, [responder]) { Guards = [HasResponseFile, ClearanceComplete], Effects = [RecordResponseDate], Description = "the response has been sent" },
            new("close", [Responded], Closed, [manager]) { Guards = [ClosureComplete], Effects = appeal ? [RecordClosure, OpenOverturnedCase] : [RecordClosure], Description = appeal ? "record the commissioner's decision; overturned opens a new case" : "record the outcome" },
        };
        if (steps.Length > 1)
        {
            // Bypassing needs a later step to bypass, so not from the last step's state.
            events.Insert(events.FindIndex(e => e.Name == "request_amends"), new("approve_and_bypass", pending[..^1], AwaitingDispatch, [stepApprover]) { Guards = [MoreClearanceSteps, ReasonGiven], Effects = [ApproveClearanceStep, BypassClearanceSteps], Description = "clear the response and skip the later steps, saying why" });
        }
        if (canExtend)
        {
            events.Add(new("extend", beforeResponse, WorkflowDefinition.Same, [manager]) { Guards = [ExtensionAvailable, ReasonGiven], Effects = [RecordDeadlineEvent], Description = "extend the final deadline (FOI public-interest test, SAR extension)" });
            events.Add(new("remove_extension", beforeResponse, WorkflowDefinition.Same, [manager]) { Guards = [IsExtended], Effects = [RecordDeadlineEvent], Description = "remove the extension" });
        }
        if (canStopClock)
        {
            events.Add(new("stop_clock", beforeResponse, WorkflowDefinition.Same, [manager]) { Guards = [ClockRunning, ReasonGiven], Effects = [RecordDeadlineEvent], Description = "stop the clock (awaiting clarification or identification)" });
            events.Add(new("restart_clock", beforeResponse, WorkflowDefinition.Same, [manager]) { Guards = [WorkflowGuards.ClockStopped], Effects = [RecordDeadlineEvent], Description = "restart the clock; the deadline moves on by the days stopped" });
            events.Add(new("auto_close", beforeResponse, Closed, [Permission.Any(CaseRole.System)]) { Guards = [WorkflowGuards.ClockStopped, ClockStopExpired], Effects = [RecordAutoClosure], Description = "the system closes a case whose clock has been stopped longer than the rule allows" });
        }
        events.Add(new("link_case", all, WorkflowDefinition.Same, [manager, responder, flaggedApprover]) { Guards = [LinkedCaseGiven], Effects = [LinkCases], Description = "link a related case" });
        events.Add(new("add_message", open, WorkflowDefinition.Same, [manager, responder, flaggedApprover]) { Guards = [MessageGiven], Effects = [AddMessage], Description = "write to the people on the case" });
        // Administrators moving a deactivated team's cases act as the system, on the team administration's say.
        events.Add(new("transfer_managing_team", open, WorkflowDefinition.Same, [manager, Permission.Any(CaseRole.System)]) { Guards = [ManagingTeamGiven], Effects = [SetManagingTeam], Description = "hand the case to another manager unit of its business group to triage" });
        events.Add(new("edit", all, WorkflowDefinition.Same, [manager]) { Effects = [UpdateDetails], Description = "correct the case's details" });
        events.Add(new("delete", all, WorkflowDefinition.Same, [manager]) { Guards = [ReasonGiven], Effects = [SoftDelete], Description = "delete the case, saying why" });

        return new WorkflowDefinition(name, types, states, Unassigned, events) { ClearanceSteps = steps, AfterClearance = AwaitingDispatch };
    }
}
