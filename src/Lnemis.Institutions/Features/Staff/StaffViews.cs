using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Staff;

public static class StaffPermissions
{
    public const string Read = "staff.read";
    public const string Manage = "staff.manage";
}

public sealed record QualificationView(string Name, int? Year, IReadOnlyList<string> Levels);

public sealed record PostingView(Guid Id, Guid InstitutionId, string InstitutionName, string Position, string? TeachingLevel, DateOnly StartsOn, DateOnly? EndsOn);

public sealed record StaffSummary(Guid Id, string StaffNumber, string GivenName, string FamilyName, StaffCategory Category, Guid InstitutionId, string? InstitutionName);

/// <summary>A staff member; <c>qualifiedForLevelTaught</c> is null for non-teaching staff and for teachers with no level set.</summary>
public sealed record StaffDetail(
    Guid Id, string StaffNumber, string GivenName, string FamilyName, Sex Sex, DateOnly DateOfBirth, StaffCategory Category,
    string? Phone, string? Email, IReadOnlyList<QualificationView> Qualifications, Guid InstitutionId, bool? QualifiedForLevelTaught,
    IReadOnlyList<PostingView> Postings, long Version);

/// <summary>Fields of a staff member, shared by create and update. The first posting comes with the creation.</summary>
public sealed record StaffFields(
    string StaffNumber, string GivenName, string FamilyName, Sex Sex, DateOnly DateOfBirth, StaffCategory Category,
    string? Phone, string? Email, IReadOnlyList<QualificationView>? Qualifications,
    Guid InstitutionId, string? Position, string? TeachingLevel, DateOnly? StartsOn, long? Version);

public sealed class StaffFieldsValidator : AbstractValidator<StaffFields>
{
    public StaffFieldsValidator(TimeProvider clock)
    {
        RuleFor(r => r.StaffNumber).NotEmpty().MaximumLength(30).Matches("^[A-Za-z0-9][A-Za-z0-9/-]*$").WithMessage("Use letters, digits, '/' and '-'.");
        RuleFor(r => r.GivenName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.FamilyName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Sex).IsInEnum();
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.DateOfBirth)
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-15)).WithMessage("Staff are at least 15 years old.")
            .Must(d => d.Year >= 1900).WithMessage("The date of birth is too far in the past.");
        RuleFor(r => r.Phone).MaximumLength(50).Matches(@"^\+?[0-9 ()-]{5,}$").When(r => !string.IsNullOrEmpty(r.Phone));
        RuleFor(r => r.Email).MaximumLength(320).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email));
        RuleFor(r => r.InstitutionId).NotEmpty();
        RuleFor(r => r.Position).MaximumLength(100);
        RuleFor(r => r.TeachingLevel).MaximumLength(30);
        RuleForEach(r => r.Qualifications).ChildRules(q =>
        {
            q.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            q.RuleFor(x => x.Year).InclusiveBetween(1950, 2100);
        });
    }
}

internal static class StaffMapping
{
    public static void Apply(StaffMember target, StaffFields fields, Institution institution) => Apply(target, fields, institution.Id, institution.ScopePath);

    public static void Apply(StaffMember target, StaffFields fields, Guid institutionId, string scopePath)
    {
        target.StaffNumber = fields.StaffNumber.Trim().ToUpperInvariant();
        target.GivenName = fields.GivenName.Trim();
        target.FamilyName = fields.FamilyName.Trim();
        target.Sex = fields.Sex;
        target.DateOfBirth = fields.DateOfBirth;
        target.Category = fields.Category;
        target.Phone = string.IsNullOrWhiteSpace(fields.Phone) ? null : fields.Phone.Trim();
        target.Email = string.IsNullOrWhiteSpace(fields.Email) ? null : fields.Email.Trim();
        target.Qualifications = (fields.Qualifications ?? []).Select(q => new Qualification
        {
            Name = q.Name.Trim(),
            Year = q.Year,
            Levels = string.Join(' ', (q.Levels ?? []).Select(l => l.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)),
        }).ToList();
        target.InstitutionId = institutionId;
        target.ScopePath = scopePath;
        target.SearchText = SearchText.Of(target.StaffNumber, target.GivenName, target.FamilyName);
    }

    /// <summary>Level codes among the fields that the structure does not know (qualifications and level taught).</summary>
    public static async Task<List<string>> UnknownLevelsAsync(LnemisDbContext db, StaffFields fields, CancellationToken ct)
    {
        var codes = (fields.Qualifications ?? []).SelectMany(q => q.Levels ?? []).Append(fields.TeachingLevel)
            .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Levels().Where(l => codes.Contains(l.Code)).Select(l => l.Code).ToListAsync(ct);
        return codes.Except(known, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether one of the staff member's qualifications covers the level (code) taught.</summary>
    public static bool IsQualifiedFor(StaffMember m, string level) =>
        m.Qualifications.Any(q => q.Levels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(level, StringComparer.Ordinal));

    public static async Task<StaffDetail> DetailAsync(LnemisDbContext db, StaffMember m, CancellationToken ct)
    {
        var postings = await db.Postings().AsNoTracking().Where(p => p.StaffId == m.Id).OrderByDescending(p => p.StartsOn).ToListAsync(ct);
        var ids = postings.Select(p => p.InstitutionId).Distinct().ToList();
        var names = await db.Institutions().IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var current = postings.FirstOrDefault(p => p.EndsOn is null);
        bool? qualified = m.Category == StaffCategory.Teaching && current?.TeachingLevel is { } level
            ? IsQualifiedFor(m, level)
            : null;
        return new StaffDetail(
            m.Id, m.StaffNumber, m.GivenName, m.FamilyName, m.Sex, m.DateOfBirth, m.Category, m.Phone, m.Email,
            m.Qualifications.Select(q => new QualificationView(q.Name, q.Year, q.Levels.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList(),
            m.InstitutionId, qualified,
            postings.Select(p => new PostingView(p.Id, p.InstitutionId, names.GetValueOrDefault(p.InstitutionId, ""), p.Position, p.TeachingLevel, p.StartsOn, p.EndsOn)).ToList(),
            m.Version);
    }
}
