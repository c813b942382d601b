using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Possible duplicates of a learner: same sex and date of birth, registered anywhere in the same
/// area (district), with a name within a small edit distance (typos, transliteration, given and
/// family name swapped). Looks across schools on purpose; what it reveals of a learner outside
/// the caller's scope is only the learner number and the school code.
/// </summary>
internal static class DuplicateFinder
{
    public sealed record Candidate(Guid? Id, string LearnerNumber, string? GivenName, string? FamilyName, string InstitutionCode);

    public static async Task<IReadOnlyList<Candidate>> FindAsync(
        LnemisDbContext db, CurrentActor actor, string givenName, string familyName, Sex sex, DateOnly dateOfBirth, Institution institution, Guid? except, CancellationToken ct)
    {
        var areaPath = Institution.AreaPathOf(institution.ScopePath);
        var sameBirth = await db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(l => l.DateOfBirth == dateOfBirth && l.Sex == sex && l.Status == LearnerStatus.Active && l.Id != except && l.ScopePath.StartsWith(areaPath))
            .Select(l => new { l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.InstitutionId, l.ScopePath })
            .Take(500)
            .ToListAsync(ct);
        var matches = sameBirth.Where(l => SameName(givenName, familyName, l.GivenName, l.FamilyName)).ToList();
        if (matches.Count == 0)
        {
            return [];
        }

        var schoolIds = matches.Select(m => m.InstitutionId).Distinct().ToList();
        var schools = await db.Institutions().IgnoreQueryFilters().AsNoTracking().Where(i => schoolIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return matches.Select(m => actor.Access.Covers(LearnerPermissions.Read, m.ScopePath)
                ? new Candidate(m.Id, m.LearnerNumber, m.GivenName, m.FamilyName, schools.GetValueOrDefault(m.InstitutionId, ""))
                : new Candidate(null, m.LearnerNumber, null, null, schools.GetValueOrDefault(m.InstitutionId, "")))
            .ToList();
    }

    /// <summary>Probably the same person's name: similar as written, or with given and family name swapped.</summary>
    public static bool SameName(string givenName, string familyName, string otherGiven, string otherFamily)
    {
        var name = SearchText.Of(otherGiven, otherFamily);
        return Similar(name, SearchText.Of(givenName, familyName)) || Similar(name, SearchText.Of(familyName, givenName));
    }

    /// <summary>Names this close are probably the same person: at most 2 edits, 3 for long names.</summary>
    public static bool Similar(string a, string b) => Distance(a, b) <= (Math.Max(a.Length, b.Length) > 16 ? 3 : 2);

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
