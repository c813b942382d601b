using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// The filters shared by the learner list and its exports: ?q= (a learner number, or words of the
/// name, accents ignored) &amp;institutionId= &amp;areaId= (and below) &amp;sex= &amp;bornFrom= &amp;bornTo=
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
        var errors = new Dictionary<string, string[]>();
        var query = db.Learners().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            if (LearnerNumbers.IsValid(term))
            {
                query = query.Where(l => l.LearnerNumber == term);
            }
            else
            {
                foreach (var word in SearchText.Of(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
                {
                    var pattern = SearchText.Contains(word);
                    query = query.Where(l => EF.Functions.Like(l.SearchText, pattern, "\\"));
                }
            }
        }

        if (InstitutionId is { } institution)
        {
            query = query.Where(l => l.InstitutionId == institution);
        }

        if (AreaId is { } area)
        {
            var path = await db.AreaPathAsync(area, ct);
            if (path is null)
            {
                errors["areaId"] = ["No such area."];
            }
            else
            {
                query = query.Where(l => l.ScopePath.StartsWith(path));
            }
        }

        if (!string.IsNullOrWhiteSpace(Sex))
        {
            if (Enum.TryParse<Sex>(Sex, true, out var parsed) && Enum.IsDefined(parsed))
            {
                query = query.Where(l => l.Sex == parsed);
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

        if (BornFrom is { } from)
        {
            query = query.Where(l => l.DateOfBirth >= from);
        }

        if (BornTo is { } to)
        {
            query = query.Where(l => l.DateOfBirth <= to);
        }

        return (query.Where(l => l.Status == wantedStatus), errors);
    }
}
