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

/// <summary>Starts an institution's return for a round as a draft, filled in from the registry's infrastructure record.</summary>
public static class StartCensusReturn
{
    public sealed record Request(Guid RoundId, Guid InstitutionId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RoundId).NotEmpty();
            RuleFor(r => r.InstitutionId).NotEmpty();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/census/returns", HandleAsync).RequirePermission(CensusPermissions.Submit).Validate<Request>().WithTags("Census");

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var round = await db.CensusRounds().AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RoundId, ct);
        var institution = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        var errors = new Dictionary<string, string[]>();
        if (round is null)
        {
            errors["roundId"] = ["No such census round."];
        }

        if (institution is null)
        {
            errors["institutionId"] = ["No such institution."];
        }
        else if (institution.Status != InstitutionStatus.Open)
        {
            errors["institutionId"] = ["The institution is not open; closed and merged institutions make no return."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (!actor.Access.Covers(CensusPermissions.Submit, institution!.ScopePath))
        {
            return Problems.Forbidden("You cannot make this institution's census return.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (today < round!.OpensOn)
        {
            return Problems.Conflict($"The census opens on {round.OpensOn:yyyy-MM-dd}.");
        }

        var existing = await db.CensusReturns().Where(r => r.RoundId == round.Id && r.InstitutionId == institution.Id).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (existing != Guid.Empty)
        {
            return Problems.Conflict($"The institution's return for this round already exists: /api/v1/census/returns/{existing}.");
        }

        var now = clock.GetUtcNow();
        var censusReturn = new CensusReturn
        {
            Id = Guid.CreateVersion7(),
            RoundId = round.Id,
            InstitutionId = institution.Id,
            ScopePath = institution.ScopePath,
            Status = CensusReturnStatus.Draft,
            CreatedAt = now,
            Figures = new CensusFigures
            {
                ClassroomsUsable = institution.ClassroomsUsable,
                ClassroomsUnusable = institution.ClassroomsUnusable,
                ToiletsMale = institution.ToiletsMale,
                ToiletsFemale = institution.ToiletsFemale,
                ToiletsShared = institution.ToiletsShared,
                HasWater = institution.HasWater,
                HasElectricity = institution.HasElectricity,
                HasInternet = institution.HasInternet,
            },
        };
        db.CensusReturns().Add(censusReturn);
        CensusMapping.Record(db, censusReturn, "started", null, actor.UserId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/census/returns/{censusReturn.Id}", await CensusMapping.DetailAsync(db, censusReturn, ct));
    }
}
