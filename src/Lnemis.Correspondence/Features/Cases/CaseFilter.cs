using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// The filters of the case list and its export (query string), on top of the scope filter that
/// limits every query to the cases the caller's grants cover:
/// <list type="bullet">
/// <item>q: every word must start a word of the case's number, subject, requester name or email, or a message in its history;</item>
/// <item>type (code), state, teamId (managing or responding), responderId (the user responding), mine=true (the caller responds);</item>
/// <item>open=true (not closed) or open=false (closed); timeliness=late|in_time (responded after / on or before the
/// final deadline, or still open past / before it); deadlineFrom, deadlineTo (final-deadline window);</item>
/// <item>exemption (a closure exemption, e.g. s40); flagged=any|none|&lt;step&gt; (flagged for clearance at all, not at all, or at a step);</item>
/// <item>incoming=true: cases waiting at a clearance step one of the caller's approver units clears, in that unit's business group.</item>
/// </list>
/// </summary>
public sealed record CaseFilter(
    string? Q,
    string? Type,
    string? State,
    Guid? TeamId,
    Guid? ResponderId,
    bool? Mine,
    bool? Open,
    string? Timeliness,
    DateOnly? DeadlineFrom,
    DateOnly? DeadlineTo,
    string? Exemption,
    string? Flagged,
    bool? Incoming)
{
    public const string FlaggedAny = "any";
    public const string FlaggedNone = "none";

    /// <summary>
    /// The filtered cases, or the field errors of the filter; <c>OverCountLimit</c> when the search index already
    /// showed more than <see cref="Lnemis.Platform.Api.PaginationExtensions.CountLimit"/> matches and no other filter narrows them.
    /// </summary>
    internal async Task<(IQueryable<Case> Query, Dictionary<string, string[]> Errors, bool OverCountLimit)> ApplyAsync(
        LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Cases().AsNoTracking();
        var searchOverLimit = false;

        if (Q is not null && !string.IsNullOrWhiteSpace(Q))
        {
            if (CaseSearch.Parse(Q) is { } words)
            {
                (query, searchOverLimit) = await query.MatchingAsync(db, words, ct);
            }
            else
            {
                errors["q"] = ["Search for words or a case number (letters and digits)."];
            }
        }

        if (Type is not null)
        {
            if (CreateCase.ParseType(Type) is { } parsed)
            {
                query = query.Where(c => c.Type == parsed);
            }
            else
            {
                errors["type"] = [$"Case types are: {string.Join(", ", CaseTypes.All.Select(t => t.Code()))}."];
            }
        }

        if (!string.IsNullOrWhiteSpace(State))
        {
            query = query.Where(c => c.State == State);
        }

        if (TeamId is { } team)
        {
            // Managing OR responding as two disjoint branches (UNION ALL), each served in list order by
            // its team index, which PostgreSQL merges; a single OR walks the whole deadline index when
            // the team has few matching cases (ADR 0011, ADR 0020).
            query = query.Where(c => c.ManagingTeamId == team)
                .Concat(query.Where(c => c.RespondingTeamId == team && c.ManagingTeamId != team));
        }

        if (ResponderId is { } responder)
        {
            query = query.Where(c => c.ResponderId == responder);
        }

        if (Mine == true)
        {
            var me = actor.UserId;
            query = query.Where(c => c.ResponderId != null && c.ResponderId == me);
        }

        query = Open switch
        {
            true => query.Where(c => c.State != WorkflowDefinitions.Closed),
            false => query.Where(c => c.State == WorkflowDefinitions.Closed),
            null => query,
        };

        var today = CaseDetails.Today(clock);
        switch (Timeliness)
        {
            case null:
                break;
            case "late":
                query = query.Where(c => c.FinalDeadline != null
                    && ((c.RespondedOn != null && c.RespondedOn > c.FinalDeadline) || (c.RespondedOn == null && c.FinalDeadline < today)));
                break;
            case "in_time":
                query = query.Where(c => c.FinalDeadline != null
                    && ((c.RespondedOn != null && c.RespondedOn <= c.FinalDeadline) || (c.RespondedOn == null && c.FinalDeadline >= today)));
                break;
            default:
                errors["timeliness"] = ["Use late or in_time."];
                break;
        }

        if (DeadlineFrom is { } from)
        {
            query = query.Where(c => c.FinalDeadline >= from);
        }

        if (DeadlineTo is { } to)
        {
            query = query.Where(c => c.FinalDeadline <= to);
        }

        if (DeadlineFrom > DeadlineTo)
        {
            errors["deadlineTo"] = ["The end of the deadline window cannot be before its start."];
        }

        if (!string.IsNullOrWhiteSpace(Exemption))
        {
            var exemption = Exemption.Trim();
            query = query.Where(c => c.Exemptions.Contains(exemption));
        }

        switch (Flagged?.Trim())
        {
            case null or "":
                break;
            case FlaggedAny:
                query = query.Where(c => c.FlaggedSteps.Count > 0);
                break;
            case FlaggedNone:
                query = query.Where(c => c.FlaggedSteps.Count == 0);
                break;
            case var step when ClearanceSteps.Contains(step):
                query = query.Where(c => c.FlaggedSteps.Contains(step));
                break;
            default:
                errors["flagged"] = [$"Use {FlaggedAny}, {FlaggedNone} or a clearance step: {string.Join(", ", ClearanceSteps)}."];
                break;
        }

        if (Incoming == true)
        {
            query = await WaitingForMyClearanceAsync(query, db, actor, ct);
        }

        return (query, errors, searchOverLimit && !NarrowsBeyondSearch);
    }

    /// <summary>Whether a filter other than q is given (the search's match count then says nothing of the list's).</summary>
    internal bool NarrowsBeyondSearch =>
        Type is not null || !string.IsNullOrWhiteSpace(State) || TeamId is not null || ResponderId is not null || Mine == true || Open is not null
        || Timeliness is not null || DeadlineFrom is not null || DeadlineTo is not null || !string.IsNullOrWhiteSpace(Exemption)
        || !string.IsNullOrWhiteSpace(Flagged) || Incoming == true;

    /// <summary>Every clearance step some workflow has.</summary>
    internal static IReadOnlyList<string> ClearanceSteps { get; } =
        WorkflowDefinitions.All.SelectMany(d => d.ClearanceSteps).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Soonest final deadline first, cases without one last, then by number (the order the list indexes hold).</summary>
    internal static IOrderedQueryable<Case> InListOrder(IQueryable<Case> cases, LnemisDbContext db) =>
        db.Provider == DatabaseProvider.Postgres
            // PostgreSQL sorts nulls last in ascending order, as its indexes hold them.
            ? cases.OrderBy(c => c.FinalDeadline).ThenBy(c => c.Number)
            : cases.OrderBy(c => c.FinalDeadline == null).ThenBy(c => c.FinalDeadline).ThenBy(c => c.Number);

    private static async Task<IQueryable<Case>> WaitingForMyClearanceAsync(IQueryable<Case> query, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return query.Where(_ => false);
        }

        // The caller's own approver units, whatever the scope filter (it limits the cases, not the memberships).
        var units = await db.TeamMembers().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == CaseRole.Approver)
            .Join(db.Teams().IgnoreQueryFilters().Where(t => t.DeletedAt == null && t.Role == CaseRole.Approver && t.ClearanceStep != null),
                m => m.TeamId, t => t.Id, (m, t) => new { t.ScopePath, t.ClearanceStep })
            .ToListAsync(ct);
        var waiting = units
            .Select(u => (State: WorkflowDefinition.ClearanceState(u.ClearanceStep!), Group: Team.GroupPathOf(u.ScopePath)))
            .Distinct()
            .ToList();
        if (waiting.Count == 0)
        {
            return query.Where(_ => false);
        }

        var states = waiting.Select(w => w.State).Distinct().ToList();
        var groups = waiting.Select(w => w.Group).Distinct().ToList();

        // One step or one group (the usual approver): an equality, so the page walks the state index in list
        // order instead of sorting every waiting case (PostgreSQL 15 orders no index scan under "= ANY").
        var oneState = states.Count == 1 ? states[0] : null;
        var oneGroup = groups.Count == 1 ? groups[0] : null;
        query = oneState is null ? query.Where(c => states.Contains(c.State)) : query.Where(c => c.State == oneState);
        query = oneGroup is null ? query.Where(c => groups.Contains(c.ScopePath)) : query.Where(c => c.ScopePath == oneGroup);

        if (states.Count > 1 && groups.Count > 1)
        {
            // Approving one step in one group and another step in another: pair them exactly.
            var pairs = waiting.Select(w => w.State + "|" + w.Group).ToList();
            query = query.Where(c => pairs.Contains(c.State + "|" + c.ScopePath));
        }

        return query;
    }
}
