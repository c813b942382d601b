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

/// <summary>
/// Creates (POST) or edits (PUT, with the version read) an academic year and its terms. Years do
/// not overlap; terms lie inside their year and do not overlap each other.
/// </summary>
public static class SaveAcademicYear
{
    public sealed record TermRequest(string Name, DateOnly StartsOn, DateOnly EndsOn);

    public sealed record Request(string Code, string Name, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<TermRequest>? Terms, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(30).Matches("^[0-9A-Za-z][0-9A-Za-z/_-]*$").WithMessage("Use digits, letters, '/', '-' or '_' (e.g. 2026 or 2026-27).");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.EndsOn).GreaterThan(r => r.StartsOn).WithMessage("The year must end after it starts.");
            RuleFor(r => r.EndsOn).Must((r, end) => end.DayNumber - r.StartsOn.DayNumber <= 400).WithMessage("A year lasts at most 400 days.");
            RuleForEach(r => r.Terms).ChildRules(t =>
            {
                t.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
                t.RuleFor(x => x.EndsOn).GreaterThan(x => x.StartsOn).WithMessage("A term must end after it starts.");
            });
            RuleFor(r => r.Terms).Must((r, terms) => terms is null || terms.All(t => t.StartsOn >= r.StartsOn && t.EndsOn <= r.EndsOn))
                .WithMessage("Terms must lie inside the year.");
            RuleFor(r => r.Terms).Must(terms => terms is null || !Overlap(terms)).WithMessage("Terms must not overlap.");
        }

        private static bool Overlap(IReadOnlyList<TermRequest> terms)
        {
            var ordered = terms.OrderBy(t => t.StartsOn).ToList();
            return ordered.Zip(ordered.Skip(1)).Any(pair => pair.Second.StartsOn <= pair.First.EndsOn);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/education/years", (Request request, LnemisDbContext db, CancellationToken ct) => HandleAsync(null, request, db, ct))
            .RequirePermission(StructurePermissions.Manage).Validate<Request>().WithTags("Education structure");
        api.MapPut("/education/years/{id:guid}", (Guid id, Request request, LnemisDbContext db, CancellationToken ct) => HandleAsync(id, request, db, ct))
            .RequirePermission(StructurePermissions.Manage).Validate<Request>().WithTags("Education structure");
    }

    internal static async Task<IResult> HandleAsync(Guid? id, Request request, LnemisDbContext db, CancellationToken ct)
    {
        AcademicYear? year = null;
        if (id is not null)
        {
            year = await db.AcademicYears().FirstOrDefaultAsync(y => y.Id == id, ct);
            if (year is null)
            {
                return Problems.NotFound("The academic year");
            }

            if (request.Version is not { } version)
            {
                return Problems.Field("version", "Send the version you read.");
            }

            db.Entry(year).Property(y => y.Version).OriginalValue = version;
        }

        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.AcademicYears().AnyAsync(y => y.Code == code && y.Id != id, ct))
        {
            return Problems.Field("code", "This code is already used.");
        }

        if (await db.AcademicYears().AnyAsync(y => y.Id != id && y.StartsOn <= request.EndsOn && request.StartsOn <= y.EndsOn, ct))
        {
            return Problems.Field("startsOn", "The dates overlap another academic year.");
        }

        if (year is null)
        {
            year = new AcademicYear { Id = Guid.CreateVersion7(), Code = code, Name = "" };
            db.AcademicYears().Add(year);
        }

        year.Code = code;
        year.Name = request.Name.Trim();
        year.StartsOn = request.StartsOn;
        year.EndsOn = request.EndsOn;
        year.Terms = (request.Terms ?? []).Select(t => new Term { Name = t.Name.Trim(), StartsOn = t.StartsOn, EndsOn = t.EndsOn }).ToList();
        await db.SaveChangesAsync(ct);
        var view = AcademicYearView.From(year);
        return id is null ? TypedResults.Created($"/api/v1/education/years/{year.Id}", view) : TypedResults.Ok(view);
    }
}
