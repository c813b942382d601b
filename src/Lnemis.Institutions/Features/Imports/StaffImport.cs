using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Staff;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Staff, keyed by staff number: a new number registers the staff member with a first posting at
/// the named institution; a known number updates their details (a qualification in the file is
/// added when not yet held). A known number with another institution's code posts them there (the
/// current posting ends the day before <c>startsOn</c>), which needs the right over both schools —
/// the same rules as the form and the transfer action.
/// </summary>
internal sealed class StaffImport(TimeProvider clock) : IImportProcessor
{
    public ImportKind Kind => ImportKind.Staff;

    public string Permission => StaffPermissions.Manage;

    private HashSet<string>? levelCodes;

    private sealed record Row(int Number, StaffFields Fields, string InstitutionCode, QualificationView? Qualification);

    public async Task<ChunkOutcome> ProcessAsync(ImportContext context, IReadOnlyList<SourceRow> source, bool apply, CancellationToken ct)
    {
        var db = context.Db;
        var validator = new StaffFieldsValidator(clock);
        var knownLevels = levelCodes ??= (await db.Levels().Select(l => l.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<Row>();
        var invalid = 0;
        foreach (var sourceRow in source)
        {
            var r = context.Read(sourceRow);
            var qualificationName = r.Text("qualification", 200);
            var qualificationLevels = Codes(r.Text("qualificationLevels", 200));
            var fields = new StaffFields(
                r.Required("staffNumber", 30).ToUpperInvariant(),
                r.Required("givenName", 100),
                r.Required("familyName", 100),
                r.Enum("sex", true, ("F", Sex.Female), ("M", Sex.Male)) ?? default,
                r.Date("dateOfBirth", true) ?? default,
                r.Enum("category", true, ("Teacher", StaffCategory.Teaching), ("Non-teaching", StaffCategory.NonTeaching), ("Support", StaffCategory.NonTeaching)) ?? default,
                r.Text("phone", 50),
                r.Text("email", 320),
                qualificationName is null ? null : [new QualificationView(qualificationName, null, qualificationLevels)],
                Guid.Empty,
                r.Text("position", 100),
                r.Text("teachingLevel", 30)?.ToUpperInvariant(),
                r.Date("startsOn", false),
                null);
            var institution = r.Required("institutionCode", 50).ToUpperInvariant();
            if (!r.HasErrors)
            {
                // The form's own rules, reported against the file's columns.
                foreach (var failure in validator.Validate(fields with { InstitutionId = Guid.NewGuid() }).Errors)
                {
                    var field = char.ToLowerInvariant(failure.PropertyName[0]) + failure.PropertyName[1..];
                    r.Fail(field.StartsWith("qualifications", StringComparison.Ordinal) ? "qualification" : field, failure.AttemptedValue?.ToString(), failure.ErrorMessage);
                }

                foreach (var unknown in qualificationLevels.Append(fields.TeachingLevel).Where(l => l is not null && !knownLevels.Contains(l)))
                {
                    r.Fail(qualificationLevels.Contains(unknown!) ? "qualificationLevels" : "teachingLevel", unknown, "Unknown level code.");
                }
            }

            if (!r.HasErrors && !context.FirstTime("S:" + fields.StaffNumber))
            {
                r.Fail("staffNumber", fields.StaffNumber, "The same staff number appears earlier in the file.");
            }

            if (r.HasErrors)
            {
                invalid++;
                continue;
            }

            rows.Add(new Row(sourceRow.Number, fields, institution, fields.Qualifications?[0]));
        }

        var institutions = await context.InstitutionsAsync(rows.Select(r => r.InstitutionCode), ct);
        var numbers = rows.Select(r => r.Fields.StaffNumber).ToList();
        var existing = await db.Staff().IgnoreQueryFilters([LnemisDbContext.ScopeFilter, LnemisDbContext.SoftDeleteFilter])
            .Where(m => numbers.Contains(m.StaffNumber)).ToDictionaryAsync(m => m.StaffNumber, ct);
        // A deleted record keeps its number (it may be restored): its rows are refused below
        // instead of failing the whole apply on the unique index.
        var deleted = existing.Values.Where(m => m.DeletedAt is not null).Select(m => m.StaffNumber).ToHashSet(StringComparer.Ordinal);
        foreach (var number in deleted)
        {
            existing.Remove(number);
        }

        var movingIds = rows.Where(r => existing.TryGetValue(r.Fields.StaffNumber, out var m) && institutions.GetValueOrDefault(r.InstitutionCode)?.Id is { } id && id != m.InstitutionId)
            .Select(r => existing[r.Fields.StaffNumber].Id).ToList();
        var currentPostings = (await db.Postings().Where(p => movingIds.Contains(p.StaffId) && p.EndsOn == null).ToListAsync(ct))
            .GroupBy(p => p.StaffId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.StartsOn).First());
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);

        var valid = 0;
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        foreach (var row in rows)
        {
            var before = context.Errors.Count;
            void Fail(string field, string? value, string message) => context.Errors.Add(new RowError(row.Number, context.ColumnOf(field), value, message));
            var school = institutions.GetValueOrDefault(row.InstitutionCode);
            existing.TryGetValue(row.Fields.StaffNumber, out var member);
            var startsOn = row.Fields.StartsOn ?? today;
            if (deleted.Contains(row.Fields.StaffNumber))
            {
                Fail("staffNumber", row.Fields.StaffNumber, "This staff number belongs to a deleted staff record; use another number or ask an administrator to restore the record.");
            }
            else if (school is null)
            {
                Fail("institutionCode", row.InstitutionCode, "No institution with this code in your area.");
            }
            else if (member is not null && !context.Covers(member.ScopePath))
            {
                Fail("staffNumber", row.Fields.StaffNumber, "This staff number belongs to a staff member outside your area.");
            }
            else if ((member is null || member.InstitutionId != school.Id) && school.Status != InstitutionStatus.Open)
            {
                Fail("institutionCode", row.InstitutionCode, "The institution is not open.");
            }
            else if (member is not null && member.InstitutionId != school.Id
                && currentPostings.GetValueOrDefault(member.Id) is { } posting && startsOn <= posting.StartsOn)
            {
                Fail("startsOn", startsOn.ToString("yyyy-MM-dd"), $"The new posting must start after the current one (from {posting.StartsOn:yyyy-MM-dd}).");
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

            if (member is null)
            {
                member = new StaffMember { Id = Guid.CreateVersion7(), StaffNumber = "", GivenName = "", FamilyName = "", ScopePath = "", CreatedAt = context.Now };
                StaffMapping.Apply(member, row.Fields, school!.Id, school.ScopePath);
                db.Staff().Add(member);
                db.Postings().Add(NewPosting(member, row.Fields, startsOn, null));
                created++;
                continue;
            }

            var qualifications = member.Qualifications.Select(q => new QualificationView(q.Name, q.Year, q.Levels.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
            if (row.Qualification is { } held && !qualifications.Any(q => string.Equals(q.Name, held.Name, StringComparison.OrdinalIgnoreCase)))
            {
                qualifications.Add(held);
            }

            var moving = member.InstitutionId != school!.Id;
            StaffMapping.Apply(member, row.Fields with { Qualifications = qualifications }, school.Id, school.ScopePath);
            if (moving)
            {
                var current = currentPostings.GetValueOrDefault(member.Id);
                if (current is not null)
                {
                    current.EndsOn = startsOn.AddDays(-1);
                }

                db.Postings().Add(NewPosting(member, row.Fields, startsOn, current));
            }

            if (db.Entry(member).State == EntityState.Modified)
            {
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

    private static Posting NewPosting(StaffMember member, StaffFields fields, DateOnly startsOn, Posting? previous) => new()
    {
        Id = Guid.CreateVersion7(),
        StaffId = member.Id,
        InstitutionId = member.InstitutionId,
        Position = string.IsNullOrWhiteSpace(fields.Position)
            ? previous?.Position ?? (fields.Category == StaffCategory.Teaching ? "Teacher" : "Staff")
            : fields.Position.Trim(),
        TeachingLevel = fields.TeachingLevel ?? previous?.TeachingLevel,
        StartsOn = startsOn,
    };

    private static string[] Codes(string? text) =>
        (text ?? "").Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();
}
