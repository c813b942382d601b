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

namespace Lnemis.Institutions.Features.Structure;

/// <summary>Adds a level of education with its grades (named in order; codes are the level code plus the position, e.g. PRIMARY-1).</summary>
public static class CreateLevel
{
    public sealed record Request(string Code, string Name, int IscedLevel, int EntranceAge, int DurationYears, int Sequence, IReadOnlyList<string>? Grades);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(24).Matches("^[A-Za-z0-9][A-Za-z0-9_]*$").WithMessage("Use letters, digits and underscores.");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.IscedLevel).InclusiveBetween(0, 8);
            RuleFor(r => r.EntranceAge).InclusiveBetween(0, 30);
            RuleFor(r => r.DurationYears).InclusiveBetween(1, 10);
            RuleFor(r => r.Sequence).InclusiveBetween(0, 100);
            RuleFor(r => r.Grades).Must((r, grades) => grades is null || grades.Count == 0 || grades.Count == r.DurationYears)
                .WithMessage("Name one grade per year of the level's duration.");
            RuleForEach(r => r.Grades).NotEmpty().MaximumLength(200);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/education/levels", HandleAsync).RequirePermission(StructurePermissions.Manage).Validate<Request>().WithTags("Education structure");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CancellationToken ct)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.Levels().AnyAsync(l => l.Code == code, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        var level = new EducationLevel
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = request.Name.Trim(),
            IscedLevel = request.IscedLevel,
            EntranceAge = request.EntranceAge,
            DurationYears = request.DurationYears,
            Sequence = request.Sequence,
        };
        var names = request.Grades is { Count: > 0 } given ? given : Enumerable.Range(1, request.DurationYears).Select(i => $"{level.Name} {i}").ToList();
        level.Grades = names.Select((name, i) => new Grade { Id = Guid.CreateVersion7(), LevelId = level.Id, Code = $"{code}-{i + 1}", Name = name.Trim(), Sequence = i + 1 }).ToList();
        if (await db.Grades().AnyAsync(g => level.Grades.Select(x => x.Code).Contains(g.Code), ct))
        {
            return Problems.Field("code", "Grades with this code prefix exist already.");
        }

        db.Levels().Add(level);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/education/levels/{level.Id}", LevelView.From(level));
    }
}
