using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Areas;

/// <summary>Renames or re-codes an area. The version read with it must be sent back: a stale edit gets 409.</summary>
public static class UpdateArea
{
    public sealed record Request(string Code, string Name, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
                .WithMessage("Use letters, digits, dots, dashes and underscores.");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/areas/{id:guid}", HandleAsync).RequirePermission(AreaPermissions.Manage).Validate<Request>().WithTags("Areas");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var area = await db.Areas().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return Problems.NotFound("The area");
        }

        if (!actor.Access.Covers(AreaPermissions.Manage, area.ScopePath))
        {
            return Problems.Forbidden("You do not manage this area.");
        }

        var code = request.Code.Trim().ToUpperInvariant();
        if (code != area.Code && await db.Areas().IgnoreQueryFilters().AnyAsync(a => a.Code == code, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        db.Entry(area).Property(a => a.Version).OriginalValue = request.Version;
        area.Code = code;
        area.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AreaView.From(area));
    }
}
