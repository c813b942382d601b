using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>
/// Sets a case type's retention rule (national correspondence administrators: the rule applies
/// everywhere). The first change stores the rule; later changes need the version read (stale: 409).
/// A new rule applies to cases not yet marked due; cases already on the review list keep their date.
/// </summary>
public static class UpdateRetentionRule
{
    public sealed record Request(int KeepYears, RetentionAction Action, bool Automatic, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.KeepYears).InclusiveBetween(1, 100);
            RuleFor(r => r.Action).IsInEnum();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/correspondence/retention/rules/{type}", HandleAsync).RequirePermission(CorrespondencePermissions.Retention).Validate<Request>().WithTags("Correspondence retention");

    internal static async Task<IResult> HandleAsync(string type, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (CreateCase.ParseType(type) is not { } caseType)
        {
            return Problems.NotFound($"The case type '{type}'");
        }

        if (!actor.Access.Covers(CorrespondencePermissions.Retention, AccessScope.CountryPath))
        {
            return Problems.Forbidden("Retention rules apply nationally: only national correspondence administrators change them.");
        }

        var rule = await db.RetentionRules().FirstOrDefaultAsync(r => r.Type == caseType, ct);
        if (rule is null)
        {
            rule = new RetentionRule { Id = Guid.CreateVersion7(), Type = caseType };
            db.RetentionRules().Add(rule);
        }
        else if (request.Version is { } version && version != rule.Version)
        {
            return Problems.Conflict($"The rule has changed since you read it (version {version}, now {rule.Version}); reload it and try again.");
        }
        else
        {
            db.Entry(rule).Property(r => r.Version).OriginalValue = request.Version ?? rule.Version;
        }

        rule.KeepYears = request.KeepYears;
        rule.Action = request.Action;
        rule.Automatic = request.Automatic;
        rule.UpdatedAt = CaseRetentionWork.Now(clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ListRetentionRules.RuleView.From(rule, isDefault: false));
    }
}
