using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Teams;

/// <summary>
/// Adds a business group (national administrators), a directorate under a group, or a business
/// unit under a directorate. A unit plays one role on cases; an approver unit clears one step.
/// </summary>
public static class CreateTeam
{
    public sealed record Request(string Code, string Name, TeamKind Kind, Guid? ParentId, CaseRole? Role, string? ClearanceStep);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
                .WithMessage("Use letters, digits, dots, dashes and underscores.");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Kind).IsInEnum();
            RuleFor(r => r.ParentId).Null().When(r => r.Kind == TeamKind.BusinessGroup).WithMessage("A business group is at the top of the tree.");
            RuleFor(r => r.ParentId).NotNull().When(r => r.Kind != TeamKind.BusinessGroup).WithMessage("Choose the team above this one.");
            RuleFor(r => r.Role).NotNull().When(r => r.Kind == TeamKind.BusinessUnit).WithMessage("A business unit is a manager, responder or approver unit.");
            RuleFor(r => r.Role).Null().When(r => r.Kind != TeamKind.BusinessUnit).WithMessage("Only business units play a role on cases.");
            RuleFor(r => r.ClearanceStep).NotEmpty().When(r => r.Role == CaseRole.Approver).WithMessage("Say which clearance step the approver unit clears.")
                .Must(s => s is null || CorrespondencePermissions.ClearanceSteps.Contains(s))
                .WithMessage($"Clearance steps are: {string.Join(", ", CorrespondencePermissions.ClearanceSteps)}.");
            RuleFor(r => r.ClearanceStep).Null().When(r => r.Role != CaseRole.Approver).WithMessage("Only approver units clear a step.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/teams", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags("Teams");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        Team? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == parentId, ct);
            if (parent is null)
            {
                return Problems.Field("parentId", "No such team.");
            }

            var expected = request.Kind == TeamKind.Directorate ? TeamKind.BusinessGroup : TeamKind.Directorate;
            if (parent.Kind != expected)
            {
                return Problems.Field("parentId", $"A {Words(request.Kind)} belongs to a {Words(expected)}.");
            }
        }

        if (!actor.Access.Covers(CorrespondencePermissions.TeamsManage, parent?.ScopePath ?? AccessScope.CountryPath))
        {
            return Problems.Forbidden("You can only add teams inside a team you manage.");
        }

        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Teams().IgnoreQueryFilters().AnyAsync(t => t.Code == code, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        var id = Guid.CreateVersion7();
        var team = new Team
        {
            Id = id,
            Code = code,
            Name = request.Name.Trim(),
            Kind = request.Kind,
            ParentId = parent?.Id,
            Role = request.Role,
            ClearanceStep = request.ClearanceStep,
            ScopePath = Team.PathFor(parent, id),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Teams().Add(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", TeamView.From(team));
    }

    internal static string Words(TeamKind kind) => kind switch
    {
        TeamKind.BusinessGroup => "business group",
        TeamKind.Directorate => "directorate",
        _ => "business unit",
    };
}
