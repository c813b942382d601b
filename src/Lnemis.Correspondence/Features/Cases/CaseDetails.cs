using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>Builds the case page's view: deadlines with their explanations, the history, and the events each of the caller's roles may fire.</summary>
internal static class CaseDetails
{
    public static async Task<CaseDetail> BuildAsync(LnemisDbContext db, CurrentActor actor, Case c, CaseClock caseClock, TimeProvider clock, CancellationToken ct)
    {
        var facts = await CaseFacts.LoadAsync(db, c, caseClock, Today(clock), ct);
        var caller = await CaseCaller.ForAsync(db, actor, c, ct);
        return Build(facts, caller);
    }

    public static CaseDetail Build(CaseFacts facts, CaseCaller caller)
    {
        var c = facts.Case;
        var definition = WorkflowDefinitions.For(c.Type);
        var snapshot = facts.Snapshot(caller);
        var allowed = caller.Roles.ToDictionary(
            r => Workflow.Name(r.Role),
            r => c.DeletedAt is null ? Workflow.AllowedEvents(definition, snapshot, r.Role) : (IReadOnlyList<string>)[]);
        var closure = c.ClosedOn is null ? null : new ClosureView(c.InformationHeld, c.Outcome, c.AppealOutcome, c.Exemptions, c.LateTeam, c.ClosedOn);
        return new CaseDetail(
            c.Id, c.Number, c.Type.Code(), c.Type.Title(), c.Subject, c.RequesterName, c.RequesterEmail, c.ReceivedOn, c.State,
            c.ManagingTeamId, c.RespondingTeamId, c.ResponderId, c.FlaggedSteps, c.ApprovedSteps, c.ResponseFileName, c.RespondedOn,
            facts.FinalDeadline, facts.IsLate, snapshot.ClockStopped, snapshot.IsExtended, closure,
            facts.Deadlines.Select(DeadlineView.From).ToList(),
            facts.History.Select(TransitionView.From).ToList(),
            caller.Roles.Select(r => r.Role).ToList(),
            allowed,
            c.Version)
        {
            ResponseFileId = c.ResponseFileId,
        };
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
