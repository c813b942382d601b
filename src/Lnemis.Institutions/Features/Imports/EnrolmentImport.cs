using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Enrolments, keyed by learner and academic year: a row enrols the learner (found by learner
/// number, or by the school's admission number) in a grade, or corrects the grade and repeater
/// flag of their enrolment that year. Moving a learner to another school stays a transfer.
/// </summary>
internal sealed class EnrolmentImport : IImportProcessor
{
    public ImportKind Kind => ImportKind.Enrolments;

    public string Permission => LearnerPermissions.Manage;

    private sealed record Row(int Number, string? LearnerNumber, string InstitutionCode, string? AdmissionNumber, string Year, string Grade, bool Repeater);

    public async Task<ChunkOutcome> ProcessAsync(ImportContext context, IReadOnlyList<SourceRow> source, bool apply, CancellationToken ct)
    {
        var db = context.Db;
        var rows = new List<Row>();
        var invalid = 0;
        foreach (var sourceRow in source)
        {
            var r = context.Read(sourceRow);
            var number = r.Text("learnerNumber", 20);
            var institution = r.Required("institutionCode", 50).ToUpperInvariant();
            var admission = r.Text("admissionNumber", 30);
            var year = r.Required("academicYear", 30).ToUpperInvariant();
            var grade = r.Required("grade", 30).ToUpperInvariant();
            var repeater = r.Bool("repeater") ?? false;
            if (number is null && admission is null && !r.HasErrors)
            {
                r.Fail("learnerNumber", null, "Give the learner number or the admission number.");
            }

            if (!r.HasErrors && !context.FirstTime($"E:{number ?? institution + "|" + admission!.ToUpperInvariant()}|{year}"))
            {
                r.Fail("academicYear", year, "The same learner and year appear earlier in the file.");
            }

            if (r.HasErrors)
            {
                invalid++;
                continue;
            }

            rows.Add(new Row(sourceRow.Number, number, institution, admission, year, grade, repeater));
        }

        var institutions = await context.InstitutionsAsync(rows.Select(r => r.InstitutionCode), ct);
        var years = await context.AcademicYearsAsync(ct);
        var grades = await context.GradesAsync(ct);
        var numbers = rows.Where(r => r.LearnerNumber is not null).Select(r => r.LearnerNumber!).ToList();
        var admissions = rows.Where(r => r.LearnerNumber is null).Select(r => r.AdmissionNumber!).ToList();
        var schoolIds = institutions.Values.Where(i => i is not null).Select(i => i!.Id).ToList();
        var learners = db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(l => l.Status == LearnerStatus.Active);
        var byNumber = await learners.Where(l => numbers.Contains(l.LearnerNumber)).ToDictionaryAsync(l => l.LearnerNumber, ct);
        var byAdmission = (await learners.Where(l => schoolIds.Contains(l.InstitutionId) && l.AdmissionNumber != null && admissions.Contains(l.AdmissionNumber)).ToListAsync(ct))
            .ToDictionary(l => (l.InstitutionId, l.AdmissionNumber!.ToUpperInvariant()));
        var learnerIds = byNumber.Values.Concat(byAdmission.Values).Select(l => l.Id).Distinct().ToList();
        var current = (await db.Enrolments().IgnoreQueryFilters([LnemisDbContext.ScopeFilter])
                .Where(e => learnerIds.Contains(e.LearnerId) && e.Status == EnrolmentStatus.Enrolled).ToListAsync(ct))
            .GroupBy(e => (e.LearnerId, e.AcademicYearId)).ToDictionary(g => g.Key, g => g.First());

        var valid = 0;
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        foreach (var row in rows)
        {
            var before = context.Errors.Count;
            void Fail(string field, string? value, string message) => context.Errors.Add(new RowError(row.Number, context.ColumnOf(field), value, message));
            var school = institutions.GetValueOrDefault(row.InstitutionCode);
            if (school is null)
            {
                Fail("institutionCode", row.InstitutionCode, "No institution with this code in your area.");
            }

            Learner? learner = null;
            if (school is not null)
            {
                learner = row.LearnerNumber is { } n ? byNumber.GetValueOrDefault(n) : byAdmission.GetValueOrDefault((school.Id, row.AdmissionNumber!.ToUpperInvariant()));
                if (learner is null || !context.Covers(learner.ScopePath))
                {
                    Fail(row.LearnerNumber is null ? "admissionNumber" : "learnerNumber", row.LearnerNumber ?? row.AdmissionNumber, "No such learner in your area.");
                    learner = null;
                }
                else if (learner.InstitutionId != school.Id)
                {
                    Fail("institutionCode", row.InstitutionCode, "The learner is registered at another institution; transfer them instead.");
                }
            }

            if (!years.TryGetValue(row.Year, out var year))
            {
                Fail("academicYear", row.Year, "No academic year with this code.");
            }

            if (!grades.TryGetValue(row.Grade, out var grade))
            {
                Fail("grade", row.Grade, "No grade with this code.");
            }

            Enrolment? existing = null;
            if (learner is not null && year is not null && current.TryGetValue((learner.Id, year.Id), out existing) && existing.InstitutionId != school!.Id)
            {
                Fail("institutionCode", row.InstitutionCode, "The learner is enrolled at another institution this year; transfer them instead.");
            }

            if (context.Errors.Count > before)
            {
                invalid++;
                continue;
            }

            valid++;
            if (!apply)
            {
                continue;
            }

            if (existing is null)
            {
                db.Enrolments().Add(new Enrolment
                {
                    Id = Guid.CreateVersion7(),
                    LearnerId = learner!.Id,
                    AcademicYearId = year!.Id,
                    InstitutionId = school!.Id,
                    GradeId = grade!.Id,
                    Repeater = row.Repeater,
                    Status = EnrolmentStatus.Enrolled,
                    StartsOn = year.StartsOn,
                    ScopePath = learner.ScopePath,
                });
                created++;
            }
            else if (existing.GradeId != grade!.Id || existing.Repeater != row.Repeater)
            {
                existing.GradeId = grade.Id;
                existing.Repeater = row.Repeater;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (apply)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return new ChunkOutcome(valid, invalid, created, updated, unchanged);
    }
}
