using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using static Lnemis.Correspondence.Domain.Workflow.WorkflowDefinitions;

namespace Lnemis.Correspondence.Tests.Workflow;

public sealed class WorkflowTests
{
    private static CaseSnapshot FoiIn(string state) => new(CaseType.Foi, state) { ActorInRespondingTeam = true };

    private static Decision Decide(CaseSnapshot snapshot, CaseRole role, string name, EventInput? input = null) =>
        Domain.Workflow.Workflow.Decide(WorkflowDefinitions.For(snapshot.Type), snapshot, role, name, input);

    private static readonly IReadOnlySet<string> AllSteps = new HashSet<string> { Disclosure, PressOffice, PrivateOffice };

    [Fact]
    public void Assign_ByManager_MovesToAwaitingResponder_AndSetsTheTeam()
    {
        var decision = Decide(FoiIn(Unassigned), CaseRole.Manager, "assign", new EventInput { Team = "Prisons FOI" });

        Assert.True(decision.Allowed);
        Assert.Equal(AwaitingResponder, decision.To);
        Assert.Equal([WorkflowEffects.SetRespondingTeam, WorkflowEffects.SetNamedResponder], decision.Effects);
    }

    [Fact]
    public void AssignResponder_NeedsAPerson_AndIsForTheManagerOrTheRespondingTeam()
    {
        var drafting = FoiIn(Drafting);
        var missing = Decide(drafting, CaseRole.Manager, "assign_responder", EventInput.None);
        Assert.Equal((Refusal.Guard, WorkflowGuards.ResponderGiven), (missing.Refusal, missing.Guard));
        var named = new EventInput { Responder = "a responder" };
        Assert.True(Decide(drafting, CaseRole.Manager, "assign_responder", named).Allowed);
        Assert.True(Decide(drafting, CaseRole.Responder, "assign_responder", named).Allowed);
        Assert.Equal(Refusal.Guard, Decide(drafting with { ActorInRespondingTeam = false }, CaseRole.Responder, "assign_responder", named).Refusal);
        Assert.Equal(Refusal.Role, Decide(drafting, CaseRole.Approver, "assign_responder", named).Refusal);
        Assert.Equal(Refusal.State, Decide(FoiIn(Unassigned), CaseRole.Manager, "assign_responder", named).Refusal);
    }

    [Fact]
    public void TransferManagingTeam_NeedsAManagerUnit_AndIsNotForClosedCases()
    {
        var missing = Decide(FoiIn(Drafting), CaseRole.Manager, "transfer_managing_team", EventInput.None);
        Assert.Equal((Refusal.Guard, WorkflowGuards.ManagingTeamGiven), (missing.Refusal, missing.Guard));
        var input = new EventInput { ManagingTeam = "Central triage" };
        var decision = Decide(FoiIn(Drafting), CaseRole.System, "transfer_managing_team", input);
        Assert.Equal((true, Drafting), (decision.Allowed, decision.To));
        Assert.Equal([WorkflowEffects.SetManagingTeam], decision.Effects);
        Assert.Equal(Refusal.State, Decide(FoiIn(Closed), CaseRole.Manager, "transfer_managing_team", input).Refusal);
        Assert.Equal(Refusal.Role, Decide(FoiIn(Drafting), CaseRole.Responder, "transfer_managing_team", input).Refusal);
    }

    [Fact]
    public void Refusals_SayWhetherTheEventTheStateTheRoleOrAGuardIsWrong()
    {
        var unknown = Decide(FoiIn(Drafting), CaseRole.Manager, "stop_clock");
        var state = Decide(FoiIn(Drafting), CaseRole.Manager, "assign", new EventInput { Team = "x" });
        var role = Decide(FoiIn(Unassigned), CaseRole.Responder, "assign", new EventInput { Team = "x" });
        var guard = Decide(FoiIn(Unassigned), CaseRole.Manager, "assign");

        Assert.Equal((Refusal.UnknownEvent, "'stop_clock' is not an event of an FOI request"), (unknown.Refusal, unknown.Reason));
        Assert.Equal((Refusal.State, "'assign' cannot be done to a case in state drafting (only from unassigned)"), (state.Refusal, state.Reason));
        Assert.Equal((Refusal.Role, "a responder may not 'assign' (allowed: manager)"), (role.Refusal, role.Reason));
        Assert.Equal((Refusal.Guard, "a responding team must be chosen", WorkflowGuards.TeamGiven), (guard.Refusal, guard.Reason, guard.Guard));
    }

