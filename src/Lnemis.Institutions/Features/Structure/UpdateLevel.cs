using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Structure;

/// <summary>Edits a level's name, ISCED mapping, entrance age and order (the grades keep their codes). A stale version gets 409.</summary>
public static class UpdateLevel
{
    public sealed record Request(string Name, int IscedLevel, int EntranceAge, int Sequence, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.IscedLevel).InclusiveBetween(0, 8);
            RuleFor(r => r.EntranceAge).InclusiveBetween(0, 30);
            RuleFor(r => r.Sequence).InclusiveBetween(0, 100);
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/education/levels/{id:guid}", HandleAsync).RequirePermission(StructurePermissions.Manage).Validate<Request>().WithTags("Education structure");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CancellationToken ct)
    {
        var level = await db.Levels().Include(l => l.Grades).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (level is null)
        {
            return Problems.NotFound("The level");
        }

        db.Entry(level).Property(l => l.Version).OriginalValue = request.Version;
        level.Name = request.Name.Trim();
        level.IscedLevel = request.IscedLevel;
        level.EntranceAge = request.EntranceAge;
        level.Sequence = request.Sequence;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LevelView.From(level));
    }
}
