using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace Lnemis.Institutions.Features.Learners;

public static class LearnerPermissions
{
    public const string Read = "learners.read";
    public const string Manage = "learners.manage";
}

public static class LearnerEvents
{
    public const string Created = "learner.created";
}

public sealed record GuardianView(string Name, string Relationship, string? Phone, string? Email);

public sealed record LearnerSummary(
    Guid Id, string LearnerNumber, string GivenName, string FamilyName, Sex Sex, DateOnly DateOfBirth, Guid InstitutionId, string? InstitutionName, LearnerStatus Status);

public sealed record LearnerDetail(
    Guid Id, string LearnerNumber, string GivenName, string FamilyName, string? OtherNames, Sex Sex, DateOnly DateOfBirth,
    bool HasBirthCertificate, IReadOnlyList<string> SpecialNeeds, IReadOnlyList<GuardianView> Guardians, bool HasNationalId,
    Guid InstitutionId, LearnerStatus Status, Guid? MergedIntoId, DateTimeOffset CreatedAt, long Version)
{
    public static LearnerDetail From(Learner l) => new(
        l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.OtherNames, l.Sex, l.DateOfBirth, l.HasBirthCertificate,
        l.SpecialNeeds.Split(' ', StringSplitOptions.RemoveEmptyEntries), l.Guardians.Select(g => new GuardianView(g.Name, g.Relationship, g.Phone, g.Email)).ToList(),
        l.HasNationalId, l.InstitutionId, l.Status, l.MergedIntoId, l.CreatedAt, l.Version);
}

/// <summary>The editable fields of a learner, shared by create and update.</summary>
public sealed record LearnerFields(
    string GivenName, string FamilyName, string? OtherNames, Sex Sex, DateOnly DateOfBirth, bool HasBirthCertificate,
    IReadOnlyList<string>? SpecialNeeds, IReadOnlyList<GuardianView>? Guardians, string? NationalId,
    Guid InstitutionId, bool ConfirmedNotDuplicate, long? Version);

public sealed class LearnerFieldsValidator : AbstractValidator<LearnerFields>
{
    public LearnerFieldsValidator(TimeProvider clock)
    {
        RuleFor(r => r.GivenName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.FamilyName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.OtherNames).MaximumLength(200);
        RuleFor(r => r.Sex).IsInEnum();
        RuleFor(r => r.DateOfBirth)
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date of birth is in the future.")
            .Must(d => d.Year >= 1900).WithMessage("The date of birth is too far in the past.");
        RuleFor(r => r.InstitutionId).NotEmpty();
        RuleFor(r => r.NationalId).MaximumLength(50).Matches("^[A-Za-z0-9-]+$").When(r => !string.IsNullOrEmpty(r.NationalId))
            .WithMessage("Use letters, digits and dashes.");
        RuleForEach(r => r.SpecialNeeds).NotEmpty().MaximumLength(30);
        RuleFor(r => r.Guardians).Must(g => g is null || g.Count <= 5).WithMessage("At most five guardians.");
        RuleForEach(r => r.Guardians).ChildRules(g =>
        {
            g.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            g.RuleFor(x => x.Relationship).NotEmpty().MaximumLength(50);
            g.RuleFor(x => x.Phone).MaximumLength(50).Matches(@"^\+?[0-9 ()-]{5,}$").When(x => !string.IsNullOrEmpty(x.Phone));
            g.RuleFor(x => x.Email).MaximumLength(320).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        });
    }
}

/// <summary>Encrypts national ids at rest with the data-protection keys (kept in the database, shared by every instance).</summary>
public sealed class NationalIds(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Lnemis.Institutions.Learner.NationalId.v1");

    public string Protect(string nationalId) => protector.Protect(nationalId.Trim().ToUpperInvariant());

    public string Unprotect(string stored) => protector.Unprotect(stored);
}

internal static class LearnerMapping
{
    public static void Apply(Learner target, LearnerFields fields, Institution institution, NationalIds nationalIds)
    {
        target.GivenName = fields.GivenName.Trim();
        target.FamilyName = fields.FamilyName.Trim();
        target.OtherNames = string.IsNullOrWhiteSpace(fields.OtherNames) ? null : fields.OtherNames.Trim();
        target.Sex = fields.Sex;
        target.DateOfBirth = fields.DateOfBirth;
        target.HasBirthCertificate = fields.HasBirthCertificate;
        target.SpecialNeeds = string.Join(' ', (fields.SpecialNeeds ?? []).Select(n => n.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal));
        target.Guardians = (fields.Guardians ?? []).Select(g => new Guardian
        {
            Name = g.Name.Trim(),
            Relationship = g.Relationship.Trim(),
            Phone = string.IsNullOrWhiteSpace(g.Phone) ? null : g.Phone.Trim(),
            Email = string.IsNullOrWhiteSpace(g.Email) ? null : g.Email.Trim(),
        }).ToList();
        if (!string.IsNullOrWhiteSpace(fields.NationalId))
        {
            target.NationalIdProtected = nationalIds.Protect(fields.NationalId);
            target.HasNationalId = true;
        }

        target.InstitutionId = institution.Id;
        target.ScopePath = institution.ScopePath;
        RefreshSearchText(target);
    }

    /// <summary>
    /// What name search matches on; set wherever a learner's names change. The learner number is
    /// left out: it is searched exactly (it carries a check digit), and its ten digits would be a
    /// third of the trigram index that every new learner pays for.
    /// </summary>
    public static void RefreshSearchText(Learner learner) =>
        learner.SearchText = SearchText.Of(learner.GivenName, learner.OtherNames, learner.FamilyName);
}