    [Fact]
    public void Reject_NeedsAReason_AndReturnsToUnassigned()
    {
        Assert.Equal("a reason is required", Decide(FoiIn(AwaitingResponder), CaseRole.Responder, "reject", new EventInput { Reason = "  " }).Reason);

        var decision = Decide(FoiIn(AwaitingResponder), CaseRole.Responder, "reject", new EventInput { Reason = "not ours: probation" });
        Assert.Equal(Unassigned, decision.To);
        Assert.Equal([WorkflowEffects.ClearRespondingTeam, WorkflowEffects.AddMessage], decision.Effects);
    }

    [Fact]
    public void Accept_OnlyTheAssignedTeamsResponders()
    {
        var other = FoiIn(AwaitingResponder) with { ActorInRespondingTeam = false };

        var decision = Decide(other, CaseRole.Responder, "accept");

        Assert.False(decision.Allowed);
        Assert.Equal(WorkflowGuards.ActorInRespondingTeam, decision.Guard);
        Assert.Equal("only members of the responding team assigned to the case may do this", decision.Reason);
        Assert.Equal(Drafting, Decide(FoiIn(AwaitingResponder), CaseRole.Responder, "accept").To);
    }

    [Fact]
    public void Clearance_GoesThroughTheFlaggedStepsInOrder_SkippingUnflaggedOnes()
    {
        // Flagged for disclosure and private office (not press office).
        var flagged = FoiIn(Drafting) with { HasResponseFile = true, FlaggedSteps = new HashSet<string> { PrivateOffice, Disclosure }, ActorApprovesSteps = AllSteps };

        var sent = Decide(flagged, CaseRole.Responder, "send_for_clearance");
        var afterDisclosure = Decide(flagged with { State = "pending_disclosure" }, CaseRole.Approver, "approve");
        var afterPrivateOffice = Decide(flagged with { State = "pending_private_office", ApprovedSteps = new HashSet<string> { Disclosure } }, CaseRole.Approver, "approve");

        Assert.Equal("pending_disclosure", sent.To);
        Assert.Equal("pending_private_office", afterDisclosure.To);
        Assert.Equal(AwaitingDispatch, afterPrivateOffice.To);
    }

    [Fact]
    public void SendForClearance_NeedsAResponseFile_AndAFlag()
    {
        Assert.Equal("the case has no response file yet", Decide(FoiIn(Drafting), CaseRole.Responder, "send_for_clearance").Reason);
        Assert.Equal("the case is not flagged for clearance", Decide(FoiIn(Drafting) with { HasResponseFile = true }, CaseRole.Responder, "send_for_clearance").Reason);
    }

    [Fact]
    public void Approve_OnlyByTheCurrentStepsApprovers()
    {
        var atPressOffice = FoiIn("pending_press_office") with { FlaggedSteps = AllSteps, ActorApprovesSteps = new HashSet<string> { Disclosure } };

        var decision = Decide(atPressOffice, CaseRole.Approver, "approve");

        Assert.False(decision.Allowed);
        Assert.Equal("only approvers of the press_office clearance step may do this", decision.Reason);
    }

    [Fact]
    public void ApproveAndBypass_SkipsLaterSteps_ButOnlyWhenThereAreSome()
    {
        var approver = new HashSet<string> { Disclosure };
        var withLater = FoiIn("pending_disclosure") with { FlaggedSteps = AllSteps, ActorApprovesSteps = approver };
        var alone = withLater with { FlaggedSteps = approver };

        var bypass = Decide(withLater, CaseRole.Approver, "approve_and_bypass", new EventInput { Reason = "routine" });
        var nothingToBypass = Decide(alone, CaseRole.Approver, "approve_and_bypass", new EventInput { Reason = "routine" });

        Assert.Equal(AwaitingDispatch, bypass.To);
        Assert.Contains(WorkflowEffects.BypassClearanceSteps, bypass.Effects);
        Assert.Equal("no flagged clearance step follows this one; approve instead", nothingToBypass.Reason);
    }

    [Fact]
    public void RequestAmends_NeedsAReason_AndGoesBackToDrafting()
    {
        var atDisclosure = FoiIn("pending_disclosure") with { FlaggedSteps = AllSteps, ActorApprovesSteps = AllSteps };

        Assert.Equal("a reason is required", Decide(atDisclosure, CaseRole.Approver, "request_amends").Reason);
        Assert.Equal(Drafting, Decide(atDisclosure, CaseRole.Approver, "request_amends", new EventInput { Reason = "s40 redactions missing" }).To);
    }

