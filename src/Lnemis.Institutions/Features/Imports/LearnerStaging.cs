using System.Text.Json;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

#pragma warning disable CA2100 // Table and column names come from the EF model or are constants here; every value is a parameter.

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// The learner import on PostgreSQL (ADR 0024): each chunk's parsed rows are staged with one binary
/// COPY into a temporary table; after the last chunk the checks run set-based — existing learners by
/// learner number and admission number, scope, the same learner twice, look-alikes at the school, the
/// issued numbers' collisions — and the apply writes with one INSERT … SELECT, updating only the rows
/// that differ (through EF, so each update is audited with old and new values). Rows stay in the
/// database, so the server's memory does not grow with the file.
/// A dry run that staged every row keeps them in an unlogged table of its batch, with their new ids
/// and numbers; the apply takes them up instead of reading the file again when the table is whole and
/// every school in it is unchanged and still in the importer's scope, and drops it as it commits
/// (ADR 0024, third addendum). <see cref="SweepKeptTables"/> drops the tables no apply will take up.
/// </summary>
internal sealed class LearnerStaging
{
    private const string Temporary = "lnemis_learner_import_staged";
    private const string KeptPrefix = "learner_import_staged_";
    private const string Checked = "lnemis_learner_import_checked";
    private const string Changed = "lnemis_learner_import_changed";
    private const int Page = 1000;

    // The set-based checks' findings, stored per row in the checked table.
    private const short UnknownNumber = 1;
    private const short OtherInstitution = 2;
    private const short MergedNumber = 3;
    private const short DeletedAdmission = 4;
    private const short LooksLikeExisting = 5;
    private const short SameLearnerTwice = 6;

    private const string RowColumns = "row_no, learner_number, institution_id, institution_code, scope_path, admission_number, given_name, family_name, "
        + "other_names, sex, date_of_birth, has_birth_certificate, special_needs, guardian, search_text, new_id, new_number";

    private readonly ImportContext context;
    private readonly NpgsqlConnection connection;
    private readonly IEntityType entity;
    private readonly string learners;
    private readonly Dictionary<string, string> column;
    private readonly HashSet<long> issued = [];

    // The staged rows' table: a temporary one, or the batch's kept one (a dry run's, or taken up by the apply).
    private readonly string staged;
    private readonly bool kept;

    private LearnerStaging(ImportContext context, bool kept)
    {
        this.context = context;
        this.kept = kept;
        connection = (NpgsqlConnection)context.Db.Database.GetDbConnection();
        entity = context.Db.Model.FindEntityType(typeof(Learner))!;
        learners = SqlNames.Table(context.Db, entity);
        column = entity.GetProperties().ToDictionary(p => p.Name, p => SqlNames.Column(context.Db, p), StringComparer.Ordinal);
        staged = kept ? KeptTable(context.Db, context.BatchId) : Temporary;
    }

    /// <summary>The unlogged table in which a dry run keeps its batch's staged rows for the apply.</summary>
    private static string KeptTable(LnemisDbContext db, Guid batch) =>
        Quote(db.Model.FindEntityType(typeof(Learner))!.GetSchema() ?? "public") + "." + Quote(KeptPrefix + batch.ToString("N"));

    /// <summary>
    /// Starts staging: a dry run into its batch's kept table (replacing an earlier dry run's), an apply, or a
    /// dry run whose database user may not create tables, into a temporary one.
    /// </summary>
    public static async Task<LearnerStaging> CreateAsync(ImportContext context, bool apply, CancellationToken ct)
    {
        if (!apply)
        {
            var keeping = new LearnerStaging(context, kept: true);
            try
            {
                await keeping.CreateTableAsync("UNLOGGED", ct);
                return keeping;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // Nothing is kept: the apply reads the file again.
            }
        }

        var staging = new LearnerStaging(context, kept: false);
        await staging.CreateTableAsync("TEMPORARY", ct);
        return staging;
    }

