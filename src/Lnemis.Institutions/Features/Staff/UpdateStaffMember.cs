using Lnemis.Institutions.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>Corrects a staff member's details and qualifications (version required; stale → 409). The posting changes only by transfer.</summary>
public static class UpdateStaffMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/staff/{id:guid}", HandleAsync).RequirePermission(StaffPermissions.Manage).Validate<StaffFields>().WithTags("Staff");

    internal static async Task<IResult> HandleAsync(Guid id, StaffFields request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var member = await db.Staff().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return Problems.NotFound("The staff member");
        }

        if (!actor.Access.Covers(StaffPermissions.Manage, member.ScopePath))
        {
            return Problems.Forbidden("You do not manage this staff member's records.");
        }

        if (request.Version is not { } version)
        {
            return Problems.Field("version", "Send the version you read.");
        }

        if (request.InstitutionId != member.InstitutionId)
        {
            return Problems.Field("institutionId", "Use a transfer to post a staff member elsewhere.");
        }

        var errors = new Dictionary<string, string[]>();
        var number = request.StaffNumber.Trim().ToUpperInvariant();
        if (number != member.StaffNumber && await db.Staff().IgnoreQueryFilters().AnyAsync(m => m.StaffNumber == number, ct))
        {
            errors["staffNumber"] = ["This staff number is already registered."];
        }

        if (await StaffMapping.UnknownLevelsAsync(db, request, ct) is { Count: > 0 } unknown)
        {
            errors["qualifications"] = [$"Unknown level(s): {string.Join(", ", unknown)}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var institution = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking().SingleAsync(i => i.Id == member.InstitutionId, ct);
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        StaffMapping.Apply(member, request, institution);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await StaffMapping.DetailAsync(db, member, ct));
    }
}
