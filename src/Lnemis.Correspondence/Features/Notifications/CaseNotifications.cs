using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Data;
using Lnemis.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Notifications;

/// <summary>The notifications the module asks for, and who they go to.</summary>
internal static class CaseNotificationEvents
{
    public const string CaseAssigned = "correspondence.case_assigned";
    public const string ReadyForClearance = "correspondence.ready_for_clearance";
    public const string RedraftRequested = "correspondence.redraft_requested";
    public const string CaseClosed = "correspondence.case_closed";
    public const string DeadlineApproaching = "correspondence.deadline_approaching";
    public const string DeadlineMissed = "correspondence.deadline_missed";

    public static string Link(Case c) => $"/correspondence/cases/{c.Id}";

    /// <summary>What every request carries: the case's number, type, state and deadline — never the requester.</summary>
    public static Dictionary<string, string> Data(Case c, string state, DateOnly? deadline) => new(StringComparer.Ordinal)
    {
        ["caseNumber"] = c.Number,
        ["caseType"] = c.Type.Code(),
        ["state"] = state,
        ["deadline"] = deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["link"] = Link(c),
    };

    /// <summary>The members of the teams (whatever the acting user may see: recipients are not a read).</summary>
    public static Task<List<Guid>> MembersAsync(LnemisDbContext db, IReadOnlyCollection<Guid> teamIds, CancellationToken ct) =>
        teamIds.Count == 0
            ? Task.FromResult(new List<Guid>())
            : db.TeamMembers().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
                .Where(m => teamIds.Contains(m.TeamId)).Select(m => m.UserId).Distinct().ToListAsync(ct);

    /// <summary>The responder working on the case, else the members of the responding team.</summary>
    public static async Task<List<Guid>> RespondersAsync(LnemisDbContext db, Case c, CancellationToken ct) =>
        c.ResponderId is { } responder ? [responder]
        : c.RespondingTeamId is { } team ? await MembersAsync(db, [team], ct)
        : [];
}

/// <summary>
/// Asks for the workflow's notifications as each history entry is appended, in the same
/// transaction (through the outbox): assignment to the responding team, ready for clearance to
/// the approver units of the step, redraft to the responder, closure to the managing team.
/// </summary>
internal sealed class CaseNotifications(Notifier notifier) : ICaseObserver
{
    public async Task OnAppendedAsync(LnemisDbContext db, Case c, CaseTransition entry, CancellationToken ct)
    {
        var definition = WorkflowDefinitions.For(c.Type);
        (string? name, List<Guid> recipients) = entry switch
        {
            { Event: "assign" or "reassign" } when c.RespondingTeamId is { } team =>
                (CaseNotificationEvents.CaseAssigned, await CaseNotificationEvents.MembersAsync(db, [team], ct)),
            { Event: "assign_responder" } when c.ResponderId is { } person =>
                (CaseNotificationEvents.CaseAssigned, [person]),
            { Event: "request_amends" } =>
                (CaseNotificationEvents.RedraftRequested, await CaseNotificationEvents.RespondersAsync(db, c, ct)),
            _ when entry.FromState != entry.ToState && definition.StepOf(entry.ToState) is { } step =>
                (CaseNotificationEvents.ReadyForClearance, await ApproversAsync(db, c, step, ct)),
            _ when entry.FromState is not null && entry.FromState != entry.ToState && definition.State(entry.ToState)?.Terminal == true =>
                (CaseNotificationEvents.CaseClosed, await CaseNotificationEvents.MembersAsync(db, [c.ManagingTeamId], ct)),
            _ => (null, new List<Guid>()),
        };
        if (name is null || recipients.Count == 0)
        {
            return;
        }

        var data = CaseNotificationEvents.Data(c, entry.ToState, c.FinalDeadline);
        if (definition.StepOf(entry.ToState) is { } clearance && name == CaseNotificationEvents.ReadyForClearance)
        {
            data["clearanceStep"] = clearance;
        }

        notifier.Notify(name, recipients, data, CaseNotificationEvents.Link(c));
    }

    /// <summary>Members of the approver units of the case's business group that clear <paramref name="step"/>.</summary>
    private static async Task<List<Guid>> ApproversAsync(LnemisDbContext db, Case c, string step, CancellationToken ct)
    {
        var units = await db.Teams().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(t => t.Role == CaseRole.Approver && t.ClearanceStep == step && t.ScopePath.StartsWith(c.ScopePath))
            .Select(t => t.Id).ToListAsync(ct);
        return await CaseNotificationEvents.MembersAsync(db, units, ct);
    }
}
