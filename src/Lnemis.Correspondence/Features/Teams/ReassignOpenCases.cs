using System.Text.Json;
using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Moves the open cases of a responder unit, or of one responder, to another responder unit in bulk,
/// and, when <c>toUserId</c> names one of its active responders, to that person (their "my open cases").
/// Each case goes through the workflow's <c>reassign</c> event as the caller (a case manager of the
/// case's managing team), one transaction per case, so every case's history says who moved it and
/// why, and a case the workflow does not let be reassigned now (in clearance, say) is skipped with
/// the workflow's reason. The caller may send the versions they listed (<c>GET …/open-cases</c>): a
/// case changed since is reported as a conflict, not moved. At most <see cref="MaxCases"/> cases per
/// request (the answer says when more remain; run it again). The batch is recorded as a
/// <see cref="TeamReassignment"/> before the first case moves, so the Idempotency-Key is stored
/// with it and a retry with the same key replays the result instead of moving anything twice.
/// </summary>
public static class ReassignOpenCases
{
    public const int MaxCases = 200;

    public sealed record CaseVersion(Guid CaseId, long Version);

    public sealed record Request(Guid? FromTeamId, Guid? FromUserId, Guid ToTeamId, string Reason, List<CaseVersion>? Cases)
    {
        /// <summary>An active responder of the target unit to name as each case's responder (optional).</summary>
        public Guid? ToUserId { get; init; }
    }

    public sealed record OpenCase(Guid Id, string Number, string State, Guid? RespondingTeamId, Guid? ResponderId, long Version);

    public sealed record OpenCases(IReadOnlyList<OpenCase> Items, bool More, int Max);

    public sealed record Outcome(Guid CaseId, string? Number, string Result, string? Reason);

    public sealed record ReassignmentView(Guid Id, Guid? FromTeamId, Guid? FromUserId, Guid ToTeamId, string Reason, int Moved, int Skipped, bool More, IReadOnlyList<Outcome> Cases)
    {
        public Guid? ToUserId { get; init; }
    }