    [Fact]
    public void AcceptApproval_OnceOnly()
    {
        var atDisclosure = FoiIn("pending_disclosure") with { FlaggedSteps = AllSteps, ActorApprovesSteps = AllSteps };

        Assert.True(Decide(atDisclosure, CaseRole.Approver, "accept_approval").Allowed);
        Assert.Equal("the approval of this step has already been taken on",
            Decide(atDisclosure with { AcceptedSteps = new HashSet<string> { Disclosure } }, CaseRole.Approver, "accept_approval").Reason);
    }

    [Fact]
    public void MarkResponded_FromDrafting_OnlyWhenClearanceIsNotOutstanding()
    {
        var unflagged = FoiIn(Drafting) with { HasResponseFile = true };
        var flagged = unflagged with { FlaggedSteps = new HashSet<string> { Disclosure } };

        Assert.Equal(Responded, Decide(unflagged, CaseRole.Responder, "mark_responded").To);
        Assert.Equal("the case is flagged for clearance and the disclosure step has not approved it; send it for clearance",
            Decide(flagged, CaseRole.Responder, "mark_responded").Reason);
    }

    [Fact]
    public void UploadResponseAndApprove_NeedsAFile()
    {
        var atDisclosure = FoiIn("pending_disclosure") with { FlaggedSteps = new HashSet<string> { Disclosure }, ActorApprovesSteps = AllSteps };

        Assert.Equal("a response file is required", Decide(atDisclosure, CaseRole.Approver, "upload_response_and_approve").Reason);
        var decision = Decide(atDisclosure, CaseRole.Approver, "upload_response_and_approve", new EventInput { HasFile = true });
        Assert.Equal(AwaitingDispatch, decision.To);
        Assert.Equal([WorkflowEffects.AttachResponse, WorkflowEffects.ApproveClearanceStep], decision.Effects);
    }

    [Fact]
    public void FlagForClearance_OnlyWithThisCaseTypesSteps()
    {
        var sar = new CaseSnapshot(CaseType.Sar, Drafting);

        var decision = Decide(sar, CaseRole.Manager, "flag_for_clearance", new EventInput { ClearanceSteps = [PressOffice] });

        Assert.Equal("'press_office' is not a clearance step of a SAR (steps: disclosure)", decision.Reason);
        Assert.True(Decide(sar, CaseRole.Manager, "flag_for_clearance", new EventInput { ClearanceSteps = [Disclosure] }).Allowed);
    }

    [Fact]
    public void Unflag_ByAnApproverOfAFlaggedStep()
    {
        var flagged = FoiIn(Drafting) with { FlaggedSteps = new HashSet<string> { PressOffice } };

        Assert.Equal("only approvers of a clearance step flagged on this case may do this",
            Decide(flagged with { ActorApprovesSteps = new HashSet<string> { Disclosure } }, CaseRole.Approver, "unflag").Reason);
        Assert.True(Decide(flagged with { ActorApprovesSteps = new HashSet<string> { PressOffice } }, CaseRole.Approver, "unflag").Allowed);
    }

    [Theory]
    [InlineData(false, null, null, null, null, "the closure details are required")]
    [InlineData(false, "Yes", null, null, null, "the outcome (granted, refused in part, refused) is required")]
    [InlineData(false, null, "Granted", null, null, "say whether the information is held (yes, no, in part)")]
    [InlineData(false, "InPart", "RefusedInPart", null, null, "a refusal needs its exemptions or reasons")]
    [InlineData(false, "InPart", "RefusedInPart", "s40", null, null)]
    [InlineData(true, "Yes", "Granted", null, null, "the case was late: name the team responsible")]
    [InlineData(true, "Yes", "Granted", null, "Prisons FOI", null)]
    public void Close_NeedsCompleteClosureDetails(bool late, string? held, string? outcome, string? exemption, string? lateTeam, string? refusal)
    {
        var responded = new CaseSnapshot(CaseType.Foi, Responded) { IsLate = late };
        var closure = held is null && outcome is null && !late
            ? null
            : new Closure
            {
                InformationHeld = held is null ? null : Enum.Parse<InformationHeld>(held),
                Outcome = outcome is null ? null : Enum.Parse<CaseOutcome>(outcome),
                Exemptions = exemption is null ? [] : [exemption],
                LateTeam = lateTeam,
            };

        var decision = Decide(responded, CaseRole.Manager, "close", new EventInput { Closure = closure });

        Assert.Equal(refusal ?? "", decision.Reason);
        Assert.Equal(refusal is null, decision.Allowed);
    }

