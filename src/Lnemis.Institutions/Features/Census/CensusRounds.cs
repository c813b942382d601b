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

namespace Lnemis.Institutions.Features.Census;

/// <summary>Census rounds: one per academic year, with its opening day, deadline and reminder days. Anyone who reads the census sees the rounds.</summary>
public static class CensusRounds
{
    public sealed record Request(Guid AcademicYearId, string Name, DateOnly OpensOn, DateOnly Deadline, IReadOnlyList<int>? ReminderDays, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AcademicYearId).NotEmpty();
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Deadline).GreaterThanOrEqualTo(r => r.OpensOn).WithMessage("The deadline cannot be before the census opens.");
            RuleForEach(r => r.ReminderDays).InclusiveBetween(0, 365);
            RuleFor(r => r.ReminderDays).Must(d => d is null || d.Count <= 10).WithMessage("At most 10 reminder days.");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/census/rounds", ListAsync).RequirePermission(CensusPermissions.Read).WithTags("Census");
        api.MapPost("/census/rounds", CreateAsync).RequirePermission(CensusPermissions.Manage).Validate<Request>().WithTags("Census");
        api.MapPut("/census/rounds/{id:guid}", UpdateAsync).RequirePermission(CensusPermissions.Manage).Validate<Request>().WithTags("Census");
    }

    internal static async Task<IResult> ListAsync(int? page, int? pageSize, ReplicaDbContext db, CancellationToken ct)
    {
        var result = await db.CensusRounds().AsNoTracking()
            .Join(db.AcademicYears(), r => r.AcademicYearId, y => y.Id, (r, y) => new { Round = r, Year = y })
            .OrderByDescending(x => x.Year.StartsOn)
            .Select(x => new { x.Round, x.Year.Code })
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(x => CensusMapping.View(x.Round, x.Code)));
    }

    internal static async Task<IResult> CreateAsync(Request request, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var year = await db.AcademicYears().AsNoTracking().FirstOrDefaultAsync(y => y.Id == request.AcademicYearId, ct);
        if (year is null)
        {
            return Problems.Field("academicYearId", "No such academic year.");
        }

        if (await db.CensusRounds().AnyAsync(r => r.AcademicYearId == year.Id, ct))
        {
            return Problems.Field("academicYearId", "This academic year already has a census round.");
        }

        var round = new CensusRound
        {
            Id = Guid.CreateVersion7(),
            AcademicYearId = year.Id,
            CreatedAt = clock.GetUtcNow(),
            Name = "",
        };
        Apply(round, request);
        db.CensusRounds().Add(round);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/census/rounds/{round.Id}", CensusMapping.View(round, year.Code));
    }

    internal static async Task<IResult> UpdateAsync(Guid id, Request request, LnemisDbContext db, CancellationToken ct)
    {
        var round = await db.CensusRounds().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Problems.NotFound("The census round");
        }

        if (request.Version is not { } version)
        {
            return Problems.Field("version", "Send the version you read.");
        }

        if (request.AcademicYearId != round.AcademicYearId)
        {
            return Problems.Field("academicYearId", "A round stays with its academic year.");
        }

        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        Apply(round, request);
        await db.SaveChangesAsync(ct);
        var code = await db.AcademicYears().Where(y => y.Id == round.AcademicYearId).Select(y => y.Code).FirstAsync(ct);
        return TypedResults.Ok(CensusMapping.View(round, code));
    }

    private static void Apply(CensusRound round, Request request)
    {
        round.Name = request.Name.Trim();
        round.OpensOn = request.OpensOn;
        round.Deadline = request.Deadline;
        round.ReminderDays = string.Join(' ', (request.ReminderDays ?? [14, 7, 1]).Distinct().OrderDescending());
    }
}