    public const string Moved = "moved";
    public const string Skipped = "skipped";
    public const string Conflict = "conflict";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.FromTeamId).NotNull().When(r => r.FromUserId is null).WithMessage("Choose the team or the user whose open cases move.");
            RuleFor(r => r.FromUserId).Null().When(r => r.FromTeamId is not null).WithMessage("Choose either a team or a user, not both.");
            RuleFor(r => r.ToTeamId).NotEmpty().NotEqual(r => r.FromTeamId ?? Guid.Empty).When(r => r.ToUserId is null).WithMessage("Choose another responder unit.");
            RuleFor(r => r.ToUserId).NotEqual(r => r.FromUserId).When(r => r.ToUserId is not null).WithMessage("Choose another responder.");
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
            RuleFor(r => r.Cases).Must(c => c is null || c.Count <= MaxCases).WithMessage($"At most {MaxCases} cases at once.");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/teams/reassignments/open-cases", ListAsync).RequirePermission(CorrespondencePermissions.CasesManage).WithTags("Teams");
        api.MapPost("/teams/reassignments", HandleAsync).RequirePermission(CorrespondencePermissions.CasesManage).Validate<Request>().WithTags("Teams");
    }

    /// <summary>The open cases a reassignment from this team or user would take (visible to the caller), with their versions.</summary>
    internal static async Task<IResult> ListAsync(Guid? fromTeamId, Guid? fromUserId, LnemisDbContext db, CancellationToken ct)
    {
        if (fromTeamId is null == fromUserId is null)
        {
            return Problems.Field("fromTeamId", "Choose either a team or a user.");
        }

        var found = await Source(db, fromTeamId, fromUserId)
            .Select(c => new OpenCase(c.Id, c.Number, c.State, c.RespondingTeamId, c.ResponderId, c.Version))
            .Take(MaxCases + 1).ToListAsync(ct);
        return TypedResults.Ok(new OpenCases(found.Take(MaxCases).ToList(), found.Count > MaxCases, MaxCases));
    }

    internal static async Task<IResult> HandleAsync(
        Request request, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var target = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ToTeamId, ct);
        if (target is null || target.Role != CaseRole.Responder)
        {
            return Problems.Field("toTeamId", "Choose a responder unit.");
        }

        if (target.DeactivatedAt is not null)
        {
            return Problems.Field("toTeamId", $"{target.Name} is deactivated.");
        }

        if (request.ToUserId is { } toUser && !await CaseAssignees.IsActiveResponderAsync(db, target.Id, toUser, ct))
        {
            return Problems.Field("toUserId", $"Choose an active responder of {target.Name}.");
        }

        // What to move: the cases listed (with the versions the caller saw), else the current ones.
        var current = await Source(db, request.FromTeamId, request.FromUserId)
            .Select(c => new { c.Id, c.Number, c.Version })
            .Take(MaxCases + 1).ToListAsync(ct);
        var more = request.Cases is null && current.Count > MaxCases;
        var wanted = request.Cases ?? current.Take(MaxCases).Select(c => new CaseVersion(c.Id, c.Version)).ToList();
        var numbers = current.ToDictionary(c => c.Id, c => c.Number);
        var reason = request.Reason.Trim();

        var batch = new TeamReassignment
        {
            Id = Guid.CreateVersion7(),
            RequestedBy = actor.UserId,
            FromTeamId = request.FromTeamId,
            FromUserId = request.FromUserId,
            ToTeamId = target.Id,
            ToUserId = request.ToUserId,
            Reason = reason,
            ScopePath = Team.GroupPathOf(target.ScopePath),
            StartedAt = clock.GetUtcNow(),
            More = more,
        };
        db.TeamReassignments().Add(batch);
        await db.SaveChangesAsync(ct);

        var outcomes = new List<Outcome>(wanted.Count);
        foreach (var (caseId, version) in wanted)
        {
            db.ChangeTracker.Clear();
            numbers.TryGetValue(caseId, out var number);
            if (number is null)
            {
                outcomes.Add(new Outcome(caseId, null, Skipped, "Not an open case of the team or user (any more), or not one you may see."));
                continue;
            }

            outcomes.Add(await ReassignAsync(caseId, number, version, target.Id, request.ToUserId, reason, db, actor, caseClock, events, observers, clock, ct));
        }

        db.ChangeTracker.Clear();
        db.TeamReassignments().Attach(batch);
        batch.Moved = outcomes.Count(o => o.Result == Moved);
        batch.Skipped = outcomes.Count - batch.Moved;
        batch.Outcomes = JsonSerializer.Serialize(outcomes, Json);
        batch.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReassignmentView(batch.Id, batch.FromTeamId, batch.FromUserId, batch.ToTeamId, batch.Reason, batch.Moved, batch.Skipped, batch.More, outcomes) { ToUserId = batch.ToUserId });
    }

    private static async Task<Outcome> ReassignAsync(
        Guid caseId, string number, long version, Guid toTeamId, Guid? toUserId, string reason, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var request = FireCaseEvent.Request.WithReason(version, reason) with { TeamId = toTeamId, UserId = toUserId };
        try
        {
            var fired = await FireCaseEvent.FireAsync(caseId, "reassign", request, asSystem: false, db, actor, caseClock, events, observers, clock, ct);
            return fired.Problem switch
            {
                null => new Outcome(caseId, number, Moved, null),
                ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } p => new Outcome(caseId, number, Conflict, p.ProblemDetails.Detail),
                ProblemHttpResult p => new Outcome(caseId, number, Skipped, p.ProblemDetails.Detail ?? p.ProblemDetails.Title),
                _ => new Outcome(caseId, number, Skipped, "The workflow refused the reassignment."),
            };
        }
        catch (DbUpdateException)
        {
            // Someone changed the case between our read and our save (stale version or a racing history entry).
            return new Outcome(caseId, number, Conflict, "The case changed while it was being moved; reload it and try again.");
        }
    }

    private static IQueryable<Case> Source(LnemisDbContext db, Guid? fromTeamId, Guid? fromUserId) =>
        db.Cases().Where(c => c.State != WorkflowDefinitions.Closed)
            .Where(c => fromTeamId != null ? c.RespondingTeamId == fromTeamId : c.ResponderId == fromUserId)
            .OrderBy(c => c.Number);
}
