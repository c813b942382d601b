using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Fires a workflow event on a case. The caller's roles on the case come from their team
/// memberships; <c>Workflow.Decide</c> says whether one of them may fire it now (a refusal
/// is 403 for the wrong role, 422 with the reason for the wrong state or a failing guard). The
/// effects, the history entry, the recomputed deadline and the outbox events are saved in one
/// transaction, guarded by the version the caller read (stale: 409). Idempotency-Key is honoured
/// by the platform: the key is stored by the same save.
/// </summary>
public static class FireCaseEvent
{
    public sealed record ClosureRequest(InformationHeld? InformationHeld, CaseOutcome? Outcome, AppealOutcome? AppealOutcome, List<string>? Exemptions, string? LateTeam);

    public sealed record Request(
        long Version,
        string? Message,
        string? Reason,
        Guid? TeamId,
        List<string>? ClearanceSteps,
        Guid? FileId,
        DateOnly? On,
        int? Amount,
        ClockStopCategory? Category,
        string? LinkedCase,
        ClosureRequest? Closure,
        string? Subject,
        string? RequesterName,
        string? RequesterEmail)
    {
        /// <summary>The responder named within the responding team (assign_responder; optional on assign and reassign).</summary>
        public Guid? UserId { get; init; }

        /// <summary>The manager unit a case is transferred to (transfer_managing_team).</summary>
        public Guid? ManagingTeamId { get; init; }

        /// <summary>An event with nothing but a reason (what the system fires).</summary>
        public static Request WithReason(long version, string reason) => new(version, null, reason, null, null, null, null, null, null, null, null, null, null, null);
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Version).GreaterThan(0);
            RuleFor(r => r.Message).MaximumLength(4000);
            RuleFor(r => r.Reason).MaximumLength(4000);
            RuleFor(r => r.Amount).GreaterThan(0).When(r => r.Amount is not null);
            RuleFor(r => r.Category).IsInEnum().When(r => r.Category is not null);
            RuleFor(r => r.Subject).MaximumLength(500);
            RuleFor(r => r.RequesterName).MaximumLength(200);
            RuleFor(r => r.RequesterEmail).MaximumLength(320);
        }
    }

    public const string Assigned = "case.assigned";
    public const string ReadyForClearance = "case.ready_for_clearance";
    public const string RedraftRequested = "case.redraft_requested";
    public const string Closed = "case.closed";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/events/{eventName}", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).Validate<Request>().WithUserNames().WithTags("Cases");

    internal static async Task<IResult> HandleAsync(
        Guid id, string eventName, Request request, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var fired = await FireAsync(id, eventName, request, asSystem: false, db, actor, caseClock, events, observers, clock, ct);
        if (fired.Problem is { } problem)
        {
            return problem;
        }

        var detail = CaseDetails.Build(CaseFacts.From(fired.Case!, fired.History, caseClock, CaseDetails.Today(clock)), await CaseCaller.ForAsync(db, actor, fired.Case!, ct));
        return TypedResults.Ok(detail);
    }

    /// <summary>What firing an event came to: the problem to answer when refused, else the case and its whole history.</summary>
    internal sealed record Fired(IResult? Problem, Case? Case, IReadOnlyList<CaseTransition> History)
    {
        public static Fired No(IResult problem) => new(problem, null, []);
    }

    /// <summary>
    /// The command itself, for a user (their roles from their team memberships) or for the system
    /// (<paramref name="asSystem"/>: scheduled tasks, which hold only <see cref="CaseRole.System"/>).
    /// Saves in one transaction guarded by <see cref="Request.Version"/>; a stale version found at
    /// save time throws <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    internal static async Task<Fired> FireAsync(
        Guid id, string eventName, Request request, bool asSystem, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, EventPublisher events, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Fired.No(Problems.NotFound("The case"));
        }

        if (c.Version != request.Version)
        {
            return Fired.No(Problems.Conflict($"The case has changed since you read it (version {request.Version}, now {c.Version}); reload it and try again."));
        }

        var today = CaseDetails.Today(clock);
        var now = clock.GetUtcNow();
        var history = await db.CaseTransitions().AsNoTracking().Where(t => t.CaseId == c.Id).OrderBy(t => t.Sequence).ToListAsync(ct);
        var facts = CaseFacts.From(c, history, caseClock, today);
        var caller = asSystem ? CaseCaller.System(c) : await CaseCaller.ForAsync(db, actor, c, ct);
        var definition = WorkflowDefinitions.For(c.Type);
        var snapshot = facts.Snapshot(caller);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? request.Message?.Trim() : request.Reason.Trim();
        var input = new EventInput
        {
            Reason = reason,
            HasFile = request.FileId is not null,
            Team = request.TeamId?.ToString(),
            Responder = request.UserId?.ToString(),
            ManagingTeam = request.ManagingTeamId?.ToString(),
            ClearanceSteps = request.ClearanceSteps ?? [],
            LinkedCase = request.LinkedCase,
            Closure = request.Closure is { } supplied
                ? new Closure { InformationHeld = supplied.InformationHeld, Outcome = supplied.Outcome, AppealOutcome = supplied.AppealOutcome, Exemptions = supplied.Exemptions ?? [], LateTeam = supplied.LateTeam }
                : null,
        };

        if (c.DeletedAt is not null)
        {
            return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "The case is deleted.", null));
        }

        if (caller.Roles.Count == 0)
        {
            return Fired.No(Problems.Forbidden("You play no role on this case: you are not in its managing team nor in a responding or approving unit of its business group."));
        }

        var decisions = caller.Roles.Select(r => (Held: r, Decision: Workflow.Decide(definition, snapshot, r.Role, eventName, input))).ToList();
        if (decisions.FirstOrDefault(d => d.Decision.Allowed) is not { Decision: not null } chosen || !chosen.Decision.Allowed)
        {
            var refusal = decisions.Select(d => d.Decision).OrderByDescending(d => d.Refusal switch
            {
                Refusal.Guard => 3,
                Refusal.State => 2,
                Refusal.UnknownEvent => 1,
                _ => 0,
            }).First();
            return Fired.No(refusal.Refusal switch
            {
                Refusal.Role => Problems.Forbidden(Sentence(refusal.Reason)),
                Refusal.UnknownEvent => Problems.NotFound($"The event '{eventName}'"),
                _ => Refused(StatusCodes.Status422UnprocessableEntity, Sentence(refusal.Reason), FieldOf(refusal.Guard)),
            });
        }

        var decision = chosen.Decision;
        var from = c.State;
        var to = decision.To!;
        var deadlineBefore = facts.FinalDeadline;
        DeadlineChange? change = null;
        Guid? teamId = null;
        Guid? fromTeamId = null;
        CaseFile? attached = null;
        var message = reason;
        (Case Case, CaseTransition Opening)? overturned = null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(c).Property(x => x.Version).OriginalValue = request.Version;

        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case WorkflowEffects.SetRespondingTeam:
                    var team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TeamId, ct);
                    if (team is null || team.Role != CaseRole.Responder || !team.ScopePath.StartsWith(c.ScopePath, StringComparison.Ordinal))
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "Choose a responder unit of the case's business group.", "teamId"));
                    }

                    if (team.DeactivatedAt is not null)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, $"The unit {team.Name} is deactivated; choose an active responder unit.", "teamId"));
                    }

                    c.RespondingTeamId = team.Id;
                    c.ResponderId = null;
                    teamId = team.Id;
                    break;
                case WorkflowEffects.SetNamedResponder:
                    if (request.UserId is not { } named)
                    {
                        break;
                    }

                    if (c.RespondingTeamId is not { } respondingTeam || !await CaseAssignees.IsActiveResponderAsync(db, respondingTeam, named, ct))
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "Choose an active responder of the responding unit.", "userId"));
                    }

                    c.ResponderId = named;
                    teamId = respondingTeam;
                    break;
                case WorkflowEffects.SetManagingTeam:
                    var managing = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ManagingTeamId, ct);
                    if (managing is null || managing.Role != CaseRole.Manager || !managing.ScopePath.StartsWith(c.ScopePath, StringComparison.Ordinal))
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "Choose a manager unit of the case's business group.", "managingTeamId"));
                    }

                    if (managing.DeactivatedAt is not null || managing.Id == c.ManagingTeamId)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity,
                            managing.Id == c.ManagingTeamId ? $"{managing.Name} already manages the case." : $"The unit {managing.Name} is deactivated; choose an active manager unit.", "managingTeamId"));
                    }

                    fromTeamId = c.ManagingTeamId;
                    c.ManagingTeamId = managing.Id;
                    teamId = managing.Id;
                    break;
                case WorkflowEffects.ClearRespondingTeam:
                    teamId = c.RespondingTeamId;
                    c.RespondingTeamId = null;
                    c.ResponderId = null;
                    break;
                case WorkflowEffects.SetResponder:
                    c.ResponderId = actor.UserId;
                    teamId = c.RespondingTeamId;
                    break;
                case WorkflowEffects.AddClearanceSteps:
                    c.FlaggedSteps = definition.ClearanceSteps.Where(s => c.FlaggedSteps.Contains(s) || input.ClearanceSteps.Contains(s)).ToList();
                    break;
                case WorkflowEffects.RemoveClearanceStep:
                    c.FlaggedSteps = c.FlaggedSteps.Where(s => !caller.ApprovesSteps.Contains(s)).ToList();
                    break;
                case WorkflowEffects.AcceptClearanceStep:
                    c.AcceptedSteps = [.. c.AcceptedSteps, definition.StepOf(from)!];
                    break;
                case WorkflowEffects.ApproveClearanceStep:
                    c.ApprovedSteps = [.. c.ApprovedSteps, definition.StepOf(from)!];
                    break;
                case WorkflowEffects.BypassClearanceSteps:
                    c.ApprovedSteps = c.FlaggedSteps.ToList();
                    break;
                case WorkflowEffects.ResetClearanceApprovals:
                    c.ApprovedSteps = [];
                    c.AcceptedSteps = [];
                    break;
                case WorkflowEffects.AttachResponse:
                    attached = await db.CaseFiles().AsNoTracking()
                        .FirstOrDefaultAsync(f => f.Id == request.FileId && f.CaseId == c.Id && f.Kind == CaseFileKind.Response && f.RemovedAt == null, ct);
                    if (attached is null)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "Choose a response file uploaded to this case.", "fileId"));
                    }

                    c.ResponseFileName = attached.FileName;
                    c.ResponseFileId = attached.Id;
                    break;
                case WorkflowEffects.RecordResponseDate:
                    c.RespondedOn = request.On ?? today;
                    break;
                case WorkflowEffects.RecordDeadlineEvent:
                    change = DeadlineChangeFor(eventName, request, reason, facts, today);
                    if (change is null)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, $"'{eventName}' does not change a deadline.", null));
                    }

                    if (change.On > today)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "A deadline event cannot be dated in the future.", "on"));
                    }

                    var check = caseClock.Rules.Check(c.Type, c.ReceivedOn, facts.DeadlineEvents, change.ToEvent());
                    if (!check.IsAllowed)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, Sentence(check.Reason), null));
                    }

                    break;
                case WorkflowEffects.RecordClosure:
                    var closure = input.Closure!;
                    c.InformationHeld = closure.InformationHeld;
                    c.Outcome = closure.Outcome;
                    c.AppealOutcome = closure.AppealOutcome;
                    c.Exemptions = closure.Exemptions.ToList();
                    c.LateTeam = string.IsNullOrWhiteSpace(closure.LateTeam) ? null : closure.LateTeam.Trim();
                    c.ClosedOn = today;
                    break;
                case WorkflowEffects.RecordAutoClosure:
                    c.ClosedOn = today;
                    break;
                case WorkflowEffects.OpenOverturnedCase:
                    if (c.AppealOutcome == AppealOutcome.Overturned)
                    {
                        overturned = await OpenOverturnedAsync(db, c, caseClock, actor, chosen.Held, today, now, ct);
                        message = $"{reason} (overturned: case {overturned.Value.Case.Number} opened)".Trim();
                    }

                    break;
                case WorkflowEffects.LinkCases:
                    var linked = await db.Cases().AsNoTracking().Where(x => x.Number == input.LinkedCase!.Trim()).Select(x => x.Number).FirstOrDefaultAsync(ct);
                    if (linked is null || linked == c.Number)
                    {
                        return Fired.No(Refused(StatusCodes.Status422UnprocessableEntity, "No other case you may see has this number.", "linkedCase"));
                    }

                    message = string.IsNullOrWhiteSpace(reason) ? $"linked to case {linked}" : $"linked to case {linked}: {reason}";
                    break;
                case WorkflowEffects.AddMessage:
                    break;
                case WorkflowEffects.UpdateDetails:
                    c.Subject = string.IsNullOrWhiteSpace(request.Subject) ? c.Subject : request.Subject.Trim();
                    c.RequesterName = string.IsNullOrWhiteSpace(request.RequesterName) ? c.RequesterName : request.RequesterName.Trim();
                    c.RequesterEmail = request.RequesterEmail is null ? c.RequesterEmail : request.RequesterEmail.Trim() is { Length: > 0 } email ? email : null;
                    break;
                case WorkflowEffects.SoftDelete:
                    c.DeletedReason = reason;
                    c.DeletedAt = now;
                    break;
                default:
                    throw new InvalidOperationException($"The effect '{effect}' has no implementation; validate the workflow definitions at start-up.");
            }
        }

        var after = change is null ? facts : CaseFacts.From(c, [.. history, new CaseTransition { Event = eventName, ToState = to, DeadlineChange = change }], caseClock, today);
        c.State = to;
        c.FinalDeadline = after.FinalDeadline;
        c.LastEventAt = now;
        var transition = new CaseTransition
        {
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            Sequence = history.Count == 0 ? 1 : history[^1].Sequence + 1,
            Event = eventName,
            FromState = from,
            ToState = to,
            ActorId = actor.UserId,
            ActorRole = chosen.Held.Role,
            ActorTeamId = chosen.Held.TeamId,
            TeamId = teamId,
            FromTeamId = fromTeamId,
            Message = string.IsNullOrWhiteSpace(message) ? null : message,
            FileId = attached?.Id,
            FileName = attached?.FileName,
            DeadlineChange = change,
            DeadlineBefore = deadlineBefore,
            DeadlineAfter = after.FinalDeadline,
            At = now,
        };
        db.CaseTransitions().Add(transition);
        Publish(events, c, eventName, from, to, definition);
        await observers.AppendedAsync(db, c, transition, ct);
        if (overturned is { } opened)
        {
            await observers.AppendedAsync(db, opened.Case, opened.Opening, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Fired(null, c, [.. history, transition]);
    }

    private static DeadlineChange? DeadlineChangeFor(string eventName, Request request, string? reason, CaseFacts facts, DateOnly today)
    {
        var on = request.On ?? today;
        return eventName switch
        {
            "extend" => new DeadlineChange(DeadlineChange.Extension, on, request.Amount ?? DefaultExtension(facts), reason),
            "remove_extension" => new DeadlineChange(DeadlineChange.ExtensionRemoval, on, Reason: reason),
            "stop_clock" => new DeadlineChange(DeadlineChange.Stop, on, Reason: reason, Category: request.Category ?? ClockStopCategory.Other),
            "restart_clock" => new DeadlineChange(DeadlineChange.Restart, on),
            _ => null,
        };
    }

    /// <summary>Without an amount, an extension takes what the rule still allows (a SAR's two months, the rest of an FOI's 20 working days).</summary>
    private static int DefaultExtension(CaseFacts facts) =>
        facts.Replay?.Rule.Extension is { } policy ? Math.Max(1, policy.MaxTotal - facts.Replay.ExtendedBy) : 1;

    private static async Task<(Case Case, CaseTransition Opening)> OpenOverturnedAsync(LnemisDbContext db, Case appeal, CaseClock caseClock, CurrentActor actor, CaseRoleHeld held, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var type = appeal.Type == CaseType.IcoAppealSar ? CaseType.OverturnedSar : CaseType.OverturnedFoi;
        var definition = WorkflowDefinitions.For(type);
        var c = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = await CaseNumbers.NextAsync(db, today, ct),
            Type = type,
            Subject = $"Overturned on appeal {appeal.Number}: {appeal.Subject}",
            RequesterName = appeal.RequesterName,
            RequesterEmail = appeal.RequesterEmail,
            ReceivedOn = today,
            State = definition.Initial,
            ManagingTeamId = appeal.ManagingTeamId,
            FinalDeadline = caseClock.Deadlines(type, today, []).FirstOrDefault(d => d.Kind == DeadlineKind.Final)?.Date,
            ScopePath = appeal.ScopePath,
            CreatedAt = now,
            LastEventAt = now,
        };
        var opening = CreateCase.AddWithOpening(db, c, actor.UserId, held, $"opened because the Information Commissioner overturned the response to case {appeal.Number}", creation: null);
        return (c, opening);
    }

    private static void Publish(EventPublisher events, Case c, string eventName, string from, string to, WorkflowDefinition definition)
    {
        var type = eventName switch
        {
            "assign" or "reassign" or "assign_responder" => Assigned,
            "request_amends" => RedraftRequested,
            "close" or "auto_close" => Closed,
            _ when to != from && definition.StepOf(to) is not null => ReadyForClearance,
            _ => null,
        };
        if (type is not null)
        {
            events.Publish(type, c.Id, c.ScopePath, EventPayload(c, to, definition.StepOf(to)));
        }
    }

    /// <summary>
    /// What every case event carries (the event catalogue's examples are made here too, so they cannot
    /// drift). No personal data in events: subscribers fetch the case if they may.
    /// </summary>
    internal static object EventPayload(Case c, string state, string? clearanceStep) => new
    {
        c.Number,
        Type = c.Type.Code(),
        State = state,
        ClearanceStep = clearanceStep,
        c.ManagingTeamId,
        c.RespondingTeamId,
        c.ResponderId,
        c.FinalDeadline,
        Outcome = c.Outcome?.ToString(),
        AppealOutcome = c.AppealOutcome?.ToString(),
    };

    /// <summary>422 (or another status) with the reason, naming the field when the refusal is about what the caller supplied.</summary>
    private static IResult Refused(int status, string detail, string? field) =>
        field is null
            ? TypedResults.Problem(statusCode: status, title: "The event cannot be done now.", detail: detail)
            : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            {
                Status = status,
                Title = "The event cannot be done now.",
                Detail = detail,
            });

    private static string? FieldOf(string? guard) => guard switch
    {
        WorkflowGuards.ReasonGiven => "reason",
        WorkflowGuards.MessageGiven => "message",
        WorkflowGuards.FileGiven => "fileId",
        WorkflowGuards.TeamGiven => "teamId",
        WorkflowGuards.ResponderGiven => "userId",
        WorkflowGuards.ManagingTeamGiven => "managingTeamId",
        WorkflowGuards.StepsGiven => "clearanceSteps",
        WorkflowGuards.LinkedCaseGiven => "linkedCase",
        WorkflowGuards.ClosureComplete => "closure",
        _ => null,
    };

    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? "" : ".");
}
