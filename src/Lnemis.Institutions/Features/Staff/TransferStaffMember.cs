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

namespace Lnemis.Institutions.Features.Staff;

/// <summary>
/// Posts a staff member to another institution from a date: the current posting ends the day
/// before, a new one starts, the record moves to the new school's scope; history is kept.
/// Needs the right to manage staff at both schools (an area officer, not a head teacher).
/// </summary>
public static class TransferStaffMember
{
    public sealed record Request(Guid InstitutionId, DateOnly StartsOn, string? Position, string? TeachingLevel, long Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.InstitutionId).NotEmpty();
            RuleFor(r => r.Position).MaximumLength(100);
            RuleFor(r => r.TeachingLevel).MaximumLength(30);
            RuleFor(r => r.Version).GreaterThan(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/staff/{id:guid}/transfer", HandleAsync).RequirePermission(StaffPermissions.Manage).Validate<Request>().WithTags("Staff");

    internal static async Task<IResult> HandleAsync(Guid id, Request request, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var member = await db.Staff().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return Problems.NotFound("The staff member");
        }

        var target = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (target is null)
        {
            return Problems.Field("institutionId", "No such institution.");
        }

        if (!actor.Access.Covers(StaffPermissions.Manage, member.ScopePath) || !actor.Access.Covers(StaffPermissions.Manage, target.ScopePath))
        {
            return Problems.Forbidden("A transfer needs the right to manage staff at both institutions.");
        }

        if (target.Id == member.InstitutionId)
        {
            return Problems.Field("institutionId", "The staff member is already posted there.");
        }

        if (target.Status != InstitutionStatus.Open)
        {
            return Problems.Field("institutionId", "The institution is not open.");
        }

        var level = request.TeachingLevel?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(level) && !await db.Levels().AnyAsync(l => l.Code == level, ct))
        {
            return Problems.Field("teachingLevel", $"Unknown level {level}.");
        }

        var current = await db.Postings().Where(p => p.StaffId == id && p.EndsOn == null).OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
        if (current is not null && request.StartsOn <= current.StartsOn)
        {
            return Problems.Field("startsOn", $"The new posting must start after the current one (from {current.StartsOn:yyyy-MM-dd}).");
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = request.Version;
        if (current is not null)
        {
            current.EndsOn = request.StartsOn.AddDays(-1);
        }

        db.Postings().Add(new Posting
        {
            Id = Guid.CreateVersion7(),
            StaffId = id,
            InstitutionId = target.Id,
            Position = string.IsNullOrWhiteSpace(request.Position) ? current?.Position ?? "Teacher" : request.Position.Trim(),
            TeachingLevel = string.IsNullOrEmpty(level) ? current?.TeachingLevel : level,
            StartsOn = request.StartsOn,
        });
        member.InstitutionId = target.Id;
        member.ScopePath = target.ScopePath;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await StaffMapping.DetailAsync(db, member, ct));
    }
}