    [Fact]
    public void IcoAppeal_ClosesWithTheCommissionersDecision_AndOverturnedOpensANewCase()
    {
        var appeal = new CaseSnapshot(CaseType.IcoAppealSar, Responded);

        Assert.Equal("the Information Commissioner's decision (upheld, upheld in part, overturned) is required",
            Decide(appeal, CaseRole.Manager, "close", new EventInput { Closure = new Closure { Outcome = CaseOutcome.Granted } }).Reason);
        var decision = Decide(appeal, CaseRole.Manager, "close", new EventInput { Closure = new Closure { AppealOutcome = AppealOutcome.Overturned } });
        Assert.Equal(Closed, decision.To);
        Assert.Contains(WorkflowEffects.OpenOverturnedCase, decision.Effects);
    }

    [Fact]
    public void Sar_ClockStopAndRestart_FollowTheClock()
    {
        var running = new CaseSnapshot(CaseType.Sar, Drafting);
        var stopped = running with { ClockStopped = true };
        var why = new EventInput { Reason = "awaiting ID" };

        Assert.True(Decide(running, CaseRole.Manager, "stop_clock", why).Allowed);
        Assert.Equal("the clock is stopped", Decide(stopped, CaseRole.Manager, "stop_clock", why).Reason);
        Assert.Equal("the clock is not stopped", Decide(running, CaseRole.Manager, "restart_clock").Reason);
        Assert.Equal([WorkflowEffects.RecordDeadlineEvent], Decide(stopped, CaseRole.Manager, "restart_clock").Effects);
    }

    [Fact]
    public void Sar_Extend_FollowsTheDeadlineRule()
    {
        // The snapshot's CanExtend comes from the deadline history: a second SAR extension is refused there and here.
        var rule = DeadlineRules.Default.Get(CaseType.Sar, DeadlineKind.Final, new DateOnly(2026, 3, 19));
        var extended = DeadlineHistory.Replay(rule, new DateOnly(2026, 3, 19), [new ExtensionGranted(new DateOnly(2026, 3, 20), 2, "complex")]);
        var snapshot = new CaseSnapshot(CaseType.Sar, Drafting) { CanExtend = extended.CanExtend, IsExtended = extended.Extensions.Count > 0 };

        Assert.Equal("the deadline cannot be extended further", Decide(snapshot, CaseRole.Manager, "extend", new EventInput { Reason = "again" }).Reason);
        Assert.True(Decide(snapshot, CaseRole.Manager, "remove_extension").Allowed);
    }

    [Fact]
    public void AllowedEvents_ListsWhatTheRoleMayDoNow_IgnoringGuardsOnInput()
    {
        // A responding-team member on a drafting FOI with a response, not flagged: the input
        // guards (file, reason, message) are checked when the form is sent, not here.
        var drafting = FoiIn(Drafting) with { HasResponseFile = true };

        Assert.Equal(["assign_responder", "upload_response", "mark_responded", "link_case", "add_message"], Domain.Workflow.Workflow.AllowedEvents(Foi, drafting, CaseRole.Responder));
        Assert.Equal(
            ["reassign", "assign_responder", "flag_for_clearance", "link_case", "add_message", "transfer_managing_team", "edit", "delete"],
            Domain.Workflow.Workflow.AllowedEvents(Foi, drafting, CaseRole.Manager));
        Assert.Equal(["link_case", "edit", "delete"], Domain.Workflow.Workflow.AllowedEvents(Foi, drafting with { State = Closed }, CaseRole.Manager));
        Assert.Empty(Domain.Workflow.Workflow.AllowedEvents(Foi, drafting with { ActorInRespondingTeam = false, State = Responded }, CaseRole.Responder));
    }

    [Fact]
    public void Decide_WithTheWrongDefinitionOrAnUnknownState_Throws()
    {
        Assert.Throws<ArgumentException>(() => Domain.Workflow.Workflow.Decide(Sar, FoiIn(Drafting), CaseRole.Manager, "edit"));
        Assert.Throws<ArgumentException>(() => Domain.Workflow.Workflow.Decide(Foi, FoiIn("pending_legal"), CaseRole.Manager, "edit"));
    }

    [Fact]
    public void EveryCaseType_HasExactlyOneDefinition()
    {
        foreach (var type in CaseTypes.All)
        {
            Assert.Single(WorkflowDefinitions.All, d => d.CaseTypes.Contains(type));
        }
        Assert.Same(WorkflowDefinitions.Overturned, WorkflowDefinitions.For(CaseType.OverturnedSar));
        Assert.Same(WorkflowDefinitions.Overturned, WorkflowDefinitions.For(CaseType.OverturnedFoi));
    }
}