    private Task CreateTableAsync(string kind, CancellationToken ct) => ExecuteAsync($"""
        DROP TABLE IF EXISTS {staged}, {Checked}, {Changed};
        CREATE {kind} TABLE {staged} (
            row_no integer NOT NULL, learner_number text, institution_id uuid NOT NULL, institution_code text NOT NULL, scope_path text NOT NULL,
            admission_number text, given_name text NOT NULL, family_name text NOT NULL, other_names text, sex text NOT NULL, date_of_birth date NOT NULL,
            has_birth_certificate boolean, special_needs text, guardian jsonb, search_text text NOT NULL, new_id uuid NOT NULL, new_number text)
        """, ct);

    /// <summary>
    /// For an apply: the rows this batch's dry run kept, or null when there are none to trust — no kept
    /// table, or one the dry run did not finish, or emptied by crash recovery (an unlogged table is), or
    /// naming a school that was deleted or moved since or that the importer may no longer write to. An
    /// untrusted table is dropped and the apply reads the file again.
    /// </summary>
    public static async Task<LearnerStaging?> ResumeAsync(ImportContext context, CancellationToken ct)
    {
        var staging = new LearnerStaging(context, kept: true);
        string? mark;
        await using (var reader = await staging.ReadAsync("SELECT obj_description(to_regclass(@name), 'pg_class')", ct, new NpgsqlParameter("name", staging.staged)))
        {
            await reader.ReadAsync(ct);
            mark = reader.IsDBNull(0) ? null : reader.GetString(0);
        }

        if (mark is null)
        {
            await staging.ExecuteAsync($"DROP TABLE IF EXISTS {staging.staged}", ct);
            return null;
        }

        var schools = new Dictionary<Guid, string>();
        long count = 0;
        await using (var reader = await staging.ReadAsync($"SELECT institution_id, scope_path, count(*) FROM {staging.staged} GROUP BY institution_id, scope_path", ct))
        {
            while (await reader.ReadAsync(ct))
            {
                schools[reader.GetGuid(0)] = reader.GetString(1);
                count += reader.GetInt64(2);
            }
        }

        var ids = schools.Keys.ToList();
        var now = await context.Db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ScopePath, ct);
        if (mark != staging.Mark(count) || schools.Any(s => now.GetValueOrDefault(s.Key) != s.Value || !context.Covers(s.Value)))
        {
            await staging.ExecuteAsync($"DROP TABLE {staging.staged}", ct);
            return null;
        }

