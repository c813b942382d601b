using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Events;

namespace Lnemis.Correspondence;

/// <summary>
/// The case events FireCaseEvent publishes, for the event catalogue. No personal data: the example
/// has the fields every case event carries (EventPublisher refuses a payload whose fields differ).
/// </summary>
internal static class CorrespondenceEventCatalogue
{
    private const string Module = "Correspondence";

    private static object Example(string state, string? clearanceStep, CaseOutcome? outcome) => FireCaseEvent.EventPayload(
        new Case
        {
            Number = "FOI-20261123-0007",
            Subject = "",
            RequesterName = "",
            State = state,
            ScopePath = "",
            Type = CaseType.Foi,
            ManagingTeamId = Guid.Parse("0199a1b2-0000-7000-8000-00000000c001"),
            RespondingTeamId = Guid.Parse("0199a1b2-0000-7000-8000-00000000c002"),
            ResponderId = Guid.Parse("0199a1b2-0000-7000-8000-00000000c003"),
            FinalDeadline = new DateOnly(2026, 12, 21),
            Outcome = outcome,
        },
        state,
        clearanceStep);

    public static IEnumerable<IntegrationEventDefinition> All { get; } =
    [
        new(FireCaseEvent.Assigned, Module, "A case was assigned (or reassigned) to a responding team.", Example(WorkflowDefinitions.Drafting, null, null)),
        new(FireCaseEvent.ReadyForClearance, Module, "A case's draft response reached a clearance step.", Example(WorkflowDefinition.ClearanceState(WorkflowDefinitions.PressOffice), WorkflowDefinitions.PressOffice, null)),
        new(FireCaseEvent.RedraftRequested, Module, "An approver asked for the response to be redrafted.", Example(WorkflowDefinitions.Drafting, null, null)),
        new(FireCaseEvent.Closed, Module, "A case was closed (by hand or automatically).", Example(WorkflowDefinitions.Closed, null, CaseOutcome.Granted)),
    ];
}
