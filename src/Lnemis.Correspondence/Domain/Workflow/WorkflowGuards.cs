namespace Lnemis.Correspondence.Domain.Workflow;

public sealed record GuardContext(WorkflowDefinition Definition, CaseSnapshot Case, EventInput Input);

/// <summary>
/// A named predicate a definition can refer to. <see cref="Check"/> returns null when the guard
/// holds, else why it does not. Guards on the event's input are skipped when listing the events
/// a user may fire (the input is not known before the user fills the form in).
/// </summary>
public sealed record WorkflowGuard(string Name, string Description, bool OnInput, Func<GuardContext, string?> Check);

/// <summary>The guards workflow definitions may name. A name not listed here is a definition error.</summary>
public static class WorkflowGuards
{
    public const string ReasonGiven = "reason_given";
    public const string MessageGiven = "message_given";
    public const string FileGiven = "file_given";
    public const string TeamGiven = "team_given";
    public const string StepsGiven = "steps_given";
    public const string ResponderGiven = "responder_given";
    public const string ManagingTeamGiven = "managing_team_given";
    public const string LinkedCaseGiven = "linked_case_given";
    public const string ClosureComplete = "closure_complete";
    public const string ActorInRespondingTeam = "actor_in_responding_team";
    public const string ActorApprovesCurrentStep = "actor_approves_current_step";
    public const string ActorApprovesAFlaggedStep = "actor_approves_a_flagged_step";
    public const string HasResponseFile = "has_response_file";
    public const string FlaggedForClearance = "flagged_for_clearance";
    public const string ClearanceComplete = "clearance_complete";
    public const string MoreClearanceSteps = "more_clearance_steps";
    public const string StepNotAccepted = "step_not_accepted";
    public const string ClockRunning = "clock_running";
    public const string ClockStopped = "clock_stopped";
    public const string ClockStopExpired = "clock_stop_expired";
    public const string ExtensionAvailable = "extension_available";
    public const string IsExtended = "is_extended";

    private static WorkflowGuard Case(string name, string description, string refusal, Func<GuardContext, bool> holds) =>
        new(name, description, false, c => holds(c) ? null : refusal);

    private static WorkflowGuard Input(string name, string description, string refusal, Func<GuardContext, bool> holds) =>
        new(name, description, true, c => holds(c) ? null : refusal);

    private static string? CurrentStep(GuardContext c) => c.Definition.StepOf(c.Case.State);

    private static IEnumerable<string> Outstanding(GuardContext c) =>
        c.Definition.ClearanceSteps.Where(s => c.Case.FlaggedSteps.Contains(s) && !c.Case.ApprovedSteps.Contains(s));

    public static IReadOnlyDictionary<string, WorkflowGuard> All { get; } = new WorkflowGuard[]
    {
        Input(ReasonGiven, "a reason is given", "a reason is required", c => !string.IsNullOrWhiteSpace(c.Input.Reason)),
        Input(MessageGiven, "the message is not empty", "the message is empty", c => !string.IsNullOrWhiteSpace(c.Input.Reason)),
        Input(FileGiven, "a response file is uploaded", "a response file is required", c => c.Input.HasFile),
        Input(TeamGiven, "a responding team is chosen", "a responding team must be chosen", c => !string.IsNullOrWhiteSpace(c.Input.Team)),
        Input(ResponderGiven, "a responder is chosen", "a responder must be chosen", c => !string.IsNullOrWhiteSpace(c.Input.Responder)),
        Input(ManagingTeamGiven, "a manager unit is chosen", "a manager unit must be chosen", c => !string.IsNullOrWhiteSpace(c.Input.ManagingTeam)),
        new(StepsGiven, "clearance steps of this case type are chosen", true, c =>
            c.Input.ClearanceSteps.Count == 0 ? "choose at least one clearance step"
            : c.Input.ClearanceSteps.FirstOrDefault(s => !c.Definition.ClearanceSteps.Contains(s)) is { } unknown
                ? $"'{unknown}' is not a clearance step of {c.Case.Type.Noun()} (steps: {string.Join(", ", c.Definition.ClearanceSteps)})"
                : null),
        Input(LinkedCaseGiven, "the case to link is named", "the case to link must be given", c => !string.IsNullOrWhiteSpace(c.Input.LinkedCase)),
        new(ClosureComplete, "the closure details are complete (outcome, information held, exemptions when refused, the late team when late)", true, CheckClosure),
        Case(ActorInRespondingTeam, "the actor is in the responding team assigned to the case", "only members of the responding team assigned to the case may do this", c => c.Case.ActorInRespondingTeam),
        new(ActorApprovesCurrentStep, "the actor approves the clearance step the case is at", false, c =>
            CurrentStep(c) is { } step && c.Case.ActorApprovesSteps.Contains(step) ? null
            : $"only approvers of the {CurrentStep(c) ?? "current"} clearance step may do this"),
        Case(ActorApprovesAFlaggedStep, "the actor approves a clearance step flagged on the case", "only approvers of a clearance step flagged on this case may do this",
            c => c.Case.FlaggedSteps.Overlaps(c.Case.ActorApprovesSteps)),
        Case(HasResponseFile, "the case has a response file", "the case has no response file yet", c => c.Case.HasResponseFile),
        Case(FlaggedForClearance, "the case is flagged for clearance", "the case is not flagged for clearance", c => c.Case.FlaggedSteps.Count > 0),
        new(ClearanceComplete, "every flagged clearance step is approved", false, c =>
            Outstanding(c).FirstOrDefault() is { } step ? $"the case is flagged for clearance and the {step} step has not approved it; send it for clearance" : null),
        Case(MoreClearanceSteps, "flagged clearance steps follow the current one", "no flagged clearance step follows this one; approve instead",
            c => CurrentStep(c) is { } step && c.Definition.ClearanceSteps.SkipWhile(s => s != step).Skip(1).Any(s => c.Case.FlaggedSteps.Contains(s) && !c.Case.ApprovedSteps.Contains(s))),
        Case(StepNotAccepted, "nobody has taken on the current step's approval", "the approval of this step has already been taken on",
            c => CurrentStep(c) is not { } step || !c.Case.AcceptedSteps.Contains(step)),
        Case(ClockRunning, "the clock is running", "the clock is stopped", c => !c.Case.ClockStopped),
        Case(ClockStopped, "the clock is stopped", "the clock is not stopped", c => c.Case.ClockStopped),
        Case(ClockStopExpired, "the clock has been stopped longer than the rule allows (90 days)", "the clock has not been stopped long enough to close the case", c => c.Case.ClockStopExpired),
        Case(ExtensionAvailable, "the deadline rule allows another extension", "the deadline cannot be extended further", c => c.Case.CanExtend),
        Case(IsExtended, "an extension is in force", "the case has no extension to remove", c => c.Case.IsExtended),
    }.ToDictionary(g => g.Name, StringComparer.Ordinal);

