using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

/// <summary>Registers a staff member with their first posting (position, level taught, start date).</summary>
public static class CreateStaffMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/staff", HandleAsync).RequirePermission(StaffPermissions.Manage).Validate<StaffFields>().WithTags("Staff");

    internal static async Task<IResult> HandleAsync(StaffFields request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var institution = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (institution is null)
        {
            return Problems.Field("institutionId", "No such institution.");
        }

        if (!actor.Access.Covers(StaffPermissions.Manage, institution.ScopePath))
        {
            return Problems.Forbidden("You can only register staff at an institution you manage.");
        }

        var errors = new Dictionary<string, string[]>();
        var number = request.StaffNumber.Trim().ToUpperInvariant();
        if (await db.Staff().IgnoreQueryFilters().AnyAsync(m => m.StaffNumber == number, ct))
        {
            errors["staffNumber"] = ["This staff number is already registered."];
        }

        if (await StaffMapping.UnknownLevelsAsync(db, request, ct) is { Count: > 0 } unknown)
        {
            errors["teachingLevel"] = [$"Unknown level(s): {string.Join(", ", unknown)}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var member = new StaffMember { Id = Guid.CreateVersion7(), StaffNumber = "", GivenName = "", FamilyName = "", ScopePath = "", CreatedAt = clock.GetUtcNow() };
        StaffMapping.Apply(member, request, institution);
        db.Staff().Add(member);
        db.Postings().Add(new Posting
        {
            Id = Guid.CreateVersion7(),
            StaffId = member.Id,
            InstitutionId = institution.Id,
            Position = string.IsNullOrWhiteSpace(request.Position) ? (request.Category == StaffCategory.Teaching ? "Teacher" : "Staff") : request.Position.Trim(),
            TeachingLevel = request.TeachingLevel?.Trim().ToUpperInvariant(),
            StartsOn = request.StartsOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/staff/{member.Id}", await StaffMapping.DetailAsync(db, member, ct));
    }
}
