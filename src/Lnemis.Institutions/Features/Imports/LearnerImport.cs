using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Learners: a row updates the learner with its learner number, or the learner with its school's
/// admission number; otherwise it registers a new learner (and issues a number). A new row that
/// looks like a learner already at the school (same sex and birth date, similar name) is refused.
/// On PostgreSQL the chunks are only parsed and staged, and the checks and writes run set-based
/// after the last chunk (<see cref="LearnerStaging"/>); SQLite checks and writes chunk by chunk.
/// </summary>
internal sealed class LearnerImport(IOptions<ImportOptions> options) : IImportProcessor
{
    public ImportKind Kind => ImportKind.Learners;

    public string Permission => LearnerPermissions.Manage;

    internal sealed record Row(
        int Number, string? LearnerNumber, string InstitutionCode, string? AdmissionNumber, string GivenName, string FamilyName, string? OtherNames,
        Sex Sex, DateOnly DateOfBirth, bool? HasBirthCertificate, string? SpecialNeeds, Guardian? Guardian)
    {
        public ImportContext.InstitutionKey Institution { get; set; } = null!;
        public Learner? Existing { get; set; }
    }

    internal const string SameLearnerTwice = "The same learner appears earlier in the file.";

    // Statistics are refreshed before the first chunk and whenever the rows written since double.
    private long written;
    private long analyzeAt;
    private LearnerStaging? staging;
    private int refusedWhileStaging;

    public async Task<ChunkOutcome> ProcessAsync(ImportContext context, IReadOnlyList<SourceRow> source, bool apply, CancellationToken ct)
    {
        var staged = context.Db.Provider == DatabaseProvider.Postgres;
        if (!staged && written >= analyzeAt)
        {
            await BulkInsert.AnalyzeAsync<Learner>(context.Db, ct);
            analyzeAt = Math.Max(2 * written, ImportRunner.ChunkSize);
        }

        var rows = new List<Row>(source.Count);
        var invalid = 0;
        foreach (var sourceRow in source)
        {
            var row = Parse(context, sourceRow);
            if (row is null)
            {
                invalid++;
            }
            else
            {
                rows.Add(row);
            }
        }

        var institutions = await context.InstitutionsAsync(rows.Select(r => r.InstitutionCode), ct);
        var resolved = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            if (institutions.GetValueOrDefault(row.InstitutionCode) is not { } institution)
            {
                Fail(context, row, "institutionCode", row.InstitutionCode, "No institution with this code in your area.");
                invalid++;
                continue;
            }

            row.Institution = institution;
            resolved.Add(row);
        }

        if (staged)
        {
            staging ??= await LearnerStaging.CreateAsync(context, apply, ct);
            await staging.AddAsync(resolved, apply, ct);
            refusedWhileStaging += invalid;
            return new ChunkOutcome(0, invalid, 0, 0, 0);
        }

        invalid += await MatchExistingAsync(context, resolved, ct);
        var valid = resolved.Where(r => r.Institution is not null).ToList();
        invalid += await RefuseLikelyDuplicatesAsync(context, valid, ct);
        valid = valid.Where(r => r.Institution is not null).ToList();
        if (!apply)
        {
            return new ChunkOutcome(valid.Count, invalid, 0, 0, 0);
        }

