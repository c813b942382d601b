using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Areas;

/// <summary>Adds an area under a parent the caller manages (a top-level area needs a national grant).</summary>
public static class CreateArea
{
    public sealed record Request(string Code, string Name, Guid? ParentId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
                .WithMessage("Use letters, digits, dots, dashes and underscores.");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/areas", HandleAsync).RequirePermission(AreaPermissions.Manage).Validate<Request>().WithTags("Areas");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        Area? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Areas().AsNoTracking().FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                return Problems.Field("parentId", "No such area.");
            }
        }

        if (!actor.Access.Covers(AreaPermissions.Manage, parent?.ScopePath ?? AccessScope.CountryPath))
        {
            return Problems.Forbidden("You can only add areas inside an area you manage.");
        }

        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Areas().IgnoreQueryFilters().AnyAsync(a => a.Code == code, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        var id = Guid.CreateVersion7();
        var area = new Area
        {
            Id = id,
            Code = code,
            Name = request.Name.Trim(),
            ParentId = parent?.Id,
            Level = (parent?.Level ?? -1) + 1,
            ScopePath = Area.PathFor(parent, id),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Areas().Add(area);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/areas/{area.Id}", AreaView.From(area));
    }
}
