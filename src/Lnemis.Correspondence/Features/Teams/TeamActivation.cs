using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Deactivates or reactivates a team. A deactivated team keeps its history and members but is not
/// offered for assignment and takes no new members. A team is deactivated only when nothing open
/// hangs on it: no open case it manages or answers, no active team below it (409 saying how many).
/// A team comes back only under an active parent. A stale version gets 409.
/// Instead of only refusing, deactivation can first move the open cases the team manages to
/// another manager unit of the business group (<c>moveManagedCasesTo</c>): each case goes through
/// the workflow's <c>transfer_managing_team</c> event (as the system, on the administrator's say,
/// one transaction per case, its history saying from and to), at most
/// <see cref="ReassignOpenCases.MaxCases"/> per request. What is moved stays moved, so a retry or a
/// second run carries on with the rest; the team is deactivated once nothing open hangs on it.
/// </summary>
public static class TeamActivation
{
    public sealed record Request(long Version)
    {
        /// <summary>An active manager unit of the same business group to hand the team's open cases to before deactivating.</summary>
        public Guid? MoveManagedCasesTo { get; init; }

        /// <summary>Why, for each moved case's history (defaults to saying the team is being deactivated).</summary>
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Version).GreaterThan(0);
            RuleFor(r => r.Reason).MaximumLength(1000);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/teams/{id:guid}/deactivate", DeactivateAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");
        api.MapPost("/teams/{id:guid}/reactivate", ReactivateAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");
    }

    internal static async Task<IResult> DeactivateAsync(
        Guid id, Request request, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var (team, problem) = await TeamAdministration.FindManagedAsync(db, actor, id, ct);
        if (team is null)
        {
            return problem!;
        }

        var moved = 0;
        if (team.DeactivatedAt is null && request.MoveManagedCasesTo is { } targetId)
        {
            if (await ManagedCaseTransfer.TargetProblemAsync(db, team, targetId, ct) is { } refused)
            {
                return refused;
            }

            var reason = string.IsNullOrWhiteSpace(request.Reason) ? $"{team.Name} is being deactivated" : request.Reason.Trim();
            moved = await ManagedCaseTransfer.MoveAsync(db, team.Id, targetId, reason, actor, caseClock, events, observers, clock, ct);
            (team, problem) = await TeamAdministration.FindManagedAsync(db, actor, id, ct);
            if (team is null)
            {
                return problem!;
            }
        }

        if (team.DeactivatedAt is null)
        {
            var (managed, answered) = await TeamAdministration.OpenCasesAsync(db, [team.Id], ct);
            var children = await db.Teams().IgnoreQueryFilters().CountAsync(t => t.ParentId == team.Id && t.DeletedAt == null && t.DeactivatedAt == null, ct);
            if (managed + answered + children > 0)
            {
                var reasons = new List<string>();
                if (managed > 0)
                {
                    reasons.Add(moved > 0
                        ? $"{TeamAdministration.Cases(moved)} moved, it still manages {TeamAdministration.Cases(managed)} (run it again to move the rest)"
                        : $"it manages {TeamAdministration.Cases(managed)} (move them to another manager unit)");
                }

                if (answered > 0)
                {
                    reasons.Add($"it answers {TeamAdministration.Cases(answered)} (reassign them to another unit first)");
                }

                if (children > 0)
                {
                    reasons.Add(children == 1 ? "1 team below it is still active" : $"{children} teams below it are still active");
                }

                return TeamAdministration.Refused(
                    $"{team.Name} cannot be deactivated: {string.Join("; ", reasons)}.",
                    new Dictionary<string, object?> { ["openCasesManaged"] = managed, ["openCasesAnswered"] = answered, ["activeChildTeams"] = children, ["casesMoved"] = moved });
            }

            db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
            team.DeactivatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(TeamView.From(team));
    }

    internal static async Task<IResult> ReactivateAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var (team, problem) = await TeamAdministration.FindManagedAsync(db, actor, id, ct);
        if (team is null)
        {
            return problem!;
        }

        if (team.DeactivatedAt is not null)
        {
            if (team.ParentId is { } parentId && await db.Teams().IgnoreQueryFilters().AnyAsync(t => t.Id == parentId && t.DeactivatedAt != null, ct))
            {
                return TeamAdministration.Refused($"The team above {team.Name} is deactivated; reactivate it first.", new Dictionary<string, object?>());
            }

            db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
            team.DeactivatedAt = null;
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(TeamView.From(team));
    }
}

/// <summary>
/// Deactivates or reactivates one user's membership of a team. While deactivated the user plays no
/// role on the team's cases (their history stays); their open cases are moved with the bulk reassignment.
/// </summary>
public static class TeamMemberActivation
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/teams/{id:guid}/members/{userId:guid}/deactivate", (Guid id, Guid userId, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
            SetAsync(id, userId, clock.GetUtcNow(), db, actor, ct)).RequirePermission(CorrespondencePermissions.TeamsManage).WithTags("Teams");
        api.MapPost("/teams/{id:guid}/members/{userId:guid}/reactivate", (Guid id, Guid userId, LnemisDbContext db, CurrentActor actor, CancellationToken ct) =>
            SetAsync(id, userId, null, db, actor, ct)).RequirePermission(CorrespondencePermissions.TeamsManage).WithTags("Teams");
    }

    internal static async Task<IResult> SetAsync(Guid id, Guid userId, DateTimeOffset? deactivatedAt, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var member = await db.TeamMembers().FirstOrDefaultAsync(m => m.TeamId == id && m.UserId == userId, ct);
        if (member is null)
        {
            return Problems.NotFound("The membership");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, member.ScopePath))
        {
            return Problems.Forbidden("You do not manage this team.");
        }

        if (deactivatedAt is null && member.DeactivatedAt is not null && await db.Teams().AnyAsync(t => t.Id == id && t.DeactivatedAt != null, ct))
        {
            return TeamAdministration.Refused("The team is deactivated; reactivate it first.", new Dictionary<string, object?>());
        }

        // Only a change is saved (and audited): repeating the request is harmless.
        if ((member.DeactivatedAt is null) != (deactivatedAt is null))
        {
            member.DeactivatedAt = deactivatedAt;
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(TeamMemberView.From(member));
    }
}
