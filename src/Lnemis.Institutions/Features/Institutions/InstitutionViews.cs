using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Institutions;

public static class InstitutionPermissions
{
    public const string Read = "institutions.read";
    public const string Manage = "institutions.manage";
}

/// <summary>The event types this module publishes about institutions.</summary>
public static class InstitutionEvents
{
    public const string Created = "institution.created";
    public const string Updated = "institution.updated";
    public const string Closed = "institution.closed";
}

public sealed record InstitutionSummary(
    Guid Id, string Code, string Name, InstitutionType Type, Ownership Ownership, InstitutionStatus Status,
    Guid AreaId, string AreaName, IReadOnlyList<string> Levels, double? Latitude, double? Longitude, long Version);

public sealed record StatusChangeView(InstitutionStatus From, InstitutionStatus To, Guid? SuccessorId, DateOnly EffectiveOn, string Reason, DateTimeOffset ChangedAt);

public sealed record InstitutionDetail(
    Guid Id, string Code, string Name, InstitutionType Type, Ownership Ownership, IReadOnlyList<string> Levels,
    InstitutionStatus Status, Guid? SuccessorId, DateOnly? StatusChangedOn, string? StatusReason,
    Guid AreaId, string AreaName, double? Latitude, double? Longitude, string? Address, string? Phone, string? Email,
    Infrastructure Infrastructure, Shift Shift, DateTimeOffset CreatedAt, long Version,
    IReadOnlyList<StatusChangeView> History, IReadOnlyList<Guid> Predecessors);

public sealed record Infrastructure(
    int ClassroomsUsable, int ClassroomsUnusable, bool HasWater, bool HasElectricity, bool HasInternet,
    int ToiletsMale, int ToiletsFemale, int ToiletsShared);

/// <summary>The editable fields of an institution, shared by create and update.</summary>
public sealed record InstitutionFields(
    string Code, string Name, InstitutionType Type, Ownership Ownership, IReadOnlyList<string>? Levels,
    Guid AreaId, double? Latitude, double? Longitude, string? Address, string? Phone, string? Email,
    Infrastructure? Infrastructure, Shift? Shift, long? Version);

public sealed class InstitutionFieldsValidator : AbstractValidator<InstitutionFields>
{
    public InstitutionFieldsValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._/-]*$").WithMessage("Use letters, digits, dots, dashes, slashes and underscores.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(300);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Ownership).IsInEnum();
        RuleFor(r => r.Shift).IsInEnum();
        RuleFor(r => r.AreaId).NotEmpty();
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90);
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180);
        RuleFor(r => r.Longitude).NotNull().When(r => r.Latitude is not null).WithMessage("Give both latitude and longitude, or neither.");
        RuleFor(r => r.Latitude).NotNull().When(r => r.Longitude is not null).WithMessage("Give both latitude and longitude, or neither.");
        RuleFor(r => r.Address).MaximumLength(500);
        RuleFor(r => r.Phone).MaximumLength(50).Matches(@"^\+?[0-9 ()-]{5,}$").When(r => !string.IsNullOrEmpty(r.Phone)).WithMessage("Enter a phone number (digits, spaces, +, -, brackets).");
        RuleFor(r => r.Email).MaximumLength(320).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email));
        RuleForEach(r => r.Levels).NotEmpty().MaximumLength(30);
        RuleFor(r => r.Infrastructure).ChildRules(i =>
        {
            i.RuleFor(x => x!.ClassroomsUsable).InclusiveBetween(0, 10_000);
            i.RuleFor(x => x!.ClassroomsUnusable).InclusiveBetween(0, 10_000);
            i.RuleFor(x => x!.ToiletsMale).InclusiveBetween(0, 10_000);
            i.RuleFor(x => x!.ToiletsFemale).InclusiveBetween(0, 10_000);
            i.RuleFor(x => x!.ToiletsShared).InclusiveBetween(0, 10_000);
        }).When(r => r.Infrastructure is not null);
    }
}

