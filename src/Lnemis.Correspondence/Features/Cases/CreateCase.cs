using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Logs a request received by a manager unit: numbers it (YYMMDDNNN for the received day), starts
/// it in the workflow's first state and appends the "created" entry to its history, in one
/// transaction. An ICO appeal needs the date the Commissioner set, which becomes its final deadline.
/// </summary>
public static class CreateCase
{
    public sealed record Request(string Type, string Subject, string RequesterName, string? RequesterEmail, DateOnly ReceivedOn, Guid ManagingTeamId, DateOnly? IcoDeadline);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.Type).NotEmpty().Must(t => ParseType(t) is not null)
                .WithMessage($"Case types are: {string.Join(", ", CaseTypes.All.Select(t => t.Code()))}.");
            RuleFor(r => r.Subject).NotEmpty().MaximumLength(500);
            RuleFor(r => r.RequesterName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.RequesterEmail).MaximumLength(320).EmailAddress().When(r => !string.IsNullOrEmpty(r.RequesterEmail));
            RuleFor(r => r.ReceivedOn).Must(d => d.Year is >= 2000 and <= 2099).WithMessage("The received date must be in 2000–2099.")
                .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1)).WithMessage("The received date cannot be in the future.");
            RuleFor(r => r.ManagingTeamId).NotEmpty();
            RuleFor(r => r.IcoDeadline).NotNull().When(r => ParseType(r.Type) is CaseType.IcoAppealFoi or CaseType.IcoAppealSar)
                .WithMessage("An ICO appeal needs the date the Commissioner set.");
            RuleFor(r => r.IcoDeadline).GreaterThanOrEqualTo(r => r.ReceivedOn).When(r => r.IcoDeadline is not null)
                .WithMessage("The Commissioner's date cannot be before the appeal was received.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases", HandleAsync).RequirePermission(CorrespondencePermissions.CasesManage).Validate<Request>().WithUserNames().WithTags("Cases");

    internal static CaseType? ParseType(string? code) => CaseTypes.All.Select(t => (CaseType?)t).FirstOrDefault(t => t!.Value.Code() == code);

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, CaseClock caseClock, CaseObservers observers, TimeProvider clock, CancellationToken ct)
    {
        var type = ParseType(request.Type)!.Value;
        var team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ManagingTeamId, ct);
        if (team is null || team.Role != CaseRole.Manager)
        {
            return Problems.Field("managingTeamId", "Choose a manager unit.");
        }

        var path = Team.GroupPathOf(team.ScopePath);
        if (!actor.Access.Covers(CorrespondencePermissions.CasesManage, path))
        {
            return Problems.Forbidden("You do not manage cases of this business group.");
        }

        if (actor.UserId is { } userId && !await db.TeamMembers().IgnoreQueryFilters().AnyAsync(m => m.TeamId == team.Id && m.UserId == userId && m.Role == CaseRole.Manager, ct))
        {
            return Problems.Forbidden("Only members of the manager unit log its cases.");
        }

        var now = clock.GetUtcNow();
        var creation = request.IcoDeadline is { } set && type is CaseType.IcoAppealFoi or CaseType.IcoAppealSar
            ? new DeadlineChange(DeadlineChange.DateSet, request.ReceivedOn, Date: set)
            : null;
        IReadOnlyList<Deadline> deadlines;
        try
        {
            deadlines = caseClock.Deadlines(type, request.ReceivedOn, creation is null ? [] : [creation.ToEvent()]);
        }
        catch (DeadlineRuleException e)
        {
            return Problems.Field("receivedOn", e.Reason);
        }

        var definition = WorkflowDefinitions.For(type);
        var final = deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Final)?.Date;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var c = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = await CaseNumbers.NextAsync(db, request.ReceivedOn, ct),
            Type = type,
            Subject = request.Subject.Trim(),
            RequesterName = request.RequesterName.Trim(),
            RequesterEmail = string.IsNullOrWhiteSpace(request.RequesterEmail) ? null : request.RequesterEmail.Trim(),
            ReceivedOn = request.ReceivedOn,
            State = definition.Initial,
            ManagingTeamId = team.Id,
            FinalDeadline = final,
            ScopePath = path,
            CreatedAt = now,
            LastEventAt = now,
        };
        var opening = AddWithOpening(db, c, actor.UserId, new CaseRoleHeld(CaseRole.Manager, team.Id), message: null, creation);
        await observers.AppendedAsync(db, c, opening, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}", await CaseDetails.BuildAsync(db, actor, c, caseClock, clock, ct));
    }

    /// <summary>
    /// Adds a new case with the first entry of its history (sequence 1, event "create", by the
    /// managing team, at the case's creation): shared by logging a case and by an appeal that
    /// opens an overturned one.
    /// </summary>
    internal static CaseTransition AddWithOpening(LnemisDbContext db, Case c, Guid? actorId, CaseRoleHeld by, string? message, DeadlineChange? creation)
    {
        db.Cases().Add(c);
        var opening = new CaseTransition
        {
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            Sequence = 1,
            Event = "create",
            ToState = c.State,
            ActorId = actorId,
            ActorRole = by.Role,
            ActorTeamId = by.TeamId,
            TeamId = c.ManagingTeamId,
            Message = message,
            DeadlineChange = creation,
            DeadlineAfter = c.FinalDeadline,
            At = c.CreatedAt,
        };
        db.CaseTransitions().Add(opening);
        return opening;
    }
}
