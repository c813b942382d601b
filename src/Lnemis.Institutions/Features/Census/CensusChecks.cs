using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Institutions.Features.Staff;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Census;

/// <summary>
/// Derives a return's counts from the institution's individual records and runs the data-quality
/// checks. Blockers stop a submission; warnings go with it to the reviewer.
/// </summary>
internal static class CensusChecks
{
    /// <summary>Learners further than this from their grade's official age are flagged.</summary>
    public const int AgeToleranceYears = 3;

    /// <summary>A change in total enrolment larger than this share of last year's is flagged.</summary>
    public const double EnrolmentChangeLimit = 0.30;

    /// <summary>More learners per usable classroom and shift than this is flagged.</summary>
    public const int MaxLearnersPerClassroom = 60;

    private const int MaxSubjects = 50;

    /// <summary>Statuses of a year's enrolments that count for the census: those who stayed to the end of the year.</summary>
    private static readonly EnrolmentStatus[] Counted = [EnrolmentStatus.Enrolled, EnrolmentStatus.Promoted, EnrolmentStatus.Graduated];

    public sealed record Outcome(List<CensusCount> Counts, List<CensusFinding> Findings)
    {
        public bool Blocked => Findings.Any(f => f.Severity == CheckSeverity.Blocker);
    }

    private sealed record Enrolled(string LearnerNumber, string GivenName, string FamilyName, Sex Sex, DateOnly DateOfBirth, Guid GradeId, bool Repeater, Guid LearnerId);