        var (created, updated, unchanged) = await WriteAsync(context, valid, ct);
        written += created;
        return new ChunkOutcome(valid.Count, invalid, created, updated, unchanged);
    }

    public async Task<ChunkOutcome> FinishAsync(ImportContext context, bool apply, CancellationToken ct)
    {
        if (staging is not { } finishing)
        {
            return ChunkOutcome.None;
        }

        staging = null;
        // A dry run keeps its staged rows for the apply only when they are the whole file: rows refused while
        // parsing are not staged, and the apply must report them again.
        var outcome = await finishing.FinishAsync(apply, keep: refusedWhileStaging == 0, options.Value.RebuildLearnerIndexesFromRows, ct);
        await finishing.DropAsync(apply, ct);
        return outcome;
    }

    public async Task<bool> ResumeAsync(ImportContext context, CancellationToken ct)
    {
        if (context.Db.Provider != DatabaseProvider.Postgres)
        {
            return false;
        }

        staging = await LearnerStaging.ResumeAsync(context, ct);
        return staging is not null;
    }

    private static Row? Parse(ImportContext context, SourceRow source)
    {
        var r = context.Read(source);
        var number = r.Text("learnerNumber", 20);
        if (number is not null && !LearnerNumbers.IsValid(number))
        {
            r.Fail("learnerNumber", number, "Not a valid learner number (10 digits with a check digit).");
        }

        var institution = r.Required("institutionCode", 50).ToUpperInvariant();
        var admission = r.Text("admissionNumber", 30);
        var given = r.Required("givenName", 100);
        var family = r.Required("familyName", 100);
        var other = r.Text("otherNames", 200);
        var sex = r.Enum("sex", true, ("F", Sex.Female), ("M", Sex.Male), ("Girl", Sex.Female), ("Boy", Sex.Male));
        var born = r.Date("dateOfBirth", true);
        if (born is { } b && (b > DateOnly.FromDateTime(context.Now.UtcDateTime) || b.Year < 1900))
        {
            r.Fail("dateOfBirth", b.ToString("yyyy-MM-dd"), "The date of birth is in the future or before 1900.");
        }

        var certificate = r.Bool("hasBirthCertificate");
        var needs = r.Text("specialNeeds", 300);
        var guardianName = r.Text("guardianName", 200);
        var relationship = r.Text("guardianRelationship", 50);
        var phone = r.Text("guardianPhone", 50);
        if (number is null && admission is null && !r.HasErrors)
        {
            r.Fail("admissionNumber", null, "Give the learner number, or the admission number at the school, so that re-importing the file updates the same learner.");
        }

        if (r.HasErrors)
        {
            return null;
        }

        var key = number is not null ? "N:" + number : $"A:{institution}|{admission!.ToUpperInvariant()}";
        if (!context.FirstTime(key))
        {
            r.Fail(number is not null ? "learnerNumber" : "admissionNumber", number ?? admission, SameLearnerTwice);
            return null;
        }

        var specialNeeds = needs is null
            ? null
            : string.Join(' ', needs.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => n.Replace(' ', '_').ToUpperInvariant()).Distinct(StringComparer.Ordinal));
        var guardian = guardianName is null ? null : new Guardian { Name = guardianName, Relationship = relationship ?? "Guardian", Phone = phone };
        return new Row(source.Number, number, institution, admission, given, family, other, sex!.Value, born!.Value, certificate, specialNeeds, guardian);
    }

    /// <summary>Finds the learner each row updates; refuses rows whose learner is outside the importer's area or at another school.</summary>
    private static async Task<int> MatchExistingAsync(ImportContext context, List<Row> rows, CancellationToken ct)
    {
        var invalid = 0;
        var learners = context.Db.Learners().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]);
        var numbers = rows.Where(r => r.LearnerNumber is not null).Select(r => r.LearnerNumber!).ToList();
        var byNumber = numbers.Count == 0
            ? []
            : await learners.AsNoTracking().Where(l => numbers.Contains(l.LearnerNumber)).ToDictionaryAsync(l => l.LearnerNumber, ct);
        var byAdmissionRows = rows.Where(r => r.LearnerNumber is null).ToList();
        var byAdmission = byAdmissionRows.Count == 0
            ? []
            : (await AtSchools(context.Db, byAdmissionRows, nameof(Learner.AdmissionNumber), r => r.AdmissionNumber!, includeDeleted: true).ToListAsync(ct))
                .ToDictionary(l => (l.InstitutionId, l.AdmissionNumber!.ToUpperInvariant()));
        foreach (var row in rows)
        {
            if (row.LearnerNumber is { } number)
            {
                if (!byNumber.TryGetValue(number, out var learner) || !context.Covers(learner.ScopePath))
                {
                    Refuse(row, "learnerNumber", number, "No learner with this number in your area.");
                }
                else if (learner.InstitutionId != row.Institution.Id)
                {
                    Refuse(row, "institutionCode", row.InstitutionCode, "The learner is registered at another institution; transfer them instead of re-importing.");
                }
                else if (learner.Status != LearnerStatus.Active)
                {
                    Refuse(row, "learnerNumber", number, "This learner record was merged into another; use that learner's number.");
                }
                else
                {
                    Match(row, learner, "learnerNumber", number);
                }
            }
            else if (byAdmission.GetValueOrDefault((row.Institution.Id, row.AdmissionNumber!.ToUpperInvariant())) is { } learner)
            {
                if (learner.DeletedAt is not null)
                {
                    // The number stays taken by the deleted record (it may be restored); saying so here
                    // keeps the row from failing the whole apply on the unique index.
                    Refuse(row, "admissionNumber", row.AdmissionNumber,
                        "This admission number belongs to a deleted learner record at this school; use another number or ask an administrator to restore the record.");
                }
                else
                {
                    Match(row, learner, "admissionNumber", row.AdmissionNumber);
                }
            }
        }

        // Two rows (one by learner number, one by admission number) may name the same learner: the first wins.
        void Match(Row row, Learner learner, string field, string? value)
        {
            if (context.FirstTime("L:" + learner.Id.ToString("N")))
            {
                row.Existing = learner;
            }
            else
            {
                Refuse(row, field, value, SameLearnerTwice);
            }
        }

        // A refused row leaves the chunk: it is reported, never written (skip-bad-rows writes the rest).
        void Refuse(Row row, string field, string? value, string message)
        {
            Fail(context, row, field, value, message);
            row.Institution = null!;
            invalid++;
        }

        return invalid;
    }

    private static async Task<int> RefuseLikelyDuplicatesAsync(ImportContext context, List<Row> rows, CancellationToken ct)
    {
        var fresh = rows.Where(r => r.Existing is null).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        // Learners registered before this import only: the dry run (which writes nothing) and the
        // apply (which sees its own earlier chunks) must find the same rows bad.
        var started = context.Now;
        var candidates = await AtSchools(context.Db, fresh, nameof(Learner.DateOfBirth), r => r.DateOfBirth)
            .Where(l => l.Status == LearnerStatus.Active && l.CreatedAt < started)
            .Select(l => new { l.InstitutionId, l.DateOfBirth, l.Sex, l.GivenName, l.FamilyName, l.LearnerNumber })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var lookup = candidates.ToLookup(c => (c.InstitutionId, c.DateOfBirth, c.Sex));
        var invalid = 0;
        foreach (var row in fresh)
        {
            var match = lookup[(row.Institution.Id, row.DateOfBirth, row.Sex)]
                .FirstOrDefault(c => DuplicateFinder.SameName(row.GivenName, row.FamilyName, c.GivenName, c.FamilyName));
            if (match is not null)
            {
                Fail(context, row, "givenName", row.GivenName,
                    $"Looks like learner {match.LearnerNumber}, already registered at this school; put that learner number in the row to update them.");
                row.Institution = null!;
                invalid++;
            }
        }

        return invalid;
    }

    /// <summary>
    /// Learners matching the rows by (school, value) pairs — birth date or admission number. On
    /// PostgreSQL the pairs are joined exactly (index on the school and the value), so a chunk that
    /// spans many schools still reads only its matches; on SQLite (district-sized) the cross product
    /// of schools and values is filtered.
    /// </summary>
    private static IQueryable<Learner> AtSchools<T>(LnemisDbContext db, List<Row> rows, string property, Func<Row, T> value, bool includeDeleted = false)
    {
        var pairs = rows.Select(r => (r.Institution.Id, Value: value(r))).Distinct().ToList();
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var entity = db.Model.FindEntityType(typeof(Learner))!;
            var column = entity.FindProperty(property)!.GetColumnName();
            var school = entity.FindProperty(nameof(Learner.InstitutionId))!.GetColumnName();
            // A lateral join: one index probe per pair, whatever the statistics say about the table.
            var sql = $"SELECT m.* FROM unnest(@schools, @values) AS k(school, value) CROSS JOIN LATERAL "
                + $"(SELECT * FROM {SqlNames.Table(db, entity)} AS l WHERE l.\"{school}\" = k.school AND l.\"{column}\" = k.value) AS m";
            return db.Learners()
                .FromSqlRaw(sql, new NpgsqlParameter("schools", pairs.Select(p => p.Id).ToArray()), new NpgsqlParameter("values", pairs.Select(p => p.Value).ToArray()))
                .IgnoreQueryFilters(Ignored(includeDeleted)).AsNoTracking();
        }

        var schools = pairs.Select(p => p.Id).Distinct().ToList();
        var values = pairs.Select(p => p.Value).Distinct().ToList();
        return db.Learners().IgnoreQueryFilters(Ignored(includeDeleted)).AsNoTracking()
            .Where(l => schools.Contains(l.InstitutionId) && values.Contains(EF.Property<T>(l, property)));
    }

    private static string[] Ignored(bool includeDeleted) =>
        includeDeleted ? [LnemisDbContext.ScopeFilter, LnemisDbContext.SoftDeleteFilter] : [LnemisDbContext.ScopeFilter];

    private static async Task<(int Created, int Updated, int Unchanged)> WriteAsync(ImportContext context, List<Row> rows, CancellationToken ct)
    {
        var db = context.Db;
        var fresh = new List<Learner>();
        var updated = 0;
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (row.Existing is { } existing)
            {
                // Tracked before the change, so the audit records old and new values.
                db.Learners().Attach(existing);
                if (Apply(existing, row))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            var learner = new Learner
            {
                Id = Guid.CreateVersion7(),
                LearnerNumber = "",
                GivenName = row.GivenName,
                FamilyName = row.FamilyName,
                InstitutionId = row.Institution.Id,
                ScopePath = row.Institution.ScopePath,
                AdmissionNumber = row.AdmissionNumber,
                Status = LearnerStatus.Active,
                CreatedAt = context.Now,
                Version = 1,
            };
            Apply(learner, row);
            fresh.Add(learner);
        }

        await IssueNumbersAsync(db, fresh, ct);
        if (updated > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();

        // In school order, so each school's index entries (school + admission number, scope path) are written together.
        fresh.Sort((a, b) => a.InstitutionId.CompareTo(b.InstitutionId));
        await BulkInsert.InsertAsync(db, fresh, ct);
        return (fresh.Count, updated, unchanged);
    }

    /// <summary>Copies the row onto the learner; true when something changed.</summary>
    internal static bool Apply(Learner learner, Row row)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed = true;
            }
        }

        Set(learner.GivenName, row.GivenName, v => learner.GivenName = v);
        Set(learner.FamilyName, row.FamilyName, v => learner.FamilyName = v);
        Set(learner.OtherNames, row.OtherNames, v => learner.OtherNames = v);
        Set(learner.Sex, row.Sex, v => learner.Sex = v);
        Set(learner.DateOfBirth, row.DateOfBirth, v => learner.DateOfBirth = v);
        if (row.HasBirthCertificate is { } certificate)
        {
            Set(learner.HasBirthCertificate, certificate, v => learner.HasBirthCertificate = v);
        }

        if (row.SpecialNeeds is { } needs)
        {
            Set(learner.SpecialNeeds, needs, v => learner.SpecialNeeds = v);
        }

        if (row.AdmissionNumber is { } admission)
        {
            Set(learner.AdmissionNumber, admission, v => learner.AdmissionNumber = v);
        }

        if (row.Guardian is { } guardian && !learner.Guardians.Any(g => g.Name == guardian.Name && g.Relationship == guardian.Relationship && g.Phone == guardian.Phone))
        {
            learner.Guardians = [guardian, .. learner.Guardians.Where(g => g.Name != guardian.Name).Take(4)];
            changed = true;
        }

        if (changed || learner.SearchText.Length == 0)
        {
            LearnerMapping.RefreshSearchText(learner);
        }

        return changed;
    }

    /// <summary>Issues distinct numbers not yet in use (random nine digits: collisions are rare, and checked).</summary>
    private static async Task IssueNumbersAsync(LnemisDbContext db, List<Learner> learners, CancellationToken ct)
    {
        var pending = learners;
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            foreach (var learner in pending)
            {
                string number;
                do
                {
                    number = LearnerNumbers.Issue();
                }
                while (!used.Add(number));
                learner.LearnerNumber = number;
            }

            var numbers = pending.Select(l => l.LearnerNumber).ToList();
            var taken = (await db.Learners().IgnoreQueryFilters().Where(l => numbers.Contains(l.LearnerNumber)).Select(l => l.LearnerNumber).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            pending = pending.Where(l => taken.Contains(l.LearnerNumber)).ToList();
        }
    }

    private static void Fail(ImportContext context, Row row, string field, string? value, string message) =>
        context.Errors.Add(new RowError(row.Number, context.ColumnOf(field), value, message));
}
