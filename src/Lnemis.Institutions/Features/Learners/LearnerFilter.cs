using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// The filters shared by the learner list and its exports: ?q= (a learner number, or the beginnings
/// of name words, accents ignored: <see cref="LearnerNameSearch"/>) &amp;institutionId= &amp;areaId= (and below) &amp;sex= &amp;bornFrom= &amp;bornTo=
/// &amp;status= (Active by default). Always within the caller's scope.
/// </summary>
public sealed class LearnerFilter
{
    public string? Q { get; set; }
    public Guid? InstitutionId { get; set; }
    public Guid? AreaId { get; set; }
    public string? Sex { get; set; }
    public DateOnly? BornFrom { get; set; }
    public DateOnly? BornTo { get; set; }
    public string? Status { get; set; }

    /// <summary>Applies the filters; errors name the query parameter that is wrong.</summary>
    internal async Task<(IQueryable<Learner> Query, Dictionary<string, string[]> Errors)> ApplyAsync(LnemisDbContext db, CancellationToken ct)
    {
        var (criteria, errors) = await ParseAsync(db, ct);
        return (criteria.Query(db), errors);
    }

    /// <summary>The filters checked and resolved (the area to its path); errors name the query parameter that is wrong.</summary>
    internal async Task<(LearnerCriteria Criteria, Dictionary<string, string[]> Errors)> ParseAsync(LnemisDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var term = Q?.Trim() ?? "";
        var number = LearnerNumbers.IsValid(term) ? term : null;
        var terms = number is null ? LearnerNameSearch.Terms(term) : [];

        string? areaPath = null;
        if (AreaId is { } area)
        {
            areaPath = await db.AreaPathAsync(area, ct);
            if (areaPath is null)
            {
                errors["areaId"] = ["No such area."];
            }
        }

        Sex? sex = null;
        if (!string.IsNullOrWhiteSpace(Sex))
        {
            if (Enum.TryParse<Sex>(Sex, true, out var parsed) && Enum.IsDefined(parsed))
            {
                sex = parsed;
            }
            else
            {
                errors["sex"] = ["Use Female or Male."];
            }
        }

        var wantedStatus = LearnerStatus.Active;
        if (!string.IsNullOrWhiteSpace(Status) && !(Enum.TryParse(Status, true, out wantedStatus) && Enum.IsDefined(wantedStatus)))
        {
            errors["status"] = ["Use Active or Merged."];
        }

        return (new LearnerCriteria(number, terms, InstitutionId, areaPath, sex, BornFrom, BornTo, wantedStatus), errors);
    }
}

/// <summary>The learner list's filters, checked: a learner number or name words, and the rest.</summary>
internal sealed record LearnerCriteria(
    string? Number, IReadOnlyList<string> Terms, Guid? InstitutionId, string? AreaPath, Sex? Sex, DateOnly? BornFrom, DateOnly? BornTo, LearnerStatus Status)
{
    /// <summary>The learners matching, within the caller's scope (name words as <see cref="LearnerNameSearch.Matching"/> states them).</summary>
    public IQueryable<Learner> Query(LnemisDbContext db)
    {
        var query = LearnerNameSearch.Matching(db.Learners().AsNoTracking(), Terms);
        if (Number is not null)
        {
            query = query.Where(l => l.LearnerNumber == Number);
        }

        if (InstitutionId is { } institution)
        {
            query = query.Where(l => l.InstitutionId == institution);
        }

        if (AreaPath is { } path)
        {
            query = query.Where(l => l.ScopePath.StartsWith(path));
        }

        if (Sex is { } sex)
        {
            query = query.Where(l => l.Sex == sex);
        }

        if (BornFrom is { } from)
        {
            query = query.Where(l => l.DateOfBirth >= from);
        }

        if (BornTo is { } to)
        {
            query = query.Where(l => l.DateOfBirth <= to);
        }

        return query.Where(l => l.Status == Status);
    }
}
