using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>A role the caller plays on a case, and the team they play it from.</summary>
internal sealed record CaseRoleHeld(CaseRole Role, Guid TeamId);

/// <summary>
/// Who the caller is on a case: the roles their team memberships give them there (manager of the
/// managing team; responder or approver in a unit of the case's business group), each only where
/// a grant gives the matching permission.
/// </summary>
internal sealed record CaseCaller(IReadOnlyList<CaseRoleHeld> Roles, bool InRespondingTeam, IReadOnlySet<string> ApprovesSteps)
{
    /// <summary>The platform acting on its own (scheduled tasks): the system role, on behalf of the managing team.</summary>
    public static CaseCaller System(Case c) => new([new CaseRoleHeld(CaseRole.System, c.ManagingTeamId)], false, new HashSet<string>());

    public static async Task<CaseCaller> ForAsync(LnemisDbContext db, CurrentActor actor, Case c, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return new CaseCaller([], false, new HashSet<string>());
        }

        // The caller's own memberships, whatever the request's scope filter: they decide roles, not visibility.
        var teams = await db.TeamMembers().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Where(m => m.DeactivatedAt == null)
            .Join(db.Teams().IgnoreQueryFilters().Where(t => t.DeletedAt == null), m => m.TeamId, t => t.Id,
                (m, t) => new { m.Role, t.Id, t.ScopePath, t.ClearanceStep })
            .ToListAsync(ct);
        var inGroup = teams.Where(t => t.ScopePath.StartsWith(c.ScopePath, StringComparison.Ordinal)).ToList();
        var roles = new List<CaseRoleHeld>();
        bool May(CaseRole role) => actor.Access.Covers(CorrespondencePermissions.For(role), c.ScopePath);

        if (May(CaseRole.Manager) && inGroup.FirstOrDefault(t => t.Role == CaseRole.Manager && t.Id == c.ManagingTeamId) is { } manager)
        {
            roles.Add(new CaseRoleHeld(CaseRole.Manager, manager.Id));
        }

        var responders = May(CaseRole.Responder) ? inGroup.Where(t => t.Role == CaseRole.Responder).ToList() : [];
        var inResponding = responders.Any(t => t.Id == c.RespondingTeamId);
        if (responders.Count > 0)
        {
            roles.Add(new CaseRoleHeld(CaseRole.Responder, inResponding ? c.RespondingTeamId!.Value : responders[0].Id));
        }

        var approvers = May(CaseRole.Approver) ? inGroup.Where(t => t.Role == CaseRole.Approver && t.ClearanceStep is not null).ToList() : [];
        if (approvers.Count > 0)
        {
            var current = WorkflowDefinitions.For(c.Type).StepOf(c.State);
            roles.Add(new CaseRoleHeld(CaseRole.Approver, (approvers.FirstOrDefault(t => t.ClearanceStep == current) ?? approvers[0]).Id));
        }

        return new CaseCaller(roles, inResponding, approvers.Select(t => t.ClearanceStep!).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// What the case's history says now: its deadline facts replayed under the rule, the deadlines
/// derived from them, and the workflow snapshot for a caller.
/// </summary>
internal sealed class CaseFacts
{
    private CaseFacts(Case c, IReadOnlyList<CaseTransition> history, IReadOnlyList<DeadlineEvent> deadlineEvents, DeadlineHistory? replay, IReadOnlyList<Deadline> deadlines, DateOnly today)
    {
        Case = c;
        History = history;
        DeadlineEvents = deadlineEvents;
        Replay = replay;
        Deadlines = deadlines;
        Today = today;
    }

    public Case Case { get; }
    public IReadOnlyList<CaseTransition> History { get; }
    public IReadOnlyList<DeadlineEvent> DeadlineEvents { get; }
    public DeadlineHistory? Replay { get; }
    public IReadOnlyList<Deadline> Deadlines { get; }
    public DateOnly Today { get; }

    public DateOnly? FinalDeadline => Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Final)?.Date;

    public bool IsLate => FinalDeadline is { } final && (Case.RespondedOn ?? Today) > final;

    public static async Task<CaseFacts> LoadAsync(LnemisDbContext db, Case c, CaseClock clock, DateOnly today, CancellationToken ct)
    {
        var history = await db.CaseTransitions().AsNoTracking().Where(t => t.CaseId == c.Id).OrderBy(t => t.Sequence).ToListAsync(ct);
        return From(c, history, clock, today);
    }

    public static CaseFacts From(Case c, IReadOnlyList<CaseTransition> history, CaseClock clock, DateOnly today)
    {
        var events = history.Where(t => t.DeadlineChange is not null).Select(t => t.DeadlineChange!.ToEvent()).ToList();
        var rule = clock.Rules.Find(c.Type, DeadlineKind.Final, c.ReceivedOn);
        var replay = rule is null ? null : DeadlineHistory.Replay(rule, c.ReceivedOn, events);
        return new CaseFacts(c, history, events, replay, clock.Deadlines(c.Type, c.ReceivedOn, events), today);
    }

    public CaseSnapshot Snapshot(CaseCaller caller) => new(Case.Type, Case.State)
    {
        HasResponseFile = Case.ResponseFileName is not null,
        FlaggedSteps = Case.FlaggedSteps.ToHashSet(StringComparer.Ordinal),
        ApprovedSteps = Case.ApprovedSteps.ToHashSet(StringComparer.Ordinal),
        AcceptedSteps = Case.AcceptedSteps.ToHashSet(StringComparer.Ordinal),
        ClockStopped = Replay?.CurrentStop is not null,
        ClockStopExpired = Replay?.Rule.ClockCanStop == true && ClockStop.AutoCloseDue(DeadlineEvents, Today),
        IsExtended = Replay?.Extensions.Count > 0,
        CanExtend = Replay?.CanExtend == true,
        IsLate = IsLate,
        ActorInRespondingTeam = caller.InRespondingTeam,
        ActorApprovesSteps = caller.ApprovesSteps,
    };
}

/// <summary>The deadline rules and the holiday calendars the module counts with (per request: the calendars as the database has them now).</summary>
internal sealed class CaseClock(DeadlineRuleSet rules, HolidayCalendars calendars)
{
    public DeadlineRuleSet Rules { get; } = rules;
    public HolidayCalendars Calendars { get; } = calendars;

    /// <summary>Every deadline with a rule in force; the final one left out while it cannot be known (an ICO appeal without its date).</summary>
    public IReadOnlyList<Deadline> Deadlines(CaseType type, DateOnly receivedOn, IReadOnlyList<DeadlineEvent> events)
    {
        var list = new List<Deadline>();
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            if (Rules.Find(type, kind, receivedOn) is not { } rule)
            {
                continue;
            }

            if (!Known(rule, events))
            {
                continue;
            }

            list.Add(DeadlineCalculator.Compute(rule, receivedOn, Calendars, events));
        }

        return list;
    }

    /// <summary>The final deadline alone (what <see cref="Deadlines"/> gives as the final one), for the generator's million cases.</summary>
    public DateOnly? FinalDeadline(CaseType type, DateOnly receivedOn, IReadOnlyList<DeadlineEvent> events) =>
        Rules.Find(type, DeadlineKind.Final, receivedOn) is { } rule && Known(rule, events)
            ? DeadlineCalculator.Compute(rule, receivedOn, Calendars, events).Date
            : null;

    /// <summary>A set-date rule (an ICO appeal) gives no deadline until the date is set.</summary>
    private static bool Known(DeadlineRule rule, IReadOnlyList<DeadlineEvent> events) =>
        rule.Unit != DeadlineUnit.SetDate || events.OfType<DeadlineDateSet>().Any();
}
