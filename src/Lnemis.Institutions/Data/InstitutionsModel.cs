using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Data;

/// <summary>The Institutions module's tables, schema "institutions".</summary>
internal sealed class InstitutionsModel : IModelContributor
{
    public const string Schema = "institutions";

    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // Trigram indexes make "name contains …" searches fast on millions of rows.
            model.HasPostgresExtension("pg_trgm");
        }

        model.Entity<Area>(e =>
        {
            e.ToModuleTable(Schema, "areas", provider);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Code).HasMaxLength(50);
            e.HasIndex(a => a.Code).IsUnique();
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.ScopePath).HasMaxLength(1000);
            e.HasIndex(a => a.ScopePath);
            e.HasIndex(a => a.ParentId);
            e.HasOne<Area>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<EducationLevel>(e =>
        {
            e.ToModuleTable(Schema, "education_levels", provider);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Code).HasMaxLength(30);
            e.HasIndex(l => l.Code).IsUnique();
            e.Property(l => l.Name).HasMaxLength(200);
            e.HasMany(l => l.Grades).WithOne().HasForeignKey(g => g.LevelId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Grade>(e =>
        {
            e.ToModuleTable(Schema, "grades", provider);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Code).HasMaxLength(30);
            e.HasIndex(g => g.Code).IsUnique();
            e.HasIndex(g => new { g.LevelId, g.Sequence }).IsUnique();
            e.Property(g => g.Name).HasMaxLength(200);
        });

        model.Entity<AcademicYear>(e =>
        {
            e.ToModuleTable(Schema, "academic_years", provider);
            e.Property(y => y.Id).ValueGeneratedNever();
            e.Property(y => y.Code).HasMaxLength(30);
            e.HasIndex(y => y.Code).IsUnique();
            e.Property(y => y.Name).HasMaxLength(200);
            e.OwnsMany(y => y.Terms, t => t.ToJson());
        });

        model.Entity<Institution>(e =>
        {
            e.ToModuleTable(Schema, "institutions", provider);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Code).HasMaxLength(50);
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Name).HasMaxLength(300);
            e.Property(i => i.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Ownership).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Shift).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Levels).HasMaxLength(300);
            e.Property(i => i.StatusReason).HasMaxLength(1000);
            e.Property(i => i.ScopePath).HasMaxLength(1000);
            e.Property(i => i.Address).HasMaxLength(500);
            e.Property(i => i.Phone).HasMaxLength(50);
            e.Property(i => i.Email).HasMaxLength(320);
            e.Property(i => i.SearchText).HasMaxLength(400);
            e.Ignore(i => i.LevelCodes);
            e.HasIndex(i => i.ScopePath);
            e.HasIndex(i => i.AreaId);
            e.HasIndex(i => new { i.Status, i.Type });
            // Serves the list's default order, so a page is read from the index instead of sorting every match.
            e.HasIndex(i => new { i.Name, i.Code }).HasFilter("deleted_at IS NULL");
            e.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(i => i.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            var search = e.HasIndex(i => i.SearchText);
            if (provider == DatabaseProvider.Postgres)
            {
                search.HasMethod("gin").HasOperators("gin_trgm_ops");
            }
        });

        model.Entity<Learner>(e =>
        {
            e.ToModuleTable(Schema, "learners", provider);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.LearnerNumber).HasMaxLength(10);
            e.HasIndex(l => l.LearnerNumber).IsUnique();
            e.Property(l => l.GivenName).HasMaxLength(100);
            e.Property(l => l.FamilyName).HasMaxLength(100);
            e.Property(l => l.OtherNames).HasMaxLength(200);
            e.Property(l => l.Sex).HasConversion<string>().HasMaxLength(10);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(l => l.SpecialNeeds).HasMaxLength(300);
            e.Property(l => l.NationalIdProtected).HasMaxLength(1000);
            e.Property(l => l.ScopePath).HasMaxLength(1000);
            e.Property(l => l.SearchText).HasMaxLength(400);
            e.OwnsMany(l => l.Guardians, g => g.ToJson());
            // Counts a district's (or any area's) active learners from the index alone; and, per school
            // (one scope path), lists them in the list's order: a district's page merges its schools'
            // first rows (LearnerAreaPage) instead of walking the national name index for 1 % of it.
            var byScope = e.HasIndex(l => new { l.ScopePath, l.FamilyName, l.GivenName, l.LearnerNumber }).HasFilter("deleted_at IS NULL");
            // The list's order (family name, given name, number) with every column the list shows
            // and filters on: a page is the first matches met walking the index, without touching
            // the table or sorting, however many learners match (ADR 0009). SQLite gets the plain
            // ordering index; its deployments hold a district.
            var byName = e.HasIndex(l => new { l.FamilyName, l.GivenName, l.LearnerNumber }).HasFilter("deleted_at IS NULL");
            if (provider == DatabaseProvider.Postgres)
            {
                byScope.HasOperators("text_pattern_ops", "text_ops", "text_ops", "text_ops");
                byScope.IncludeProperties(l => new { l.Status, l.Id, l.InstitutionId, l.Sex, l.DateOfBirth });
                byName.IncludeProperties(l => new { l.Id, l.InstitutionId, l.ScopePath, l.SearchText, l.Status, l.Sex, l.DateOfBirth });
            }

            // Birth date + school serves every duplicate check: exact (school, birth date) pairs in
            // imports, birth dates across an area on create and in the census. Each index costs every
            // bulk-loaded row its upkeep, so learners carry only the ones a query needs.
            e.HasIndex(l => new { l.DateOfBirth, l.InstitutionId });
            e.Property(l => l.AdmissionNumber).HasMaxLength(30);
            // Also the index of "learners of a school" (its leading column).
            e.HasIndex(l => new { l.InstitutionId, l.AdmissionNumber }).IsUnique();
            e.HasOne<Institution>().WithMany().HasForeignKey(l => l.InstitutionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Learner>().WithMany().HasForeignKey(l => l.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => l.MergedIntoId).HasFilter("merged_into_id IS NOT NULL");
            // Name search reads the name-word index on PostgreSQL (ADR 0032: the LearnerNameWords migration's
            // table and triggers) and LIKE patterns on SQLite; the search text needs no index of its own.
        });

        if (provider == DatabaseProvider.Postgres)
        {
            // The name-word index (ADR 0032): read by the learner search; written only by the triggers the
            // LearnerNameWords and LearnerNamePairs migrations made on the learners table, so it is not part of
            // the model's migrations.
            model.Entity<LearnerNameWord>(e =>
            {
                e.ToTable("learner_name_words", Schema, t => t.ExcludeFromMigrations());
                e.HasNoKey();
                e.Property(w => w.Word).HasMaxLength(402).UseCollation("C");
                e.Property(w => w.FamilyName).HasMaxLength(100);
                e.Property(w => w.GivenName).HasMaxLength(100);
                e.Property(w => w.LearnerNumber).HasMaxLength(10);
                e.Property(w => w.SearchText).HasMaxLength(400);
                e.Property(w => w.Sex).HasConversion<string>().HasMaxLength(10);
            });
        }

        model.Entity<StaffMember>(e =>
        {
            e.ToModuleTable(Schema, "staff", provider);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.StaffNumber).HasMaxLength(30);
            e.HasIndex(m => m.StaffNumber).IsUnique();
            e.Property(m => m.GivenName).HasMaxLength(100);
            e.Property(m => m.FamilyName).HasMaxLength(100);
            e.Property(m => m.Sex).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Phone).HasMaxLength(50);
            e.Property(m => m.Email).HasMaxLength(320);
            e.Property(m => m.ScopePath).HasMaxLength(1000);
            e.Property(m => m.SearchText).HasMaxLength(400);
            e.OwnsMany(m => m.Qualifications, q => q.ToJson());
            e.HasIndex(m => m.ScopePath);
            e.HasIndex(m => m.InstitutionId);
            e.HasIndex(m => new { m.FamilyName, m.GivenName, m.StaffNumber }).HasFilter("deleted_at IS NULL");
            e.HasOne<Institution>().WithMany().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Posting>(e =>
        {
            e.ToModuleTable(Schema, "postings", provider);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Position).HasMaxLength(100);
            e.Property(p => p.TeachingLevel).HasMaxLength(30);
            e.HasIndex(p => new { p.StaffId, p.StartsOn });
            e.HasIndex(p => p.InstitutionId);
            e.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Enrolment>(e =>
        {
            e.ToModuleTable(Schema, "enrolments", provider);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.Property(x => x.ScopePath).HasMaxLength(1000);
            e.HasIndex(x => new { x.LearnerId, x.AcademicYearId });
            e.HasIndex(x => new { x.InstitutionId, x.AcademicYearId, x.GradeId, x.Status });
            e.HasIndex(x => x.CreatedByPromotion);
            e.HasIndex(x => x.EndedByPromotion);
            e.HasIndex(x => x.ScopePath);
            e.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(x => x.AcademicYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Grade>().WithMany().HasForeignKey(x => x.GradeId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CensusRound>(e =>
        {
            e.ToModuleTable(Schema, "census_rounds", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.ReminderDays).HasMaxLength(100);
            e.Ignore(r => r.ReminderDayList);
            e.HasIndex(r => r.AcademicYearId).IsUnique();
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(r => r.AcademicYearId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CensusReturn>(e =>
        {
            e.ToModuleTable(Schema, "census_returns", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.ScopePath).HasMaxLength(1000);
            e.OwnsOne(r => r.Figures, f =>
            {
                f.ToJson("figures");
                f.Property(x => x.Remarks).HasMaxLength(2000);
            });
            e.OwnsMany(r => r.Counts, c => c.ToJson("counts"));
            e.OwnsMany(r => r.Findings, f =>
            {
                f.ToJson("findings");
                f.Property(x => x.Severity).HasConversion<string>();
            });
            e.HasIndex(r => new { r.RoundId, r.InstitutionId }).IsUnique();
            e.HasIndex(r => new { r.RoundId, r.Status });
            e.HasIndex(r => r.ScopePath);
            e.HasOne<CensusRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CensusReturnEvent>(e =>
        {
            e.ToModuleTable(Schema, "census_return_events", provider);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Action).HasMaxLength(30);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasIndex(x => x.ReturnId);
            e.HasOne<CensusReturn>().WithMany().HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CensusReminder>(e =>
        {
            e.ToModuleTable(Schema, "census_reminders", provider);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.RoundId, x.InstitutionId, x.DaysBefore }).IsUnique();
            e.HasOne<CensusRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<ImportBatch>(e =>
        {
            e.ToModuleTable(Schema, "import_batches", provider);
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.FileName).HasMaxLength(260);
            e.Property(b => b.Format).HasMaxLength(10);
            e.Property(b => b.Sha256).HasMaxLength(64);
            e.Property(b => b.Columns).HasMaxLength(20_000);
            e.Property(b => b.Mapping).HasMaxLength(20_000);
            e.Property(b => b.Failure).HasMaxLength(2000);
            e.Property(b => b.Version).IsConcurrencyToken();
            e.HasIndex(b => new { b.CreatedBy, b.CreatedAt });
        });

        model.Entity<ImportFileChunk>(e =>
        {
            e.ToModuleTable(Schema, "import_file_chunks", provider);
            e.HasKey(c => new { c.BatchId, c.Sequence });
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ImportProblem>(e =>
        {
            e.ToModuleTable(Schema, "import_problems", provider);
            e.Property(p => p.Id).ValueGeneratedOnAdd();
            e.Property(p => p.Column).HasMaxLength(200);
            e.Property(p => p.Value).HasMaxLength(200);
            e.Property(p => p.Message).HasMaxLength(500);
            e.HasIndex(p => new { p.BatchId, p.Row });
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<InstitutionStatusChange>(e =>
        {
            e.ToModuleTable(Schema, "institution_status_changes", provider);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Reason).HasMaxLength(1000);
            e.HasIndex(c => c.InstitutionId);
            e.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal static class InstitutionsData
{
    public static DbSet<Area> Areas(this LnemisDbContext db) => db.Set<Area>();

    public static DbSet<EducationLevel> Levels(this LnemisDbContext db) => db.Set<EducationLevel>();

    public static DbSet<Grade> Grades(this LnemisDbContext db) => db.Set<Grade>();

    public static DbSet<AcademicYear> AcademicYears(this LnemisDbContext db) => db.Set<AcademicYear>();

    public static DbSet<Institution> Institutions(this LnemisDbContext db) => db.Set<Institution>();

    public static DbSet<InstitutionStatusChange> InstitutionStatusChanges(this LnemisDbContext db) => db.Set<InstitutionStatusChange>();

    public static DbSet<Learner> Learners(this LnemisDbContext db) => db.Set<Learner>();

    public static DbSet<StaffMember> Staff(this LnemisDbContext db) => db.Set<StaffMember>();

    public static DbSet<Posting> Postings(this LnemisDbContext db) => db.Set<Posting>();

    public static DbSet<Enrolment> Enrolments(this LnemisDbContext db) => db.Set<Enrolment>();

    public static DbSet<CensusRound> CensusRounds(this LnemisDbContext db) => db.Set<CensusRound>();

    public static DbSet<ImportBatch> ImportBatches(this LnemisDbContext db) => db.Set<ImportBatch>();

    public static DbSet<ImportFileChunk> ImportFileChunks(this LnemisDbContext db) => db.Set<ImportFileChunk>();

    public static DbSet<ImportProblem> ImportProblems(this LnemisDbContext db) => db.Set<ImportProblem>();

    public static DbSet<CensusReturn> CensusReturns(this LnemisDbContext db) => db.Set<CensusReturn>();

    public static DbSet<CensusReturnEvent> CensusReturnEvents(this LnemisDbContext db) => db.Set<CensusReturnEvent>();

    public static DbSet<CensusReminder> CensusReminders(this LnemisDbContext db) => db.Set<CensusReminder>();

    /// <summary>The scope path of an area the caller may see; null when there is no such area (or it is out of scope).</summary>
    public static Task<string?> AreaPathAsync(this LnemisDbContext db, Guid areaId, CancellationToken ct) =>
        db.Areas().Where(a => a.Id == areaId).Select(a => a.ScopePath).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Code and name of the given areas, even those outside the caller's scope (a head teacher sees
    /// their school's district name). A query of its own on purpose: IgnoreQueryFilters inside
    /// another query would lift the filters of the whole query.
    /// </summary>
    public static async Task<Dictionary<Guid, (string Code, string Name)>> AreaLabelsAsync(this LnemisDbContext db, IEnumerable<Guid>? ids, CancellationToken ct)
    {
        var query = db.Areas().IgnoreQueryFilters().AsNoTracking();
        if (ids is not null)
        {
            var wanted = ids.Distinct().ToList();
            query = query.Where(a => wanted.Contains(a.Id));
        }

        return await query.Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
    }

    /// <summary>Code and name of the given institutions (all of them when null), closed and deleted ones too; see <see cref="AreaLabelsAsync"/>.</summary>
    public static async Task<Dictionary<Guid, (string Code, string Name)>> InstitutionLabelsAsync(this LnemisDbContext db, IEnumerable<Guid>? ids, CancellationToken ct)
    {
        var query = db.Institutions().IgnoreQueryFilters().AsNoTracking();
        if (ids is not null)
        {
            var wanted = ids.Distinct().ToList();
            query = query.Where(i => wanted.Contains(i.Id));
        }

        return await query.Select(i => new { i.Id, i.Code, i.Name }).ToDictionaryAsync(i => i.Id, i => (i.Code, i.Name), ct);
    }
}

/// <summary>What the search boxes match: lower case, accents removed, single spaces.</summary>
internal static class SearchText
{
    public static string Of(params string?[] parts)
    {
        var joined = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))).Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(joined.Length);
        var space = false;
        foreach (var c in joined)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A LIKE pattern that finds <paramref name="term"/> anywhere (wildcards in the term are matched literally).</summary>
    public static string Contains(string term) => "%" + Literal(Of(term)) + "%";

    /// <summary>
    /// Patterns that match a word of the search text beginning with <paramref name="word"/> (already in
    /// search-text form): at the start of the text, or after a space.
    /// </summary>
    public static (string First, string Inner) WordStart(string word) => (Literal(word) + "%", "% " + Literal(word) + "%");

    /// <summary><paramref name="text"/> as a LIKE pattern (escape character backslash) that matches it literally.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
