using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using static Lnemis.Institutions.Tests.ImportTests;

#pragma warning disable EF1003 // The kept tables' names are built from batch ids.

namespace Lnemis.Institutions.Tests;

/// <summary>
/// The learner import across chunks and in its failure modes. On PostgreSQL this is the staged,
/// set-based path (ADR 0024); on SQLite the chunked one: both must report and write the same.
/// </summary>
public sealed class LearnerImportTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private async Task<(TestClient Officer, Guid School, string Code)> SchoolAsync()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var code = await factory.WithDbAsync(db => db.Set<Institution>().Where(i => i.Id == school.Id).Select(i => i.Code).FirstAsync());
        return (officer, school.Id, code);
    }

    private Task<List<Learner>> LearnersAsync(Guid school) =>
        factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.InstitutionId == school).OrderBy(l => l.AdmissionNumber).ToListAsync());

    private static async Task<Dictionary<int, JsonNode>> ProblemsAsync(TestClient client, string id) =>
        (await client.GetJsonAsync($"/api/v1/imports/{id}/problems?pageSize=100"))["items"]!.AsArray().ToDictionary(p => p!["row"]!.GetValue<int>(), p => p!);

    [Fact]
    public async Task AFileLongerThanAChunk_ReportsItsOwnRepeats_AndTheSameLearnerTwice_AndIssuesDistinctNumbers()
    {
        var (officer, school, code) = await SchoolAsync();
        await ImportAsync(officer, "learners", "first.csv", Encoding.UTF8.GetBytes($"""
            School Code,Adm No,First Name,Surname,Gender,DOB
            {code},OLD-1,Existing,Pupil,F,2015-05-05

            """));
        var existing = Assert.Single(await LearnersAsync(school));

        // 2,100 new learners (more than one chunk of 2,000); an admission number repeated in the
        // second chunk; the existing learner named by number and then by admission number.
        var csv = new StringBuilder("School Code,Learner Number,Adm No,First Name,Surname,Gender,DOB\n");
        for (var i = 0; i < 2100; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},,N-{i},Given{i},Family{i % 7},{(i % 2 == 0 ? "F" : "M")},{2010 + (i % 8)}-{1 + (i % 12):00}-{1 + (i % 28):00}\n");
        }

        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},,N-5,Repeated,Row,F,2012-01-01\n");
        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},{existing.LearnerNumber},OLD-1,Existing,Pupil,F,2015-05-05\n");
        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},,OLD-1,Existing,Renamed,F,2015-05-05\n");
        var uploaded = await (await UploadAsync(officer, "learners", "many.csv", Encoding.UTF8.GetBytes(csv.ToString()))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        var validated = await DryRunAsync(officer, id);
        Assert.Equal((2103, 2101, 2), (Count(validated, "totalRows"), Count(validated, "validRows"), Count(validated, "errorRows")));
        var problems = await ProblemsAsync(officer, id);
        Assert.Equal([2102, 2104], problems.Keys.Order());
        Assert.Equal(("Adm No", "N-5"), (problems[2102]["column"]!.GetValue<string>(), problems[2102]["value"]!.GetValue<string>()));
        Assert.Equal(("Adm No", "OLD-1"), (problems[2104]["column"]!.GetValue<string>(), problems[2104]["value"]!.GetValue<string>()));
        Assert.Contains("earlier in the file", problems[2104]["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var applied = await ApplyAsync(officer, id, "SkipBadRows");
        Assert.Equal("Applied", applied["status"]!.GetValue<string>());
        Assert.Equal((2100, 0, 1, 2), (Count(applied, "created"), Count(applied, "updated"), Count(applied, "unchanged"), Count(applied, "skipped")));
        var learners = await LearnersAsync(school);
        Assert.Equal(2101, learners.Count);
        Assert.All(learners, l => Assert.True(LearnerNumbers.IsValid(l.LearnerNumber)));
        Assert.Equal(learners.Count, learners.Select(l => l.LearnerNumber).Distinct().Count());
        Assert.Equal("Pupil", learners.Single(l => l.Id == existing.Id).FamilyName);
        var fifth = learners.Single(l => l.AdmissionNumber == "N-5");
        Assert.Equal(("Given5", "given5 family5"), (fifth.GivenName, fifth.SearchText));
        Assert.Equal(1, fifth.Version);
    }

    [Fact]
    public async Task ReRunningAFixedFileAfterASkipBadRowsApply_CreatesOnlyTheRowsThatWereBad()
    {
        var (officer, school, code) = await SchoolAsync();
        string File(string badDate, string badSex) => $"""
            School Code,Adm No,First Name,Surname,Gender,DOB,Parent,Special Needs
            {code},P-1,Ann,Akinyi,F,2014-01-01,Mary Akinyi,visual
            {code},P-2,Ben,Barasa,M,{badDate},,
            {code},P-3,Cate,Chege,F,2014-03-03,,
            {code},P-4,Dan,Duma,{badSex},2014-04-04,,
            {code},P-5,Eve,Ekai,F,2014-05-05,,

            """;
        var partial = await ImportAsync(officer, "learners", "partial.csv", Encoding.UTF8.GetBytes(File("2014-02-30", "Q")));
        Assert.Equal((3, 2), (Count(partial, "created"), Count(partial, "skipped")));
        var before = (await LearnersAsync(school)).ToDictionary(l => l.AdmissionNumber!);

        var fixedFile = Encoding.UTF8.GetBytes(File("2014-02-02", "M"));
        var fixedRun = await ImportAsync(officer, "learners", "fixed.csv", fixedFile, "AllOrNothing");
        Assert.Equal((2, 0, 3), (Count(fixedRun, "created"), Count(fixedRun, "updated"), Count(fixedRun, "unchanged")));
        var after = (await LearnersAsync(school)).ToDictionary(l => l.AdmissionNumber!);
        Assert.Equal(["P-1", "P-2", "P-3", "P-4", "P-5"], after.Keys.Order());
        Assert.All(before, b => Assert.Equal((b.Value.Id, b.Value.LearnerNumber, b.Value.Version), (after[b.Key].Id, after[b.Key].LearnerNumber, after[b.Key].Version)));
        Assert.Equal(("Mary Akinyi", "VISUAL"), (Assert.Single(after["P-1"].Guardians).Name, after["P-1"].SpecialNeeds));

        var again = await ImportAsync(officer, "learners", "fixed-again.csv", fixedFile);
        Assert.Equal((0, 0, 5), (Count(again, "created"), Count(again, "updated"), Count(again, "unchanged")));
    }

    [Fact]
    public async Task AConflictFoundWhileWriting_FailsTheApply_AndLeavesNothingBehind()
    {
        var (officer, school, code) = await SchoolAsync();
        await ImportAsync(officer, "learners", "first.csv", Encoding.UTF8.GetBytes($"""
            School Code,Adm No,First Name,Surname,Gender,DOB
            {code},M-1,Moses,Mutua,M,2013-01-01

            """));
        var moses = Assert.Single(await LearnersAsync(school));
        var audits = await factory.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityId == moses.Id.ToString()));

        // Each row is valid on its own, but the first gives Moses the admission number the second registers.
        await ConflictingApplyFailsAsync(officer, code, moses.LearnerNumber, 1);
        var after = Assert.Single(await LearnersAsync(school));
        Assert.Equal(("M-1", "Moses", moses.Version), (after.AdmissionNumber, after.GivenName, after.Version));
        Assert.Equal(audits, await factory.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityId == moses.Id.ToString())));
    }

    /// <summary>The table in which a batch's dry run keeps its rows for the apply (PostgreSQL).</summary>
    private static string Kept(string batch) => $"institutions.learner_import_staged_{Guid.Parse(batch):N}";

    /// <summary>How many rows a batch's dry run kept, or null when it kept none (always on SQLite).</summary>
    private Task<int?> KeptRowsAsync(string batch) => factory.WithDbAsync(async db =>
    {
        if (!factory.Database.IsPostgres
            || await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_class WHERE oid = to_regclass({0})", Kept(batch)).SingleAsync() == 0)
        {
            return (int?)null;
        }

        return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM " + Kept(batch)).SingleAsync();
    });

    private static async Task<string> UploadAndDryRunAsync(TestClient officer, string name, string csv)
    {
        var uploaded = await (await UploadAsync(officer, "learners", name, Encoding.UTF8.GetBytes(csv))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        Assert.Equal("Validated", (await ImportTests.DryRunAsync(officer, id))["status"]!.GetValue<string>());
        return id;
    }

    [Fact]
    public async Task TheApply_TakesUpTheDryRunsRows_OrReadsTheFileAgain_WhenItCannotTrustThem()
    {
        var (officer, school, code) = await SchoolAsync();
        var postgres = factory.Database.IsPostgres;
        // Each file's learners are born in their own month, so none looks like another file's.
        string File(string prefix, int rows) => "School Code,Adm No,First Name,Surname,Gender,DOB\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code},{prefix}-{i},Given{prefix}{i},Family{i},F,2014-{prefix[0] - 'A' + 1:00}-{1 + i:00}\n")));

        // A clean file: the dry run keeps its rows and the apply takes them up. On PostgreSQL the file's
        // chunks are deleted first, so the apply cannot have read it.
        var first = await UploadAndDryRunAsync(officer, "first.csv", File("A", 3));
        if (postgres)
        {
            Assert.Equal(3, await KeptRowsAsync(first));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ImportFileChunk>().Where(c => c.BatchId == Guid.Parse(first)).ExecuteDeleteAsync()));
        }

        var applied = await ApplyAsync(officer, first, "AllOrNothing");
        Assert.Equal(("Applied", 3, 3), (applied["status"]!.GetValue<string>(), Count(applied, "totalRows"), Count(applied, "created")));
        Assert.Null(await KeptRowsAsync(first));
        var learners = await LearnersAsync(school);
        Assert.Equal(["A-0", "A-1", "A-2"], learners.Select(l => l.AdmissionNumber));
        Assert.Equal(("GivenA1", "givena1 family1"), (learners[1].GivenName, learners[1].SearchText));
        var found = await officer.GetJsonAsync($"/api/v1/learners?q=givena2&institutionId={school}");
        Assert.Equal(learners[2].LearnerNumber, Assert.Single(found["items"]!.AsArray())!["learnerNumber"]!.GetValue<string>());

        // A number the dry run gave a new row is taken meanwhile: the apply gives that row another.
        var second = await UploadAndDryRunAsync(officer, "second.csv", File("B", 2));
        string? taken = null;
        if (postgres)
        {
            taken = (await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT new_number AS \"Value\" FROM " + Kept(second) + " ORDER BY row_no").ToListAsync()))[0];
            await factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.Id == learners[0].Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.LearnerNumber, taken)));
        }

        Assert.Equal(2, Count(await ApplyAsync(officer, second, "AllOrNothing"), "created"));
        learners = await LearnersAsync(school);
        Assert.Equal(5, learners.Count);
        Assert.Equal(5, learners.Select(l => l.LearnerNumber).Distinct().Count());
        Assert.All(learners, l => Assert.True(LearnerNumbers.IsValid(l.LearnerNumber)));
        if (taken is not null)
        {
            Assert.Equal(learners[0].Id, learners.Single(l => l.LearnerNumber == taken).Id);
        }

        // The kept table was emptied (as crash recovery empties an unlogged table): the apply reads the file.
        var third = await UploadAndDryRunAsync(officer, "third.csv", File("C", 2));
        if (postgres)
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE " + Kept(third)));
        }

        Assert.Equal(2, Count(await ApplyAsync(officer, third, "AllOrNothing"), "created"));
        Assert.Null(await KeptRowsAsync(third));

        // The table's mark does not match (as after a change of the column mapping): the apply does not take the
        // rows up, and with the file's chunks gone it finds no rows to write.
        var stale = await UploadAndDryRunAsync(officer, "stale.csv", File("F", 2));
        if (postgres)
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("COMMENT ON TABLE " + Kept(stale) + " IS 'staged rows: 2; mapping: 00'"));
            await factory.WithDbAsync(db => db.Set<ImportFileChunk>().Where(c => c.BatchId == Guid.Parse(stale)).ExecuteDeleteAsync());
            var unread = await ApplyAsync(officer, stale, "AllOrNothing");
            Assert.Equal((0, 0), (Count(unread, "created"), Count(unread, "unchanged")));
            Assert.Null(await KeptRowsAsync(stale));
            Assert.Equal(7, (await LearnersAsync(school)).Count);
        }

        // The school left the officer's district after the dry run: the apply reads the file again and refuses its rows.
        var fourth = await UploadAndDryRunAsync(officer, "fourth.csv", File("D", 2));
        Assert.Equal(postgres ? 2 : null, await KeptRowsAsync(fourth));
        await factory.WithDbAsync(db => db.Set<Institution>().IgnoreQueryFilters().Where(i => i.Id == school)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ScopePath, "/elsewhere/")));
        var refused = await ApplyAsync(officer, fourth, "SkipBadRows");
        Assert.Equal(("Applied", 0, 2), (refused["status"]!.GetValue<string>(), Count(refused, "created"), Count(refused, "skipped")));
        Assert.Null(await KeptRowsAsync(fourth));

        // A dry run that refused a row while reading keeps nothing: the apply must report that row again.
        var fifth = await UploadAndDryRunAsync(officer, "fifth.csv", File("E", 1) + $"{code},E-9,Bad,Date,F,2014-02-30\n");
        Assert.Null(await KeptRowsAsync(fifth));
    }

    [Fact]
    public async Task TheSweep_DropsTheKeptRows_NoApplyWillTakeUp()
    {
        var (officer, _, code) = await SchoolAsync();
        string File(string prefix) => $"School Code,Adm No,First Name,Surname,Gender,DOB\n{code},{prefix}-1,Sweep{prefix},Pupil,M,2013-03-03\n";
        var failed = await UploadAndDryRunAsync(officer, "failed.csv", File("F"));
        var stale = await UploadAndDryRunAsync(officer, "stale.csv", File("S"));
        var fresh = await UploadAndDryRunAsync(officer, "fresh.csv", File("N"));
        await factory.WithDbAsync(db => db.Set<ImportBatch>().Where(b => b.Id == Guid.Parse(failed)).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, ImportStatus.Failed)));
        await factory.WithDbAsync(db => db.Set<ImportBatch>().Where(b => b.Id == Guid.Parse(stale))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.ValidatedAt, DateTimeOffset.UtcNow - Lnemis.Institutions.Features.Imports.SweepKeptImportRows.KeptFor - TimeSpan.FromMinutes(1))));

        var dropped = await factory.WithDbAsync(db => Lnemis.Institutions.Features.Imports.LearnerStaging.SweepKeptTables(
            db, DateTimeOffset.UtcNow, Lnemis.Institutions.Features.Imports.SweepKeptImportRows.KeptFor, CancellationToken.None));
        Assert.Equal((int?)null, await KeptRowsAsync(failed));
        Assert.Equal((int?)null, await KeptRowsAsync(stale));
        Assert.Equal(factory.Database.IsPostgres ? 1 : null, await KeptRowsAsync(fresh));
        Assert.True(factory.Database.IsPostgres ? dropped >= 2 : dropped == 0);

        // The stale batch's apply reads the file again.
        Assert.Equal(1, Count(await ApplyAsync(officer, stale, "AllOrNothing"), "created"));
    }

    /// <summary>Imports a file whose update of <paramref name="number"/> and its new learners conflict on an admission number; the apply must fail.</summary>
    internal static async Task ConflictingApplyFailsAsync(TestClient officer, string code, string number, int newLearners)
    {
        var csv = new StringBuilder($"School Code,Learner Number,Adm No,First Name,Surname,Gender,DOB\n{code},{number},M-2,Mosesi,Mutua,M,2013-01-01\n");
        for (var i = 0; i < newLearners; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},,M-{i + 2},New{i},Pupil{i},F,2014-0{1 + (i % 9)}-1{i % 10}\n");
        }

        var uploaded = await (await UploadAsync(officer, "learners", "conflict.csv", Encoding.UTF8.GetBytes(csv.ToString()))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        var validated = await DryRunAsync(officer, id);
        Assert.Equal((newLearners + 1, 0), (Count(validated, "validRows"), Count(validated, "errorRows")));
        var failed = await ApplyAsync(officer, id, "AllOrNothing");
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Contains("nothing was changed", failed["failure"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>Switches the index rebuild on for loads of any size, so small tests take the large-load path.</summary>
public sealed class RebuildingIndexesFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Imports:RebuildLearnerIndexesFromRows"] = "1",
    };
}

/// <summary>The large-load path on PostgreSQL: the learners' indexes and foreign keys dropped and rebuilt inside the apply (ADR 0024).</summary>
public sealed class LearnerImportIndexRebuildTests(RebuildingIndexesFactory factory) : IClassFixture<RebuildingIndexesFactory>
{
    private readonly Given given = new(factory);

    /// <summary>The learners table's indexes and foreign keys, each with its object id (a rebuilt one has a new id).</summary>
    private Task<Dictionary<string, (long Oid, string Definition)>> IndexesAsync() => factory.WithDbAsync(async db =>
    {
        if (db.Provider != Lnemis.Platform.Hosting.DatabaseProvider.Postgres)
        {
            return new Dictionary<string, (long, string)>();
        }

        var table = SqlNames.Table(db, db.Model.FindEntityType(typeof(Learner))!);
        var rows = await db.Database.SqlQueryRaw<IndexRow>("""
            SELECT c.relname::text AS "Name", c.oid::bigint AS "Oid", pg_get_indexdef(c.oid) AS "Definition" FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = {0}::regclass
            UNION ALL
            SELECT conname::text, oid::bigint, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = {0}::regclass AND contype = 'f'
            """, table).ToListAsync();
        return rows.ToDictionary(r => r.Name, r => (r.Oid, r.Definition));
    });

    private sealed class IndexRow
    {
        public string Name { get; set; } = "";
        public long Oid { get; set; }
        public string Definition { get; set; } = "";
    }

    [Fact]
    public async Task ALargeLoad_RebuildsTheSameIndexes_AndAFailedOneLeavesThemAndTheRowsAsTheyWere()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var code = await factory.WithDbAsync(db => db.Set<Institution>().Where(i => i.Id == school.Id).Select(i => i.Code).FirstAsync());
        var before = await IndexesAsync();

        var loaded = await ImportAsync(officer, "learners", "load.csv", Encoding.UTF8.GetBytes($"""
            School Code,Adm No,First Name,Surname,Gender,DOB,Parent
            {code},M-1,Moses,Mutua,M,2013-01-01,Rose Mutua
            {code},R-2,Rita,Rono,F,2013-02-02,

            """), "AllOrNothing");
        Assert.Equal(2, Count(loaded, "created"));
        var rebuilt = await IndexesAsync();
        Assert.Equal(before.Keys.Order(), rebuilt.Keys.Order());
        Assert.All(before, b => Assert.Equal(b.Value.Definition, rebuilt[b.Key].Definition));
        if (before.Count > 0)
        {
            // Every secondary index and foreign key is a new object; the primary key was kept up.
            Assert.Equal(before.Count - 1, before.Count(b => b.Value.Oid != rebuilt[b.Key].Oid));
        }

        var learners = await factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.InstitutionId == school.Id).OrderBy(l => l.AdmissionNumber).ToListAsync());
        Assert.Equal(["M-1", "R-2"], learners.Select(l => l.AdmissionNumber));
        Assert.Equal("Rose Mutua", Assert.Single(learners[0].Guardians).Name);
        var found = await officer.GetJsonAsync($"/api/v1/learners?q=rita&institutionId={school.Id}");
        Assert.Equal(learners[1].LearnerNumber, Assert.Single(found["items"]!.AsArray())!["learnerNumber"]!.GetValue<string>());

        // More new rows than the table holds, so the failing apply also drops the indexes; the conflict surfaces as the unique index is rebuilt.
        await LearnerImportTests.ConflictingApplyFailsAsync(officer, code, learners[0].LearnerNumber, 3);
        Assert.Equal(rebuilt, await IndexesAsync());
        var after = await factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.InstitutionId == school.Id).OrderBy(l => l.AdmissionNumber).ToListAsync());
        Assert.Equal(learners.Select(l => (l.Id, l.AdmissionNumber, l.GivenName, l.Version)), after.Select(l => (l.Id, l.AdmissionNumber, l.GivenName, l.Version)));
    }
}