    private static string? CheckClosure(GuardContext c)
    {
        if (c.Input.Closure is not { } closure)
        {
            return "the closure details are required";
        }
        var appeal = c.Case.Type is CaseType.IcoAppealFoi or CaseType.IcoAppealSar;
        if (appeal)
        {
            if (closure.AppealOutcome is null)
            {
                return "the Information Commissioner's decision (upheld, upheld in part, overturned) is required";
            }
        }
        else
        {
            if (closure.InformationHeld is null)
            {
                return "say whether the information is held (yes, no, in part)";
            }
            if (closure.Outcome is null)
            {
                return "the outcome (granted, refused in part, refused) is required";
            }
            if (closure.Outcome is CaseOutcome.Refused or CaseOutcome.RefusedInPart && closure.Exemptions.Count == 0)
            {
                return "a refusal needs its exemptions or reasons";
            }
        }
        return c.Case.IsLate && string.IsNullOrWhiteSpace(closure.LateTeam)
            ? "the case was late: name the team responsible"
            : null;
    }
}

/// <summary>
/// The effects definitions may name. The workflow only names them; the case commands carry them
/// out, in the same transaction as the history entry every event appends.
/// </summary>
public static class WorkflowEffects
{
    public const string SetRespondingTeam = "set_responding_team";
    public const string ClearRespondingTeam = "clear_responding_team";
    public const string SetResponder = "set_responder";
    public const string SetNamedResponder = "set_named_responder";
    public const string SetManagingTeam = "set_managing_team";
    public const string AddClearanceSteps = "add_clearance_steps";
    public const string RemoveClearanceStep = "remove_clearance_step";
    public const string AcceptClearanceStep = "accept_clearance_step";
    public const string ApproveClearanceStep = "approve_clearance_step";
    public const string BypassClearanceSteps = "bypass_clearance_steps";
    public const string ResetClearanceApprovals = "reset_clearance_approvals";
    public const string AttachResponse = "attach_response";
    public const string RecordResponseDate = "record_response_date";
    public const string RecordDeadlineEvent = "record_deadline_event";
    public const string RecordClosure = "record_closure";
    public const string RecordAutoClosure = "record_auto_closure";
    public const string OpenOverturnedCase = "open_overturned_case";
    public const string LinkCases = "link_cases";
    public const string AddMessage = "add_message";
    public const string UpdateDetails = "update_details";
    public const string SoftDelete = "soft_delete";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SetRespondingTeam] = "the chosen team becomes the responding team",
        [ClearRespondingTeam] = "the case has no responding team any more",
        [SetResponder] = "the accepting user becomes the case's responder",
        [SetNamedResponder] = "the chosen user (an active responder of the responding team) becomes the case's responder; without one, the case has none until accepted",
        [SetManagingTeam] = "the chosen manager unit of the case's business group becomes the managing team; the history keeps the one before",
        [AddClearanceSteps] = "the chosen clearance steps are flagged",
        [RemoveClearanceStep] = "the actor's clearance step is unflagged",
        [AcceptClearanceStep] = "the actor takes on the current step's approval",
        [ApproveClearanceStep] = "the current clearance step is approved",
        [BypassClearanceSteps] = "the remaining clearance steps are skipped, with the reason",
        [ResetClearanceApprovals] = "approvals so far are cleared: the next draft is cleared again",
        [AttachResponse] = "the uploaded file becomes the case's response",
        [RecordResponseDate] = "the response date is recorded (in time when on or before the final deadline)",
        [RecordDeadlineEvent] = "the deadline event (extension, its removal, clock stop or restart) is appended and the deadlines recomputed",
        [RecordClosure] = "the closure details are recorded",
        [RecordAutoClosure] = "the case is closed without an outcome, the history saying the clock was stopped too long",
        [OpenOverturnedCase] = "an overturned decision opens a new case with its own clock",
        [LinkCases] = "the two cases are linked both ways",
        [AddMessage] = "the message is added to the case",
        [UpdateDetails] = "the case details are changed (deadlines recomputed if the received date changed)",
        [SoftDelete] = "the case is hidden, with the reason; its history stays",
    };
}
