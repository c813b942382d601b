using System.Text.Json;
using System.Text.Json.Nodes;
using Lnemis.Institutions.Data;
using Lnemis.Platform.Data;
using Lnemis.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// Learners and staff as data subjects of a subject access request: found by name words (and
/// birth date) anywhere in the country, and exported with everything the registry holds on them
/// — the record itself (the national id decrypted: it is the subject's own), guardians, and the
/// history of enrolments or postings with school names.
/// </summary>
internal sealed class LearnerDataSubjects(LnemisDbContext db, NationalIds nationalIds) : IDataSubjectRegistry
{
    public string Kind => "learner";

    public async Task<IReadOnlyList<DataSubjectMatch>> FindAsync(DataSubjectQuery query, CancellationToken ct)
    {
        // Name words as the learner list matches them (each typed word begins a word of the names).
        var learners = LearnerNameSearch.Matching(
            db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking(), LearnerNameSearch.Terms(query.Name));

        if (query.DateOfBirth is { } born)
        {
            learners = learners.Where(l => l.DateOfBirth == born);
        }

        var found = await learners.OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).Take(DataSubjectSearch.Limit)
            .Select(l => new { l.Id, l.GivenName, l.OtherNames, l.FamilyName, l.DateOfBirth, l.LearnerNumber, l.InstitutionId })
            .ToListAsync(ct);
        var schools = await db.InstitutionLabelsAsync(found.Select(l => l.InstitutionId), ct);
        return found.Select(l => new DataSubjectMatch(Kind, l.Id, string.Join(' ', new[] { l.GivenName, l.OtherNames, l.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            l.DateOfBirth, l.LearnerNumber, schools.GetValueOrDefault(l.InstitutionId).Name)).ToList();
    }

    public async Task<JsonObject?> ExportAsync(Guid id, CancellationToken ct)
    {
        var learner = await db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (learner is null)
        {
            return null;
        }

        var enrolments = await db.Enrolments().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(e => e.LearnerId == id).OrderBy(e => e.StartsOn).ToListAsync(ct);
        var schools = await db.InstitutionLabelsAsync(enrolments.Select(e => e.InstitutionId).Append(learner.InstitutionId), ct);
        var grades = await db.Grades().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var years = await db.AcademicYears().AsNoTracking().ToDictionaryAsync(y => y.Id, y => y.Name, ct);
        return DataSubjectSearch.ToJson(new
        {
            kind = Kind,
            learner = new
            {
                learner.LearnerNumber,
                learner.GivenName,
                learner.OtherNames,
                learner.FamilyName,
                Sex = learner.Sex.ToString(),
                learner.DateOfBirth,
                learner.HasBirthCertificate,
                NationalId = learner.NationalIdProtected is null ? null : nationalIds.Unprotect(learner.NationalIdProtected),
                learner.SpecialNeeds,
                learner.AdmissionNumber,
                School = schools.GetValueOrDefault(learner.InstitutionId).Name,
                Status = learner.Status.ToString(),
                RegisteredAt = learner.CreatedAt,
                learner.DeletedAt,
            },
            guardians = learner.Guardians.Select(g => new { g.Name, g.Relationship, g.Phone, g.Email }),
            enrolments = enrolments.Select(e => new
            {
                Year = years.GetValueOrDefault(e.AcademicYearId),
                School = schools.GetValueOrDefault(e.InstitutionId).Name,
                Grade = grades.GetValueOrDefault(e.GradeId),
                e.Repeater,
                Status = e.Status.ToString(),
                e.StartsOn,
                e.EndedOn,
                e.EndReason,
            }),
        });
    }
}

/// <summary>Staff members as data subjects (see <see cref="LearnerDataSubjects"/>).</summary>
internal sealed class StaffDataSubjects(LnemisDbContext db) : IDataSubjectRegistry
{
    public string Kind => "staff";

    public async Task<IReadOnlyList<DataSubjectMatch>> FindAsync(DataSubjectQuery query, CancellationToken ct)
    {
        var staff = db.Staff().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking();
        foreach (var word in DataSubjectSearch.Words(query.Name))
        {
            var pattern = SearchText.Contains(word);
            staff = staff.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
        }

        if (query.DateOfBirth is { } born)
        {
            staff = staff.Where(m => m.DateOfBirth == born);
        }

        var found = await staff.OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).Take(DataSubjectSearch.Limit)
            .Select(m => new { m.Id, m.GivenName, m.FamilyName, m.DateOfBirth, m.StaffNumber, m.InstitutionId })
            .ToListAsync(ct);
        var schools = await db.InstitutionLabelsAsync(found.Select(m => m.InstitutionId), ct);
        return found.Select(m => new DataSubjectMatch(Kind, m.Id, $"{m.GivenName} {m.FamilyName}", m.DateOfBirth, m.StaffNumber, schools.GetValueOrDefault(m.InstitutionId).Name)).ToList();
    }

    public async Task<JsonObject?> ExportAsync(Guid id, CancellationToken ct)
    {
        var member = await db.Staff().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return null;
        }

        var postings = await db.Postings().AsNoTracking().Where(p => p.StaffId == id).OrderBy(p => p.StartsOn).ToListAsync(ct);
        var schools = await db.InstitutionLabelsAsync(postings.Select(p => p.InstitutionId).Append(member.InstitutionId), ct);
        return DataSubjectSearch.ToJson(new
        {
            kind = Kind,
            staff = new
            {
                member.StaffNumber,
                member.GivenName,
                member.FamilyName,
                Sex = member.Sex.ToString(),
                member.DateOfBirth,
                Category = member.Category.ToString(),
                member.Phone,
                member.Email,
                School = schools.GetValueOrDefault(member.InstitutionId).Name,
                RegisteredAt = member.CreatedAt,
                member.DeletedAt,
            },
            qualifications = member.Qualifications.Select(q => new { q.Name, q.Year, q.Levels }),
            postings = postings.Select(p => new { School = schools.GetValueOrDefault(p.InstitutionId).Name, p.Position, p.TeachingLevel, p.StartsOn, p.EndsOn }),
        });
    }
}

internal static class DataSubjectSearch
{
    /// <summary>Matches shown for one search: enough to recognise the person, or to ask for a birth date.</summary>
    public const int Limit = 50;

    public static IEnumerable<string> Words(string name) =>
        SearchText.Of(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);

    public static JsonObject ToJson(object document) =>
        JsonSerializer.SerializeToNode(document, JsonSerializerOptions.Web)!.AsObject();
}
