using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Hands a manager unit's open cases to another manager unit of the same business group, through
/// the workflow's <c>transfer_managing_team</c> event fired as the system on the administrator's
/// say: one transaction per case, each with its history entry (from and to) and row audit. A case
/// that changed meanwhile is left for the next run; what has moved stays moved, so running it
/// again is safe and carries on with the rest.
/// </summary>
internal static class ManagedCaseTransfer
{
    public const string EventName = "transfer_managing_team";

    /// <summary>Why <paramref name="targetId"/> cannot take <paramref name="team"/>'s cases, or null when it can.</summary>
    public static async Task<IResult?> TargetProblemAsync(LnemisDbContext db, Team team, Guid targetId, CancellationToken ct)
    {
        if (team.Role != CaseRole.Manager)
        {
            return Problems.Field("moveManagedCasesTo", $"{team.Name} is not a manager unit: it manages no cases to move.");
        }

        var target = await db.Teams().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, ct);
        return target is null || target.Id == team.Id || target.Role != CaseRole.Manager || Team.GroupPathOf(target.ScopePath) != Team.GroupPathOf(team.ScopePath)
            ? Problems.Field("moveManagedCasesTo", "Choose another manager unit of the same business group.")
            : target.DeactivatedAt is not null
                ? Problems.Field("moveManagedCasesTo", $"{target.Name} is deactivated; choose an active manager unit.")
                : null;
    }

    /// <summary>Moves up to <see cref="ReassignOpenCases.MaxCases"/> open cases; returns how many moved.</summary>
    public static async Task<int> MoveAsync(
        LnemisDbContext db, Guid fromTeamId, Guid toTeamId, string reason, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var open = await TeamAdministration.OpenCases(db).Where(c => c.ManagingTeamId == fromTeamId)
            .OrderBy(c => c.Number).Select(c => new { c.Id, c.Version }).Take(ReassignOpenCases.MaxCases).ToListAsync(ct);
        var moved = 0;
        foreach (var c in open)
        {
            db.ChangeTracker.Clear();
            var request = FireCaseEvent.Request.WithReason(c.Version, reason) with { ManagingTeamId = toTeamId };
            try
            {
                var fired = await FireCaseEvent.FireAsync(c.Id, EventName, request, asSystem: true, db, actor, caseClock, events, observers, clock, ct);
                moved += fired.Problem is null ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                // Changed between our read and our save: it is still managed by the team and the next run takes it.
            }
        }

        db.ChangeTracker.Clear();
        return moved;
    }
}