    public static async Task<Outcome> RunAsync(LnemisDbContext db, CensusReturn censusReturn, CensusRound round, CancellationToken ct)
    {
        // Checks look at records across the school's area whatever the caller's own scope.
        var institution = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .FirstAsync(i => i.Id == censusReturn.InstitutionId, ct);
        var year = await db.AcademicYears().AsNoTracking().FirstAsync(y => y.Id == round.AcademicYearId, ct);
        var levels = await db.Levels().AsNoTracking().Include(l => l.Grades).ToListAsync(ct);
        var grades = levels.SelectMany(l => l.Grades.Select(g => (Grade: g, Level: l))).ToDictionary(x => x.Grade.Id);

        var enrolled = await db.Enrolments().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(e => e.InstitutionId == institution.Id && e.AcademicYearId == year.Id && Counted.Contains(e.Status))
            .Join(db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]), e => e.LearnerId, l => l.Id,
                (e, l) => new Enrolled(l.LearnerNumber, l.GivenName, l.FamilyName, l.Sex, l.DateOfBirth, e.GradeId, e.Repeater, l.Id))
            .ToListAsync(ct);

        var counts = new List<CensusCount>();
        foreach (var group in enrolled.GroupBy(e => (e.GradeId, e.Sex, Age: AgeOn(e.DateOfBirth, year.StartsOn)))
                     .OrderBy(g => grades.TryGetValue(g.Key.GradeId, out var x) ? (x.Level.Sequence * 100) + x.Grade.Sequence : int.MaxValue)
                     .ThenBy(g => g.Key.Sex).ThenBy(g => g.Key.Age))
        {
            counts.Add(new CensusCount
            {
                Measure = "enrolment",
                GradeCode = grades.TryGetValue(group.Key.GradeId, out var g) ? g.Grade.Code : null,
                Sex = group.Key.Sex.ToString(),
                Age = group.Key.Age,
                Value = group.Count(),
                Repeaters = group.Count(e => e.Repeater),
            });
        }

        await AddStaffCountsAsync(db, institution.Id, counts, ct);

        var findings = new List<CensusFinding>();
        if (enrolled.Count == 0)
        {
            findings.Add(Finding("no-enrolment", CheckSeverity.Warning, "No learners are enrolled at the institution for this academic year.", []));
        }

        CheckDuplicatesWithin(enrolled, findings);
        await CheckDuplicatesInAreaAsync(db, institution, enrolled, findings, ct);
        CheckAges(enrolled, grades, year, findings);
        await CheckEnrolmentChangeAsync(db, institution.Id, year, enrolled.Count, findings, ct);
        CheckClassrooms(censusReturn.Figures, institution.Shift, enrolled.Count, findings);
        return new Outcome(counts, findings);
    }

    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    private static async Task AddStaffCountsAsync(LnemisDbContext db, Guid institutionId, List<CensusCount> counts, CancellationToken ct)
    {
        var staff = await db.Staff().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(m => m.InstitutionId == institutionId && m.DeletedAt == null)
            .ToListAsync(ct);
        var ids = staff.Select(m => m.Id).ToList();
        var levels = await db.Postings().AsNoTracking()
            .Where(p => ids.Contains(p.StaffId) && p.InstitutionId == institutionId && p.EndsOn == null)
            .ToDictionaryAsync(p => p.StaffId, p => p.TeachingLevel, ct);
        foreach (var group in staff.GroupBy(m => (m.Category, m.Sex)).OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Sex))
        {
            counts.Add(new CensusCount
            {
                Measure = group.Key.Category == StaffCategory.Teaching ? "teachers" : "non-teaching",
                Sex = group.Key.Sex.ToString(),
                Value = group.Count(),
                Qualified = group.Count(m => levels.GetValueOrDefault(m.Id) is { } level && StaffMapping.IsQualifiedFor(m, level)),
            });
        }
    }

    private static void CheckDuplicatesWithin(List<Enrolled> enrolled, List<CensusFinding> findings)
    {
        var pairs = new List<string>();
        foreach (var group in enrolled.GroupBy(e => (e.DateOfBirth, e.Sex)).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (SameName(list[i], list[j].GivenName, list[j].FamilyName))
                    {
                        pairs.Add($"{list[i].LearnerNumber}={list[j].LearnerNumber}");
                    }
                }
            }
        }

        if (pairs.Count > 0)
        {
            findings.Add(Finding("duplicate-learners", CheckSeverity.Blocker,
                $"{pairs.Count} pair(s) of learners enrolled here look like the same person (same sex and date of birth, similar names); merge them or correct the records.",
                pairs));
        }
    }

    private static async Task CheckDuplicatesInAreaAsync(LnemisDbContext db, Institution institution, List<Enrolled> enrolled, List<CensusFinding> findings, CancellationToken ct)
    {
        var areaPath = Institution.AreaPathOf(institution.ScopePath);
        var births = enrolled.Select(e => e.DateOfBirth).Distinct().ToList();
        var matches = new List<string>();
        foreach (var chunk in births.Chunk(500))
        {
            var others = await db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
                .Where(l => chunk.Contains(l.DateOfBirth) && l.InstitutionId != institution.Id && l.Status == LearnerStatus.Active
                    && l.ScopePath.StartsWith(areaPath))
                .Select(l => new { l.LearnerNumber, l.GivenName, l.FamilyName, l.Sex, l.DateOfBirth })
                .ToListAsync(ct);
            var byBirth = others.ToLookup(o => (o.DateOfBirth, o.Sex));
            foreach (var mine in enrolled.Where(e => chunk.Contains(e.DateOfBirth)))
            {
                matches.AddRange(byBirth[(mine.DateOfBirth, mine.Sex)]
                    .Where(o => SameName(mine, o.GivenName, o.FamilyName))
                    .Select(o => $"{mine.LearnerNumber}~{o.LearnerNumber}"));
            }
        }

        if (matches.Count > 0)
        {
            findings.Add(Finding("duplicate-in-area", CheckSeverity.Warning,
                $"{matches.Count} learner(s) enrolled here may also be registered at another school of the area; check that they are not counted twice.",
                matches));
        }
    }

    private static bool SameName(Enrolled learner, string givenName, string familyName) =>
        DuplicateFinder.SameName(learner.GivenName, learner.FamilyName, givenName, familyName);

    private static void CheckAges(List<Enrolled> enrolled, Dictionary<Guid, (Grade Grade, EducationLevel Level)> grades, AcademicYear year, List<CensusFinding> findings)
    {
        var over = new List<string>();
        var under = new List<string>();
        foreach (var learner in enrolled)
        {
            if (!grades.TryGetValue(learner.GradeId, out var g))
            {
                continue;
            }

            var official = g.Level.EntranceAge + g.Grade.Sequence - 1;
            var age = AgeOn(learner.DateOfBirth, year.StartsOn);
            if (age > official + AgeToleranceYears)
            {
                over.Add(learner.LearnerNumber);
            }
            else if (age < official - AgeToleranceYears)
            {
                under.Add(learner.LearnerNumber);
            }
        }

        if (over.Count > 0)
        {
            findings.Add(Finding("over-age", CheckSeverity.Warning,
                $"{over.Count} learner(s) are more than {AgeToleranceYears} years older than their grade's official age.", over));
        }

        if (under.Count > 0)
        {
            // Far too young for the grade is almost always a wrong date of birth or grade.
            findings.Add(Finding("under-age", CheckSeverity.Blocker,
                $"{under.Count} learner(s) are more than {AgeToleranceYears} years younger than their grade's official age; correct the date of birth or the grade.", under));
        }
    }

    private static async Task CheckEnrolmentChangeAsync(LnemisDbContext db, Guid institutionId, AcademicYear year, int current, List<CensusFinding> findings, CancellationToken ct)
    {
        var previous = await db.AcademicYears().AsNoTracking().Where(y => y.StartsOn < year.StartsOn)
            .OrderByDescending(y => y.StartsOn).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(ct);
        if (previous is not { } previousId)
        {
            return;
        }

        var before = await db.Enrolments().IgnoreQueryFilters([LnemisDbContext.ScopeFilter])
            .CountAsync(e => e.InstitutionId == institutionId && e.AcademicYearId == previousId && Counted.Contains(e.Status), ct);
        if (before == 0)
        {
            return;
        }

        var change = (current - before) / (double)before;
        if (Math.Abs(change) > EnrolmentChangeLimit)
        {
            findings.Add(Finding("enrolment-change", CheckSeverity.Warning,
                $"Enrolment changed by {change:+0%;-0%} from last year ({before} to {current}); explain the change in the remarks.", []));
        }
    }

    private static void CheckClassrooms(CensusFigures figures, Shift shift, int learners, List<CensusFinding> findings)
    {
        if (learners == 0)
        {
            return;
        }

        if (figures.ClassroomsUsable <= 0)
        {
            findings.Add(Finding("no-classrooms", CheckSeverity.Blocker, $"{learners} learner(s) are enrolled but no usable classroom is reported.", []));
            return;
        }

        var shifts = shift switch { Shift.Double => 2, Shift.Triple => 3, _ => 1 };
        var perClassroom = learners / (double)(figures.ClassroomsUsable * shifts);
        if (perClassroom > MaxLearnersPerClassroom)
        {
            findings.Add(Finding("crowded-classrooms", CheckSeverity.Warning,
                $"{perClassroom:0} learners per usable classroom and shift (more than {MaxLearnersPerClassroom}); check the classrooms and enrolment.", []));
        }
    }

    private static CensusFinding Finding(string check, CheckSeverity severity, string message, List<string> subjects) => new()
    {
        Check = check,
        Severity = severity,
        Message = message,
        Subjects = subjects.Take(MaxSubjects).ToList(),
    };
}