internal static class InstitutionMapping
{
    /// <summary>Checks the fields against the database (area is a leaf the caller manages, level codes exist, code is free) and copies them.</summary>
    public static async Task<Dictionary<string, string[]>> ApplyAsync(LnemisDbContext db, Institution target, InstitutionFields fields, Area area, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = fields.Code.Trim().ToUpperInvariant();
        if (code != target.Code && await db.Institutions().IgnoreQueryFilters().AnyAsync(i => i.Code == code, ct))
        {
            errors["code"] = ["This code is already used by another institution."];
        }

        if (await db.Areas().AnyAsync(a => a.ParentId == area.Id, ct))
        {
            errors["areaId"] = ["Choose the lowest-level area (e.g. the district), not one with areas below it."];
        }

        var levels = (fields.Levels ?? []).Select(l => l.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Levels().Where(l => levels.Contains(l.Code)).Select(l => l.Code).ToListAsync(ct);
        var unknown = levels.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors["levels"] = [$"Unknown level(s): {string.Join(", ", unknown)}."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Copy(target, fields with { Code = code, Levels = levels }, area);
        return errors;
    }

    /// <summary>Copies checked fields (code upper-cased, levels known and distinct) onto the institution.</summary>
    public static void Copy(Institution target, InstitutionFields fields, Area area)
    {
        var infrastructure = fields.Infrastructure ?? new Infrastructure(0, 0, false, false, false, 0, 0, 0);
        target.Code = fields.Code;
        target.Name = fields.Name.Trim();
        target.Type = fields.Type;
        target.Ownership = fields.Ownership;
        target.Levels = string.Join(' ', fields.Levels ?? []);
        target.AreaId = area.Id;
        target.ScopePath = Institution.PathFor(area.ScopePath, target.Id);
        target.Latitude = fields.Latitude;
        target.Longitude = fields.Longitude;
        target.Address = Blank(fields.Address);
        target.Phone = Blank(fields.Phone);
        target.Email = Blank(fields.Email);
        target.ClassroomsUsable = infrastructure.ClassroomsUsable;
        target.ClassroomsUnusable = infrastructure.ClassroomsUnusable;
        target.HasWater = infrastructure.HasWater;
        target.HasElectricity = infrastructure.HasElectricity;
        target.HasInternet = infrastructure.HasInternet;
        target.ToiletsMale = infrastructure.ToiletsMale;
        target.ToiletsFemale = infrastructure.ToiletsFemale;
        target.ToiletsShared = infrastructure.ToiletsShared;
        target.Shift = fields.Shift ?? Shift.Single;
        target.SearchText = SearchText.Of(target.Code, target.Name);
    }

    public static async Task<InstitutionDetail> DetailAsync(LnemisDbContext db, Institution i, CancellationToken ct)
    {
        var areaName = await db.Areas().IgnoreQueryFilters().Where(a => a.Id == i.AreaId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var history = await db.InstitutionStatusChanges().AsNoTracking().Where(c => c.InstitutionId == i.Id).OrderBy(c => c.ChangedAt)
            .Select(c => new StatusChangeView(c.From, c.To, c.SuccessorId, c.EffectiveOn, c.Reason, c.ChangedAt)).ToListAsync(ct);
        var predecessors = await db.Institutions().Where(p => p.SuccessorId == i.Id).Select(p => p.Id).ToListAsync(ct);
        return new InstitutionDetail(
            i.Id, i.Code, i.Name, i.Type, i.Ownership, i.LevelCodes, i.Status, i.SuccessorId, i.StatusChangedOn, i.StatusReason,
            i.AreaId, areaName, i.Latitude, i.Longitude, i.Address, i.Phone, i.Email,
            new Infrastructure(i.ClassroomsUsable, i.ClassroomsUnusable, i.HasWater, i.HasElectricity, i.HasInternet, i.ToiletsMale, i.ToiletsFemale, i.ToiletsShared),
            i.Shift, i.CreatedAt, i.Version, history, predecessors);
    }

    /// <summary>The data an institution event carries.</summary>
    public static object EventData(Institution i) => new
    {
        i.Id,
        i.Code,
        i.Name,
        Type = i.Type.ToString(),
        Ownership = i.Ownership.ToString(),
        Status = i.Status.ToString(),
        i.AreaId,
        i.SuccessorId,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
