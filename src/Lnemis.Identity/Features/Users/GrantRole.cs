using FluentValidation;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Features.Users;

/// <summary>
/// Grants a role at a scope. The administrator must manage users at that place and hold every
/// permission the role gives there: nobody can hand out more than they have.
/// </summary>
public static class GrantRole
{
    public sealed record Request(string Role, ScopeKind ScopeKind, Guid? ScopeId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Role).NotEmpty().Must(r => RoleCatalog.Find(r) is not null).WithMessage("Unknown role.");
            RuleFor(r => r.ScopeKind).IsInEnum()
                .Must((r, kind) => RoleCatalog.Find(r.Role)?.ScopeKinds.Contains(kind) != false)
                .WithMessage(r => $"{r.Role} cannot be granted at this kind of scope.");
            RuleFor(r => r.ScopeId).NotNull().When(r => r.ScopeKind != ScopeKind.Country).WithMessage("Choose where the role applies.");
            RuleFor(r => r.ScopeId).Null().When(r => r.ScopeKind == ScopeKind.Country).WithMessage("A national grant has no scope id.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{id:guid}/grants", HandleAsync).RequirePermission(IdentityPermissions.UsersManage).Validate<Request>().WithTags("Users");

    internal static async Task<IResult> HandleAsync(
        Guid id, Request request, LnemisDbContext db, CurrentActor actor, IEnumerable<IScopeDirectory> directories, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.VisibleUsers(actor, IdentityPermissions.UsersManage).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("The user");
        }

        ScopeNode? node = request.ScopeKind == ScopeKind.Country
            ? new ScopeNode(AccessScope.CountryPath, "National")
            : directories.FirstOrDefault(d => d.Kinds.Contains(request.ScopeKind)) is { } directory
                ? await directory.FindAsync(request.ScopeKind, request.ScopeId!.Value, ct)
                : null;
        if (node is null)
        {
            return Problems.Field("scopeId", "No such place, or it is outside what you manage.");
        }

        var role = RoleCatalog.Find(request.Role)!;
        if (!actor.Access.Covers(IdentityPermissions.UsersManage, node.Path)
            || role.Permissions.Any(p => !actor.Access.Covers(p, node.Path)))
        {
            return Problems.Forbidden("You can only grant roles within your scope and with permissions you hold there.");
        }

        if (await db.RoleGrants().AnyAsync(g => g.UserId == id && g.Role == role.Name && g.ScopePath == node.Path, ct))
        {
            return Problems.Conflict("The user already has this role there.");
        }

        var grant = new RoleGrant
        {
            Id = Guid.CreateVersion7(),
            UserId = id,
            Role = role.Name,
            ScopeKind = request.ScopeKind,
            ScopeId = request.ScopeId,
            ScopePath = node.Path,
            ScopeName = node.Name,
            CreatedAt = clock.GetUtcNow(),
            GrantedBy = actor.UserId,
        };
        db.RoleGrants().Add(grant);
        await db.SaveChangesAsync(ct);
        await AccessVersion.ChangedAsync(db, ct);
        return TypedResults.Created(
            $"/api/v1/users/{id}/grants/{grant.Id}",
            new UserVisibility.GrantView(grant.Id, grant.Role, grant.ScopeKind, grant.ScopeId, grant.ScopeName));
    }
}