        return staging;
    }

    /// <summary>
    /// What a finished dry run writes on its kept table: the rows it staged (a crash empties an unlogged table)
    /// and the column mapping they were read with (a batch whose mapping changed is dry-run again).
    /// </summary>
    private string Mark(long rows) => $"staged rows: {rows}; mapping: {context.MappingKey}";

    /// <summary>Stages a chunk's parsed rows (the apply also gives each a new learner number and id, used if the row registers a learner).</summary>
    public async Task AddAsync(IReadOnlyList<LearnerImport.Row> rows, bool apply, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync($"COPY {staged} ({RowColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(row.Number, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(writer, row.LearnerNumber, ct);
            await writer.WriteAsync(row.Institution.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.InstitutionCode, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.Institution.ScopePath, NpgsqlDbType.Text, ct);
            await WriteTextAsync(writer, row.AdmissionNumber, ct);
            await writer.WriteAsync(row.GivenName, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.FamilyName, NpgsqlDbType.Text, ct);
            await WriteTextAsync(writer, row.OtherNames, ct);
            await writer.WriteAsync(row.Sex.ToString(), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.DateOfBirth, NpgsqlDbType.Date, ct);
            if (row.HasBirthCertificate is { } certificate)
            {
                await writer.WriteAsync(certificate, NpgsqlDbType.Boolean, ct);
            }
            else
            {
                await writer.WriteNullAsync(ct);
            }

            await WriteTextAsync(writer, row.SpecialNeeds, ct);
            if (row.Guardian is { } guardian)
            {
                await writer.WriteAsync(JsonSerializer.Serialize(guardian), NpgsqlDbType.Jsonb, ct);
            }
            else
            {
                await writer.WriteNullAsync(ct);
            }

            await writer.WriteAsync(SearchText.Of(row.GivenName, row.OtherNames, row.FamilyName), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await WriteTextAsync(writer, apply || kept ? Issue() : null, ct);
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
    }

    /// <summary>A learner number not issued before in this import.</summary>
    private string Issue()
    {
        string number;
        do
        {
            number = LearnerNumbers.Issue();
        }
        while (!issued.Add(long.Parse(number, System.Globalization.CultureInfo.InvariantCulture)));
        return number;
    }

    /// <summary>
    /// Checks the staged rows; the apply then writes the good ones. Row errors go to the context, at most as
    /// many as the import keeps. A dry run keeps its rows for the apply when <paramref name="keep"/> (every
    /// row of the file was staged), else drops them.
    /// </summary>
    public async Task<ChunkOutcome> FinishAsync(bool apply, bool keep, int rebuildFromRows, CancellationToken ct)
    {
        await ExecuteAsync($"ANALYZE {staged}; ANALYZE {learners};", ct);
        await MatchExistingAsync(ct);
        await ReportMatchProblemsAsync(ct);
        await RefuseLookalikesAsync(ct);

        long valid = 0, invalid = 0, matched = 0, fresh = 0;
        await using (var reader = await ReadAsync($"""
            SELECT count(*) FILTER (WHERE problem IS NULL), count(*) FILTER (WHERE problem IS NOT NULL),
                count(*) FILTER (WHERE problem IS NULL AND learner_id IS NOT NULL), count(*) FILTER (WHERE problem IS NULL AND learner_id IS NULL)
            FROM {Checked}
            """, ct))
        {
            await reader.ReadAsync(ct);
            (valid, invalid, matched, fresh) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        if (!apply)
        {
            // Marked whole last: a dry run cut short leaves a table the apply does not trust.
            await ExecuteAsync(kept && keep ? $"COMMENT ON TABLE {staged} IS '{Mark(valid + invalid)}'" : $"DROP TABLE IF EXISTS {staged}", ct);
            return new ChunkOutcome((int)valid, (int)invalid, 0, 0, 0);
        }

        // All-or-nothing stops here, before anything is written, when a row was refused.
        await context.ReportErrorsAsync();
        var updated = await UpdateChangedAsync(ct);
        await IssueNumbersAsync(ct);
        var rebuild = await RebuildIndexesAsync(fresh, rebuildFromRows, ct);
        await InsertFreshAsync(ct);
        if (rebuild is not null)
        {
            await rebuild(ct);
        }

        // The name search chooses its driving word from the word index's statistics (ADR 0032); an apply
        // that wrote nothing (a re-run of the same file) leaves both as they were. The word index is analysed
        // again when the apply changed at least a fifth of the registry (a first load, a rebuild): a smaller
        // one hardly moves its statistics, and on the national registry the analysis alone took 12 s. The
        // autovacuum daemon analyses it again once enough has changed.
        if (fresh + updated > 0)
        {
            await ExecuteAsync($"ANALYZE {learners}", ct);
            await using var command = new NpgsqlCommand($"SELECT reltuples::bigint FROM pg_class WHERE oid = '{learners}'::regclass", connection);
            if (rebuild is not null || (fresh + updated) * 5 >= (long)(await command.ExecuteScalarAsync(ct))!)
            {
                await ExecuteAsync($"ANALYZE {LearnerNameSearch.WordsTable}", ct);
            }
        }
        return new ChunkOutcome((int)valid, (int)invalid, (int)fresh, updated, (int)(matched - updated));
    }

    /// <summary>Drops the pass's tables; a dry run's kept table stays (the apply drops it in its transaction).</summary>
    public Task DropAsync(bool apply, CancellationToken ct) =>
        ExecuteAsync($"DROP TABLE IF EXISTS {(kept && !apply ? "" : staged + ", ")}{Checked}, {Changed}", ct);

    /// <summary>
    /// Drops the kept tables no apply will take up: of batches that are gone, applied, failed or sent back to
    /// mapping, or validated longer ago than <paramref name="validFor"/> (their apply reads the file). Returns how many.
    /// </summary>
    public static async Task<int> SweepKeptTables(LnemisDbContext db, DateTimeOffset now, TimeSpan validFor, CancellationToken ct)
    {
        if (db.Provider != Lnemis.Platform.Hosting.DatabaseProvider.Postgres)
        {
            return 0;
        }

        var schema = db.Model.FindEntityType(typeof(Learner))!.GetSchema() ?? "public";
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname::text AS \"Value\" FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = {0} AND c.relkind = 'r' AND starts_with(c.relname, {1})",
            schema, KeptPrefix).ToListAsync(ct);
        var batches = tables.Select(t => Guid.TryParseExact(t[KeptPrefix.Length..], "N", out var id) ? id : Guid.Empty).ToList();
        var live = await db.ImportBatches().AsNoTracking().Where(b => batches.Contains(b.Id))
            .Where(b => b.Status == ImportStatus.Validating || b.Status == ImportStatus.Applying || (b.Status == ImportStatus.Validated && b.ValidatedAt > now - validFor))
            .Select(b => b.Id).ToListAsync(ct);
        var dropped = 0;
        foreach (var (table, batch) in tables.Zip(batches))
        {
            if (!live.Contains(batch))
            {
#pragma warning disable EF1003 // The name is the catalogue's own, quoted.
                await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS " + Quote(schema) + "." + Quote(table), ct);
#pragma warning restore EF1003
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>
    /// One pass: each row's learner by number (not deleted) or by admission number at its school
    /// (deleted included: the number stays taken), with what refuses the row.
    /// </summary>
    private async Task MatchExistingAsync(CancellationToken ct)
    {
        var paths = context.CoveringPaths;
        string Col(string property) => column[property];
        await ExecuteAsync($"""
            CREATE TEMPORARY TABLE {Checked} AS SELECT *, NULL::uuid AS learner_id, NULL::smallint AS problem FROM {staged} WITH NO DATA;
            INSERT INTO {Checked}
            SELECT s.*, COALESCE(n.{Col(nameof(Learner.Id))}, a.{Col(nameof(Learner.Id))}) AS learner_id,
                (CASE
                    WHEN s.learner_number IS NOT NULL THEN CASE
                        WHEN n.{Col(nameof(Learner.Id))} IS NULL
                            OR NOT (@everywhere OR EXISTS (SELECT 1 FROM unnest(@paths) AS p(path) WHERE starts_with(n.{Col(nameof(Learner.ScopePath))}, p.path))) THEN {UnknownNumber}
                        WHEN n.{Col(nameof(Learner.InstitutionId))} <> s.institution_id THEN {OtherInstitution}
                        WHEN n.{Col(nameof(Learner.Status))} <> '{LearnerStatus.Active}' THEN {MergedNumber}
                    END
                    WHEN a.{Col(nameof(Learner.DeletedAt))} IS NOT NULL THEN {DeletedAdmission}
                END)::smallint AS problem
            FROM {staged} AS s
            LEFT JOIN {learners} AS n ON s.learner_number IS NOT NULL AND n.{Col(nameof(Learner.LearnerNumber))} = s.learner_number
                AND n.{Col(nameof(Learner.DeletedAt))} IS NULL
            LEFT JOIN {learners} AS a ON s.learner_number IS NULL AND a.{Col(nameof(Learner.InstitutionId))} = s.institution_id
                AND a.{Col(nameof(Learner.AdmissionNumber))} = s.admission_number;
            {(kept ? "" : $"DROP TABLE {staged};")}
            ANALYZE {Checked};
            WITH twice AS (
                SELECT learner_id, min(row_no) AS first FROM {Checked}
                WHERE learner_id IS NOT NULL AND problem IS NULL GROUP BY learner_id HAVING count(*) > 1)
            UPDATE {Checked} AS c SET problem = {SameLearnerTwice} FROM twice
            WHERE c.learner_id = twice.learner_id AND c.problem IS NULL AND c.row_no > twice.first;
            """, ct, new NpgsqlParameter("everywhere", paths is null), new NpgsqlParameter("paths", paths ?? []));
    }

    private async Task ReportMatchProblemsAsync(CancellationToken ct)
    {
        await using var reader = await ReadAsync($"""
            SELECT row_no, problem, learner_number, admission_number, institution_code FROM {Checked}
            WHERE problem IS NOT NULL ORDER BY row_no LIMIT {ImportRunner.MaxStoredProblems}
            """, ct);
        while (await reader.ReadAsync(ct))
        {
            var row = reader.GetInt32(0);
            var number = reader.IsDBNull(2) ? null : reader.GetString(2);
            var admission = reader.IsDBNull(3) ? null : reader.GetString(3);
            var (field, value, message) = reader.GetInt16(1) switch
            {
                UnknownNumber => ("learnerNumber", number, "No learner with this number in your area."),
                OtherInstitution => ("institutionCode", reader.GetString(4), "The learner is registered at another institution; transfer them instead of re-importing."),
                MergedNumber => ("learnerNumber", number, "This learner record was merged into another; use that learner's number."),
                DeletedAdmission => ("admissionNumber", admission,
                    "This admission number belongs to a deleted learner record at this school; use another number or ask an administrator to restore the record."),
                _ => (number is not null ? "learnerNumber" : "admissionNumber", number ?? admission, LearnerImport.SameLearnerTwice),
            };
            Fail(row, field, value, message);
        }
    }

    /// <summary>
    /// New rows like a learner already registered at the school (same birth date and sex, similar name),
    /// registered before this import: the dry run and the apply find the same rows.
    /// </summary>
    private async Task RefuseLookalikesAsync(CancellationToken ct)
    {
        string Col(string property) => column[property];
        var refused = new List<int>();
        await using (var reader = await ReadAsync($"""
            SELECT c.row_no, c.given_name, c.family_name, l.{Col(nameof(Learner.GivenName))}, l.{Col(nameof(Learner.FamilyName))}, l.{Col(nameof(Learner.LearnerNumber))}
            FROM {Checked} AS c
            JOIN {learners} AS l ON l.{Col(nameof(Learner.DateOfBirth))} = c.date_of_birth AND l.{Col(nameof(Learner.InstitutionId))} = c.institution_id
                AND l.{Col(nameof(Learner.Sex))} = c.sex
            WHERE c.problem IS NULL AND c.learner_id IS NULL AND l.{Col(nameof(Learner.Status))} = '{LearnerStatus.Active}'
                AND l.{Col(nameof(Learner.DeletedAt))} IS NULL AND l.{Col(nameof(Learner.CreatedAt))} < @started
            ORDER BY c.row_no
            """, ct, new NpgsqlParameter("started", context.Now)))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = reader.GetInt32(0);
                if (refused.Count > 0 && refused[^1] == row)
                {
                    continue;
                }

                var given = reader.GetString(1);
                if (DuplicateFinder.SameName(given, reader.GetString(2), reader.GetString(3), reader.GetString(4)))
                {
                    refused.Add(row);
                    Fail(row, "givenName", given,
                        $"Looks like learner {reader.GetString(5)}, already registered at this school; put that learner number in the row to update them.");
                }
            }
        }

        if (refused.Count > 0)
        {
            await ExecuteAsync($"UPDATE {Checked} SET problem = {LooksLikeExisting} WHERE row_no = ANY(@rows)", ct, new NpgsqlParameter("rows", refused.ToArray()));
        }
    }

    /// <summary>
    /// Matched rows whose values may differ from the learner's (a cheap, generous test in SQL) are
    /// applied through EF a page at a time: the exact comparison and the audit of old and new values
    /// are the same as everywhere else. The rest are unchanged.
    /// </summary>
    private async Task<int> UpdateChangedAsync(CancellationToken ct)
    {
        string Col(string property) => column[property];
        var guardians = Quote(entity.FindNavigation(nameof(Learner.Guardians))!.TargetEntityType.GetContainerColumnName()!);
        await ExecuteAsync($"""
            CREATE TEMPORARY TABLE {Changed} AS
            SELECT c.* FROM {Checked} AS c JOIN {learners} AS l ON l.{Col(nameof(Learner.Id))} = c.learner_id
            WHERE c.problem IS NULL AND (
                l.{Col(nameof(Learner.GivenName))} <> c.given_name OR l.{Col(nameof(Learner.FamilyName))} <> c.family_name
                OR l.{Col(nameof(Learner.OtherNames))} IS DISTINCT FROM c.other_names OR l.{Col(nameof(Learner.Sex))} <> c.sex
                OR l.{Col(nameof(Learner.DateOfBirth))} <> c.date_of_birth
                OR (c.has_birth_certificate IS NOT NULL AND l.{Col(nameof(Learner.HasBirthCertificate))} <> c.has_birth_certificate)
                OR (c.special_needs IS NOT NULL AND l.{Col(nameof(Learner.SpecialNeeds))} <> c.special_needs)
                OR (c.admission_number IS NOT NULL AND l.{Col(nameof(Learner.AdmissionNumber))} IS DISTINCT FROM c.admission_number)
                OR (c.guardian IS NOT NULL AND NOT COALESCE(l.{guardians} @> jsonb_build_array(c.guardian - 'Email'), false))
                OR l.{Col(nameof(Learner.SearchText))} = '');
            CREATE INDEX ON {Changed} (row_no);
            """, ct);

        var updated = 0;
        var after = 0;
        while (true)
        {
            var rows = new List<(Guid Learner, LearnerImport.Row Row)>(Page);
            await using (var reader = await ReadAsync($"SELECT {RowColumns}, learner_id FROM {Changed} WHERE row_no > @after ORDER BY row_no LIMIT {Page}", ct,
                new NpgsqlParameter("after", after)))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetGuid(17), ReadRow(reader)));
                }
            }

            if (rows.Count == 0)
            {
                return updated;
            }

            after = rows[^1].Row.Number;
            var ids = rows.Select(r => r.Learner).ToList();
            var tracked = await context.Db.Learners().IgnoreQueryFilters().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
            updated += rows.Count(r => LearnerImport.Apply(tracked[r.Learner], r.Row));
            await context.Db.SaveChangesAsync(ct);
            context.Db.ChangeTracker.Clear();
        }
    }

    private static LearnerImport.Row ReadRow(NpgsqlDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var guardian = reader.IsDBNull(13) ? null : JsonSerializer.Deserialize<Guardian>(reader.GetString(13));
        return new LearnerImport.Row(reader.GetInt32(0), Text(1), reader.GetString(3), Text(5), reader.GetString(6), reader.GetString(7), Text(8),
            Enum.Parse<Sex>(reader.GetString(9)), reader.GetFieldValue<DateOnly>(10), reader.IsDBNull(11) ? null : reader.GetBoolean(11), Text(12), guardian);
    }

    /// <summary>New learners' numbers: issued distinct within the file while staging; re-issued here when an existing learner holds one (rare, checked until none does).</summary>
    private async Task IssueNumbersAsync(CancellationToken ct)
    {
        while (true)
        {
            var taken = new List<int>();
            await using (var reader = await ReadAsync($"""
                SELECT c.row_no FROM {Checked} AS c
                WHERE c.problem IS NULL AND c.learner_id IS NULL
                    AND EXISTS (SELECT 1 FROM {learners} AS l WHERE l.{column[nameof(Learner.LearnerNumber)]} = c.new_number)
                """, ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    taken.Add(reader.GetInt32(0));
                }
            }

            if (taken.Count == 0)
            {
                return;
            }

            // Rows taken up from a dry run were numbered there: the numbers re-issued here avoid theirs too.
            if (kept && issued.Count == 0)
            {
                await using var reader = await ReadAsync($"SELECT new_number FROM {Checked} WHERE new_number IS NOT NULL", ct);
                while (await reader.ReadAsync(ct))
                {
                    issued.Add(long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            await ExecuteAsync($"UPDATE {Checked} AS c SET new_number = v.number FROM unnest(@rows, @numbers) AS v(row_no, number) WHERE c.row_no = v.row_no", ct,
                new NpgsqlParameter("rows", taken.ToArray()), new NpgsqlParameter("numbers", taken.Select(_ => Issue()).ToArray()));
        }
    }

    /// <summary>The new learners in one statement, in file order; every mapped column is filled (an unknown new column fails loudly).</summary>
    private async Task InsertFreshAsync(CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(Learner.Id)] = "c.new_id",
            [nameof(Learner.LearnerNumber)] = "c.new_number",
            [nameof(Learner.GivenName)] = "c.given_name",
            [nameof(Learner.FamilyName)] = "c.family_name",
            [nameof(Learner.OtherNames)] = "c.other_names",
            [nameof(Learner.Sex)] = "c.sex",
            [nameof(Learner.DateOfBirth)] = "c.date_of_birth",
            [nameof(Learner.HasBirthCertificate)] = "COALESCE(c.has_birth_certificate, false)",
            [nameof(Learner.SpecialNeeds)] = "COALESCE(c.special_needs, '')",
            [nameof(Learner.NationalIdProtected)] = "NULL",
            [nameof(Learner.HasNationalId)] = "false",
            [nameof(Learner.InstitutionId)] = "c.institution_id",
            [nameof(Learner.AdmissionNumber)] = "c.admission_number",
            [nameof(Learner.ScopePath)] = "c.scope_path",
            [nameof(Learner.Status)] = $"'{LearnerStatus.Active}'",
            [nameof(Learner.MergedIntoId)] = "NULL",
            [nameof(Learner.SearchText)] = "c.search_text",
            [nameof(Learner.CreatedAt)] = "@now",
            [nameof(Learner.DeletedAt)] = "NULL",
            [nameof(Learner.Version)] = "1",
        };
        var targets = new List<string>();
        var sources = new List<string>();
        foreach (var property in entity.GetProperties().Where(p => p.GetComputedColumnSql() is null))
        {
            targets.Add(column[property.Name]);
            sources.Add(values.TryGetValue(property.Name, out var value)
                ? value
                : throw new InvalidOperationException($"The learner import does not fill the new column of {nameof(Learner)}.{property.Name}."));
        }

        targets.Add(Quote(entity.FindNavigation(nameof(Learner.Guardians))!.TargetEntityType.GetContainerColumnName()!));
        sources.Add("CASE WHEN c.guardian IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(c.guardian) END");
        await ExecuteAsync($"""
            INSERT INTO {learners} ({string.Join(", ", targets)})
            SELECT {string.Join(", ", sources)} FROM {Checked} AS c WHERE c.problem IS NULL AND c.learner_id IS NULL ORDER BY c.row_no
            """, ct, new NpgsqlParameter("now", context.Now));
    }

    /// <summary>
    /// For a large load (at least <paramref name="fromRows"/> new learners, and at least as many as the
    /// table holds): drops the secondary indexes and foreign keys so the insert writes only the table
    /// and its primary key, and returns what rebuilds them (sorted builds, one pass each; unique
    /// indexes and foreign keys are checked again as they are rebuilt). Needs the table's ownership
    /// and its exclusive lock (waits at most 10 s for it); without either the indexes are kept up
    /// row by row as before. Returns null when nothing was dropped.
    /// </summary>
    private async Task<Func<CancellationToken, Task>?> RebuildIndexesAsync(long fresh, int fromRows, CancellationToken ct)
    {
        if (fromRows <= 0 || fresh < fromRows)
        {
            return null;
        }

        var table = new NpgsqlParameter("table", learners);
        long existing;
        bool owner;
        await using (var reader = await ReadAsync("SELECT GREATEST(reltuples, 0)::bigint, pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = @table::regclass", ct, table))
        {
            await reader.ReadAsync(ct);
            (existing, owner) = (reader.GetInt64(0), reader.GetBoolean(1));
        }

        if (!owner || fresh < existing)
        {
            return null;
        }

        await ExecuteAsync("SAVEPOINT lnemis_learner_rebuild; SET LOCAL lock_timeout = '10s'", ct);
        try
        {
            await ExecuteAsync($"LOCK TABLE {learners} IN ACCESS EXCLUSIVE MODE", ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await ExecuteAsync("ROLLBACK TO SAVEPOINT lnemis_learner_rebuild", ct);
            return null;
        }

        // The name-word index the learners' triggers fill (ADR 0032) is rebuilt with them.
        var secondary = await BulkIndexes.ReadAsync(connection, [learners, LearnerNameSearch.WordsTable], ct);
        var drops = secondary.ConvertAll(x => x.Drop);
        var creates = secondary.ConvertAll(x => x.Create);

        await ExecuteAsync("RELEASE SAVEPOINT lnemis_learner_rebuild; SET LOCAL lock_timeout TO DEFAULT; " + string.Join("; ", drops), ct);
        return async token =>
        {
            // Indexes first (the foreign keys' checks then read the rebuilt table once each).
            creates.Reverse();
            await ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'; " + string.Join("; ", creates), token);
        };
    }

    private void Fail(int row, string field, string? value, string message)
    {
        if (context.Errors.Count < ImportRunner.MaxStoredProblems)
        {
            context.Errors.Add(new RowError(row, context.ColumnOf(field), value, message));
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<NpgsqlDataReader> ReadAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        // The reader owns the command from here: disposing the reader is enough.
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
