using System.Text.Json;
using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Moves a directorate to another business group, or a business unit to another directorate. The
/// team's scope path and everything hanging under it (teams below, memberships, role grants) take
/// the new path; when the business group changes, the cases the moved teams manage move to the new
/// group's path with their report rows and retention records — all in one transaction, so no reader
/// sees a team in one group and its cases in another. A move that would split an open case between
/// two groups (managed inside the moved teams, answered outside, or the reverse) is refused with the
/// count: reassign those cases first. Cycles, wrong levels and deactivated parents are refused.
/// </summary>
public static class MoveTeam
{
    public sealed record Request(Guid ParentId, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ParentId).NotEmpty();
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/teams/{id:guid}/move", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var (team, problem) = await TeamAdministration.FindManagedAsync(db, actor, id, ct);
        if (team is null)
        {
            return problem!;
        }

        if (team.Kind == TeamKind.BusinessGroup)
        {
            return Problems.Field("parentId", "A business group is at the top of the tree and cannot be moved.");
        }

        var parent = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ParentId, ct);
        if (parent is null)
        {
            return Problems.Field("parentId", "No such team.");
        }

        if (parent.Id == team.Id || parent.ScopePath.StartsWith(team.ScopePath, StringComparison.Ordinal))
        {
            return Problems.Field("parentId", "A team cannot move under itself or a team below it.");
        }

        var expected = team.Kind == TeamKind.Directorate ? TeamKind.BusinessGroup : TeamKind.Directorate;
        if (parent.Kind != expected)
        {
            return Problems.Field("parentId", $"A {CreateTeam.Words(team.Kind)} belongs to a {CreateTeam.Words(expected)}.");
        }

        if (parent.DeactivatedAt is not null)
        {
            return Problems.Field("parentId", $"{parent.Name} is deactivated.");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, parent.ScopePath))
        {
            return Problems.Forbidden("You can only move a team under a team you manage.");
        }

        if (team.ParentId == parent.Id)
        {
            return TypedResults.Ok(TeamView.From(team));
        }

        var oldPath = team.ScopePath;
        var newPath = Team.PathFor(parent, team.Id);
        var oldGroup = Team.GroupPathOf(oldPath);
        var newGroup = Team.GroupPathOf(newPath);
        var subtree = await TeamAdministration.SubtreeAsync(db, team, ct);
        if (oldGroup != newGroup)
        {
            var split = await TeamAdministration.OpenCases(db).CountAsync(
                c => subtree.Contains(c.ManagingTeamId) != (c.RespondingTeamId != null && subtree.Contains(c.RespondingTeamId.Value)), ct);
            if (split > 0)
            {
                return TeamAdministration.Refused(
                    $"{team.Name} cannot move to another business group: {TeamAdministration.Cases(split)} would be split between groups (managed by one, answered by the other). Reassign them first.",
                    new Dictionary<string, object?> { ["openCasesSplit"] = split });
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
        team.ParentId = parent.Id;
        await db.SaveChangesAsync(ct);

        // Teams, memberships, grants and anything else scoped under the team follow it, set-based.
        var rewritten = await ScopePathRewriter.RewriteAsync(db, oldPath, newPath, ct);
        var casesMoved = 0;
        if (oldGroup != newGroup)
        {
            // Cases sit on their business group's path (not under a team's), so they are moved by who manages them.
            var cases = db.Cases().IgnoreQueryFilters().Where(c => subtree.Contains(c.ManagingTeamId));
            casesMoved = await cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.ScopePath, newGroup), ct);
            await db.CaseReportRows().IgnoreQueryFilters().Where(r => subtree.Contains(r.ManagingTeamId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ScopePath, newGroup), ct);
            await db.CaseRetentions().IgnoreQueryFilters().Where(r => cases.Select(c => c.Id).Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ScopePath, newGroup), ct);
        }

        // Set-based updates bypass row audit: one entry says what moved, from where to where.
        db.AddAudit(new PendingAudit("move", nameof(Team), team.Id.ToString(), JsonSerializer.Serialize(new { fromPath = oldPath, toPath = newPath, parentId = parent.Id, rowsRewritten = rewritten, casesMoved })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var moved = await db.Teams().AsNoTracking().IgnoreQueryFilters().FirstAsync(t => t.Id == team.Id, ct);
        return TypedResults.Ok(TeamView.From(moved));
    }
}
