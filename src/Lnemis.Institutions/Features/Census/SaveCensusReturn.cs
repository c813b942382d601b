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

/// <summary>Saves the figures of a draft or returned return. Submitted returns wait for review; approved ones are locked.</summary>
public static class SaveCensusReturn
{
    public sealed record Request(CensusFigures Figures, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Figures).NotNull().SetValidator(new CensusFiguresValidator());
            RuleFor(r => r.Version).NotNull().WithMessage("Send the version you read.");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/census/returns/{id:guid}", HandleAsync).RequirePermission(CensusPermissions.Submit).Validate<Request>().WithTags("Census");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var censusReturn = await db.CensusReturns().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (censusReturn is null)
        {
            return Problems.NotFound("The census return");
        }

        if (!actor.Access.Covers(CensusPermissions.Submit, censusReturn.ScopePath))
        {
            return Problems.Forbidden("You cannot edit this institution's census return.");
        }

        if (!CensusMapping.IsEditable(censusReturn))
        {
            return Problems.Conflict(censusReturn.Status == CensusReturnStatus.Approved
                ? "The return is approved and locked."
                : "The return is waiting for review; it can be edited again if the district returns it.");
        }

        db.Entry(censusReturn).Property(r => r.Version).OriginalValue = request.Version!.Value;
        censusReturn.Figures = request.Figures;
        censusReturn.Figures.Remarks = string.IsNullOrWhiteSpace(request.Figures.Remarks) ? null : request.Figures.Remarks.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CensusMapping.DetailAsync(db, censusReturn, ct));
    }
}
