using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Exports;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

public sealed class ImportTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    internal static async Task<HttpResponseMessage> UploadAsync(TestClient client, string kind, string fileName, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return await client.Http.PostAsync($"/api/v1/imports?kind={kind}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    /// <summary>Waits for the background job to move the import out of <paramref name="running"/>.</summary>
    internal static async Task<JsonNode> WaitAsync(TestClient client, string id, string running)
    {
        for (var i = 0; i < 600; i++)
        {
            var import = await client.GetJsonAsync($"/api/v1/imports/{id}");
            if (import["status"]!.GetValue<string>() != running)
            {
                return import;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The import stayed {running}.");
    }

    internal static async Task<JsonNode> DryRunAsync(TestClient client, string id)
    {
        await (await client.PostAsync($"/api/v1/imports/{id}/dry-run")).ReadJsonAsync(HttpStatusCode.Accepted);
        return await WaitAsync(client, id, "Validating");
    }

    internal static async Task<JsonNode> ApplyAsync(TestClient client, string id, string mode)
    {
        await (await client.PostAsync($"/api/v1/imports/{id}/apply", new { mode })).ReadJsonAsync(HttpStatusCode.Accepted);
        return await WaitAsync(client, id, "Applying");
    }

    internal static async Task<JsonNode> ImportAsync(TestClient client, string kind, string fileName, byte[] content, string mode = "SkipBadRows")
    {
        var uploaded = await (await UploadAsync(client, kind, fileName, content)).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        var checkedRun = await DryRunAsync(client, id);
        Assert.Equal("Validated", checkedRun["status"]!.GetValue<string>());
        return await ApplyAsync(client, id, mode);
    }

    internal static int Count(JsonNode import, string name) => import[name]!.GetValue<int>();

    private Task<string> CodeOfAsync(Guid id) => factory.WithDbAsync(async db =>
        await db.Set<Institution>().Where(i => i.Id == id).Select(i => i.Code).FirstOrDefaultAsync()
        ?? await db.Set<Area>().Where(a => a.Id == id).Select(a => a.Code).FirstAsync());

    [Fact]
    public async Task Learners_DryRunReportsEveryBadRow_ApplySkipsThem_AndRerunningChangesNothing()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var elsewhere = await given.InstitutionAsync(await given.AreaAsync());
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var schoolCode = await CodeOfAsync(school.Id);
        var elsewhereCode = await CodeOfAsync(elsewhere.Id);
        var csv = $"""
            School Code;Adm No;First Name;Surname;Gender;DOB;Parent;Parent Phone
            {schoolCode};A-1;Amina;Otieno;F;2017-02-03;Ruth Otieno;+254700000001
            {schoolCode};A-2;Brian;Kamau;M;03/04/2016;;
            {schoolCode};A-3;"Chloe, Jr";Wanjiru;Female;2015-12-31;;
            {schoolCode};A-4;Dan;Mwangi;M;31-31-2015;;
            {schoolCode};A-5;Esther;Njeri;X;2016-01-01;;
            NO-SUCH-SCHOOL;A-6;Faith;Achieng;F;2016-01-01;;
            {schoolCode};A-1;Amina;Again;F;2017-02-03;;
            {elsewhereCode};B-1;Grace;Elsewhere;F;2016-01-01;;

            """;
        var uploaded = await (await UploadAsync(officer, "learners", "learners.csv", Encoding.UTF8.GetBytes(csv))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        Assert.Equal("Uploaded", uploaded["status"]!.GetValue<string>());
        var mapping = uploaded["mapping"]!;
        Assert.Equal("School Code", mapping["institutionCode"]!.GetValue<string>());
        Assert.Equal("Adm No", mapping["admissionNumber"]!.GetValue<string>());
        Assert.Equal("DOB", mapping["dateOfBirth"]!.GetValue<string>());
        Assert.Equal("Parent", mapping["guardianName"]!.GetValue<string>());

        var validated = await DryRunAsync(officer, id);
        Assert.Equal("Validated", validated["status"]!.GetValue<string>());
        Assert.Equal(8, Count(validated, "totalRows"));
        Assert.Equal(3, Count(validated, "validRows"));
        Assert.Equal(5, Count(validated, "errorRows"));
        var problems = (await officer.GetJsonAsync($"/api/v1/imports/{id}/problems"))["items"]!.AsArray();
        var byRow = problems.ToDictionary(p => p!["row"]!.GetValue<int>());
        Assert.Equal("DOB", byRow[5]!["column"]!.GetValue<string>());
        Assert.Equal("31-31-2015", byRow[5]!["value"]!.GetValue<string>());
        Assert.Equal("Gender", byRow[6]!["column"]!.GetValue<string>());
        Assert.Equal("School Code", byRow[7]!["column"]!.GetValue<string>());
        Assert.Contains("earlier in the file", byRow[8]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(elsewhereCode, byRow[9]!["value"]!.GetValue<string>());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Learner>().CountAsync(l => l.InstitutionId == school.Id)));

        await (await officer.PostAsync($"/api/v1/imports/{id}/apply", new { mode = "AllOrNothing" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var applied = await ApplyAsync(officer, id, "SkipBadRows");
        Assert.Equal("Applied", applied["status"]!.GetValue<string>());
        Assert.Equal(3, Count(applied, "created"));
        Assert.Equal(5, Count(applied, "skipped"));
        var learners = await factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.InstitutionId == school.Id).OrderBy(l => l.AdmissionNumber).ToListAsync());
        Assert.Equal(["A-1", "A-2", "A-3"], learners.Select(l => l.AdmissionNumber));
        Assert.All(learners, l => Assert.True(LearnerNumbers.IsValid(l.LearnerNumber)));
        Assert.Equal("Chloe, Jr", learners[2].GivenName);
        Assert.Equal(new DateOnly(2016, 4, 3), learners[1].DateOfBirth);
        Assert.Equal("Ruth Otieno", Assert.Single(learners[0].Guardians).Name);
        Assert.Contains(learners, l => l.SearchText.Contains("amina", StringComparison.Ordinal));

        // The same file again: nothing changes.
        var again = await ImportAsync(officer, "learners", "learners.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal((0, 0, 3), (Count(again, "created"), Count(again, "updated"), Count(again, "unchanged")));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Set<Learner>().CountAsync(l => l.InstitutionId == school.Id)));

        // A corrected name updates that learner only, audited, all-or-nothing when the file is clean.
        var corrected = $"""
            School Code,Adm No,First Name,Surname,Gender,DOB
            {schoolCode},A-2,Bryan,Kamau,M,2016-04-03
            {schoolCode},A-1,Amina,Otieno,F,2017-02-03

            """;
        var update = await ImportAsync(officer, "learners", "fix.csv", Encoding.UTF8.GetBytes(corrected), "AllOrNothing");
        Assert.Equal((0, 1, 1), (Count(update, "created"), Count(update, "updated"), Count(update, "unchanged")));
        var brian = learners[1].Id.ToString();
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(a => a.EntityId == brian && a.Changes!.Contains("Bryan"))));
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(a => a.EntityId == update["id"]!.GetValue<string>() && a.Action == "import")));

        // A new row that looks like a learner already at the school is refused.
        var lookalike = $"""
            School Code,Adm No,First Name,Surname,Gender,DOB
            {schoolCode},A-9,Amena,Otieno,F,2017-02-03

            """;
        var duplicate = await (await UploadAsync(officer, "learners", "dup.csv", Encoding.UTF8.GetBytes(lookalike))).ReadJsonAsync(HttpStatusCode.Created);
        var checkedDuplicate = await DryRunAsync(officer, duplicate["id"]!.GetValue<string>());
        Assert.Equal(1, Count(checkedDuplicate, "errorRows"));
        var message = (await officer.GetJsonAsync($"/api/v1/imports/{duplicate["id"]}/problems"))["items"]![0]!["message"]!.GetValue<string>();
        Assert.Contains(learners[0].LearnerNumber, message, StringComparison.Ordinal);

        // Imports are private to whoever uploaded them.
        var (colleague, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        await (await colleague.GetAsync($"/api/v1/imports/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await colleague.PostAsync($"/api/v1/imports/{id}/apply", new { mode = "SkipBadRows" })).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedFiles_AreRefusedWithAClearReason_AndNothingIsKept()
    {
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var batchesBefore = await factory.WithDbAsync(db => db.Set<ImportBatch>().CountAsync());

        // 100 MB of random bytes.
        var garbage = new byte[100 * 1024 * 1024];
        new Random(42).NextBytes(garbage);
        var refused = await (await UploadAsync(officer, "learners", "garbage.csv", garbage)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", refused["errors"]!.AsObject().Select(e => e.Key));

        var latin1 = Encoding.Latin1.GetBytes("Nom;Prénom;Sexe\nDupré;Zoé;F\n");
        var encoding = await (await UploadAsync(officer, "learners", "latin1.csv", latin1)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", encoding["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n1,2\n")).ToArray();
        await (await UploadAsync(officer, "learners", "utf16.csv", utf16)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var fakeXlsx = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip at all");
        var damaged = await (await UploadAsync(officer, "learners", "damaged.xlsx", fakeXlsx)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Excel", damaged["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await UploadAsync(officer, "learners", "empty.csv", [])).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(officer, "pets", "x.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(batchesBefore, await factory.WithDbAsync(db => db.Set<ImportBatch>().CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ImportFileChunk>().CountAsync(c => !db.Set<ImportBatch>().Any(b => b.Id == c.BatchId))));

        // Readable, but the required columns are missing: the mapping step says which.
        var missing = await (await UploadAsync(officer, "learners", "names.csv", Encoding.UTF8.GetBytes("First Name,Surname\nA,B\n"))).ReadJsonAsync(HttpStatusCode.Created);
        var unmapped = await (await officer.PostAsync($"/api/v1/imports/{missing["id"]}/dry-run")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unmapped["errors"]!["mapping.dateOfBirth"]);
        var wrongColumn = await (await officer.PutAsync($"/api/v1/imports/{missing["id"]}/mapping", new { mapping = new Dictionary<string, string> { ["givenName"] = "Nope" } }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongColumn["errors"]!["mapping.givenName"]);

        // Damage past the header shows in the dry run, which fails with the reason.
        var quoted = "institutionCode,givenName,familyName,sex,dateOfBirth,admissionNumber\nX,\"open,B,F,2016-01-01,1\n";
        var broken = await (await UploadAsync(officer, "learners", "quote.csv", Encoding.UTF8.GetBytes(quoted))).ReadJsonAsync(HttpStatusCode.Created);
        var failed = await DryRunAsync(officer, broken["id"]!.GetValue<string>());
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Contains("quote", failed["failure"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await officer.PostAsync($"/api/v1/imports/{broken["id"]}/apply", new { mode = "SkipBadRows" })).ReadProblemAsync(HttpStatusCode.Conflict);

        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        await (await UploadAsync(viewer, "learners", "x.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"))).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Institutions_FromXlsx_AndEnrolments_AreUpsertedByCode()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var districtCode = await CodeOfAsync(district.Id);
        var codes = new[] { Given.Unique("IMP"), Given.Unique("IMP") };
        var rows = codes.Select((c, i) => new[] { c, $"Imported School {i}", "Primary", "Public", districtCode, "PRIMARY", "12", "yes" }).ToList();
        rows.Add([Given.Unique("BAD"), "Bad School", "Castle", "Public", districtCode, "PRIMARY", "x", "maybe"]);
        string[] headers = ["EMIS Code", "School Name", "Type", "Ownership", "District", "Levels Offered", "Classrooms", "Water"];
        using var xlsx = new MemoryStream();
        await TabularExport.WriteXlsxAsync(xlsx, rows.ToAsyncEnumerable(), headers.Select((h, i) => new ExportColumn<string[]>(h, r => r[i])).ToList(), CancellationToken.None);

        var uploaded = await (await UploadAsync(officer, "institutions", "schools.xlsx", xlsx.ToArray())).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("xlsx", uploaded["format"]!.GetValue<string>());
        var id = uploaded["id"]!.GetValue<string>();
        var validated = await DryRunAsync(officer, id);
        Assert.Equal((2, 1), (Count(validated, "validRows"), Count(validated, "errorRows")));
        var problems = (await officer.GetJsonAsync($"/api/v1/imports/{id}/problems"))["items"]!.AsArray();
        Assert.Equal(["Classrooms", "Type", "Water"], problems.Select(p => p!["column"]!.GetValue<string>()).Order());
        Assert.All(problems, p => Assert.Equal(4, p!["row"]!.GetValue<int>()));
        var applied = await ApplyAsync(officer, id, "SkipBadRows");
        Assert.Equal(2, Count(applied, "created"));
        var listed = await officer.GetJsonAsync($"/api/v1/institutions?q={codes[0]}");
        Assert.Equal(12, listed["items"]![0]!["infrastructure"]?["classroomsUsable"]?.GetValue<int>() ?? (await officer.GetJsonAsync($"/api/v1/institutions/{listed["items"]![0]!["id"]}"))["infrastructure"]!["classroomsUsable"]!.GetValue<int>());
        xlsx.Position = 0;
        var again = await ImportAsync(officer, "institutions", "schools.xlsx", xlsx.ToArray());
        Assert.Equal((0, 0, 2), (Count(again, "created"), Count(again, "updated"), Count(again, "unchanged")));

        // Learners of the new school, then their enrolments by admission number.
        var learnersCsv = $"institutionCode,admissionNumber,givenName,familyName,sex,dateOfBirth\n{codes[0]},1,Ann,Imported,F,2018-01-01\n{codes[0]},2,Ben,Imported,M,2018-02-02\n";
        Assert.Equal(2, Count(await ImportAsync(officer, "learners", "l.csv", Encoding.UTF8.GetBytes(learnersCsv)), "created"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = await factory.WithDbAsync(db => db.Set<AcademicYear>().Where(y => y.StartsOn <= today).OrderByDescending(y => y.StartsOn).Select(y => y.Code).FirstAsync());
        var enrolmentsCsv = $"School Code,Adm No,Year,Grade,Repeater\n{codes[0]},1,{year},PRIMARY-1,no\n{codes[0]},2,{year},PRIMARY-1,no\n{codes[0]},3,{year},PRIMARY-1,no\n";
        var enrolled = await ImportAsync(officer, "enrolments", "e.csv", Encoding.UTF8.GetBytes(enrolmentsCsv));
        Assert.Equal((2, 1), (Count(enrolled, "created"), Count(enrolled, "skipped")));
        var regrade = enrolmentsCsv.Replace($"{codes[0]},2,{year},PRIMARY-1,no", $"{codes[0]},2,{year},PRIMARY-2,yes", StringComparison.Ordinal);
        var corrected = await ImportAsync(officer, "enrolments", "e2.csv", Encoding.UTF8.GetBytes(regrade));
        Assert.Equal((0, 1, 1), (Count(corrected, "created"), Count(corrected, "updated"), Count(corrected, "unchanged")));

        // Another district's officer cannot touch these schools through an import.
        var (stranger, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var foreign = await (await UploadAsync(stranger, "learners", "l.csv", Encoding.UTF8.GetBytes(learnersCsv))).ReadJsonAsync(HttpStatusCode.Created);
        var refused = await DryRunAsync(stranger, foreign["id"]!.GetValue<string>());
        Assert.Equal((0, 2), (Count(refused, "validRows"), Count(refused, "errorRows")));
    }

    [Fact]
    public async Task Staff_AreRegisteredWithAPosting_UpdatedByNumber_AndPostedElsewhereByInstitutionCode()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var first = await given.InstitutionAsync(district);
        var second = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var (firstCode, secondCode) = (await CodeOfAsync(first.Id), await CodeOfAsync(second.Id));
        var (a, b) = (Given.Unique("TSC"), Given.Unique("TSC"));
        var csv = $"""
            TSC Number,School Code,First Name,Surname,Gender,DOB,Staff Category,Level Taught,Highest Qualification,Qualified For
            {a},{firstCode},Grace,Teacher,F,1985-04-01,Teaching,PRIMARY,Diploma in Primary Education,PRIMARY
            {b},{firstCode},Peter,Bursar,M,1979-10-10,NonTeaching,,,
            {Given.Unique("TSC")},{firstCode},Too,Young,M,{DateTime.UtcNow.Year - 10}-01-01,Teaching,PRIMARY,,
            {Given.Unique("TSC")},{firstCode},Odd,Level,F,1990-01-01,Teaching,UNIVERSITY,,
            {a},{firstCode},Grace,Twice,F,1985-04-01,Teaching,PRIMARY,,
            {Given.Unique("TSC")},{firstCode},No,Category,F,1990-01-01,Chef,,,

            """;
        var uploaded = await (await UploadAsync(officer, "staff", "staff.csv", Encoding.UTF8.GetBytes(csv))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        Assert.Equal("TSC Number", uploaded["mapping"]!["staffNumber"]!.GetValue<string>());
        Assert.Equal("Level Taught", uploaded["mapping"]!["teachingLevel"]!.GetValue<string>());
        var validated = await DryRunAsync(officer, id);
        Assert.Equal((2, 4), (Count(validated, "validRows"), Count(validated, "errorRows")));
        var problems = (await officer.GetJsonAsync($"/api/v1/imports/{id}/problems"))["items"]!.AsArray().ToDictionary(p => p!["row"]!.GetValue<int>());
        Assert.Equal("DOB", problems[4]!["column"]!.GetValue<string>());
        Assert.Equal(("Level Taught", "UNIVERSITY"), (problems[5]!["column"]!.GetValue<string>(), problems[5]!["value"]!.GetValue<string>()));
        Assert.Contains("earlier in the file", problems[6]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Staff Category", problems[7]!["column"]!.GetValue<string>());
        var applied = await ApplyAsync(officer, id, "SkipBadRows");
        Assert.Equal((2, 4), (Count(applied, "created"), Count(applied, "skipped")));

        var grace = await factory.WithDbAsync(db => db.Set<StaffMember>().SingleAsync(m => m.StaffNumber == a));
        var detail = await officer.GetJsonAsync($"/api/v1/staff/{grace.Id}");
        Assert.True(detail["qualifiedForLevelTaught"]!.GetValue<bool>());
        Assert.Equal(first.Id, detail["postings"]![0]!["institutionId"]!.GetValue<Guid>());

        // Re-running changes nothing; a new school code posts Grace there from the given date, keeping the history.
        var again = await ImportAsync(officer, "staff", "staff.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal((0, 0, 2), (Count(again, "created"), Count(again, "updated"), Count(again, "unchanged")));
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");
        var moveCsv = $"staffNumber,institutionCode,givenName,familyName,sex,dateOfBirth,category,startsOn,phone\n{a},{secondCode},Grace,Teacher,F,1985-04-01,Teaching,{startsOn},+254700111222\n";
        var moved = await ImportAsync(officer, "staff", "move.csv", Encoding.UTF8.GetBytes(moveCsv));
        Assert.Equal(1, Count(moved, "updated"));
        detail = await officer.GetJsonAsync($"/api/v1/staff/{grace.Id}");
        Assert.Equal(second.Id, detail["institutionId"]!.GetValue<Guid>());
        Assert.Equal("+254700111222", detail["phone"]!.GetValue<string>());
        var postings = detail["postings"]!.AsArray();
        Assert.Equal([second.Id, first.Id], postings.Select(p => p!["institutionId"]!.GetValue<Guid>()));
        Assert.Equal(DateOnly.Parse(startsOn).AddDays(-1).ToString("yyyy-MM-dd"), postings[1]!["endsOn"]!.GetValue<string>());
        Assert.Equal("PRIMARY", postings[0]!["teachingLevel"]!.GetValue<string>());
        Assert.Single(detail["qualifications"]!.AsArray());

        // A head teacher of the first school cannot import staff into the second.
        var head = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.HeadTeacher, first));
        var foreign = await (await UploadAsync(head, "staff", "move.csv", Encoding.UTF8.GetBytes(moveCsv))).ReadJsonAsync(HttpStatusCode.Created);
        var refused = await DryRunAsync(head, foreign["id"]!.GetValue<string>());
        Assert.Equal((0, 1), (Count(refused, "validRows"), Count(refused, "errorRows")));
    }

    [Fact]
    public async Task NumbersOfDeletedRecords_AndUnknownNumbers_AreRowErrors_NeverWritten()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var code = await CodeOfAsync(school.Id);
        var staffNumber = Given.Unique("TSC");
        await ImportAsync(officer, "learners", "first.csv", Encoding.UTF8.GetBytes($"""
            School Code,Adm No,First Name,Surname,Gender,DOB
            {code},D-1,Kept,Learner,F,2016-01-01
            {code},D-2,Gone,Learner,M,2016-02-02

            """));
        await ImportAsync(officer, "staff", "staff.csv", Encoding.UTF8.GetBytes($"""
            TSC Number,School Code,First Name,Surname,Gender,DOB,Staff Category
            {staffNumber},{code},Gone,Teacher,F,1980-01-01,NonTeaching

            """));
        await factory.WithDbAsync(async db =>
        {
            db.Remove(await db.Set<Learner>().SingleAsync(l => l.InstitutionId == school.Id && l.AdmissionNumber == "D-2"));
            db.Remove(await db.Set<StaffMember>().SingleAsync(m => m.StaffNumber == staffNumber));
            return await db.SaveChangesAsync();
        });

        // A deleted learner's admission number, a learner number nobody holds, and one good row.
        var unknown = LearnerNumbers.Issue();
        var csv = $"""
            School Code,Learner Number,Adm No,First Name,Surname,Gender,DOB
            {code},,D-2,Again,Learner,M,2016-02-02
            {code},{unknown},D-9,Nobody,Known,F,2016-03-03
            {code},,D-3,New,Learner,F,2016-04-04

            """;
        var uploaded = await (await UploadAsync(officer, "learners", "second.csv", Encoding.UTF8.GetBytes(csv))).ReadJsonAsync(HttpStatusCode.Created);
        var id = uploaded["id"]!.GetValue<string>();
        var validated = await DryRunAsync(officer, id);
        Assert.Equal((1, 2), (Count(validated, "validRows"), Count(validated, "errorRows")));
        var problems = (await officer.GetJsonAsync($"/api/v1/imports/{id}/problems"))["items"]!.AsArray().ToDictionary(p => p!["row"]!.GetValue<int>());
        Assert.Equal(("Adm No", "D-2"), (problems[2]!["column"]!.GetValue<string>(), problems[2]!["value"]!.GetValue<string>()));
        Assert.Contains("deleted learner record", problems[2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Learner Number", problems[3]!["column"]!.GetValue<string>());

        // Skip-bad-rows applies (not "the registry changed") and writes the good row only.
        var applied = await ApplyAsync(officer, id, "SkipBadRows");
        Assert.Equal("Applied", applied["status"]!.GetValue<string>());
        Assert.Equal((1, 2), (Count(applied, "created"), Count(applied, "skipped")));
        var admissions = await factory.WithDbAsync(db => db.Set<Learner>().Where(l => l.InstitutionId == school.Id).OrderBy(l => l.AdmissionNumber).Select(l => l.AdmissionNumber).ToListAsync());
        Assert.Equal(["D-1", "D-3"], admissions);

        var staffCsv = $"""
            TSC Number,School Code,First Name,Surname,Gender,DOB,Staff Category
            {staffNumber},{code},Gone,Again,F,1980-01-01,NonTeaching
            {Given.Unique("TSC")},{code},New,Teacher,M,1982-01-01,NonTeaching

            """;
        var staffUpload = await (await UploadAsync(officer, "staff", "staff2.csv", Encoding.UTF8.GetBytes(staffCsv))).ReadJsonAsync(HttpStatusCode.Created);
        var staffId = staffUpload["id"]!.GetValue<string>();
        var staffChecked = await DryRunAsync(officer, staffId);
        Assert.Equal((1, 1), (Count(staffChecked, "validRows"), Count(staffChecked, "errorRows")));
        var staffProblem = Assert.Single((await officer.GetJsonAsync($"/api/v1/imports/{staffId}/problems"))["items"]!.AsArray());
        Assert.Equal(("TSC Number", 2), (staffProblem!["column"]!.GetValue<string>(), staffProblem["row"]!.GetValue<int>()));
        Assert.Contains("deleted staff record", staffProblem["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var staffApplied = await ApplyAsync(officer, staffId, "SkipBadRows");
        Assert.Equal((1, 1), (Count(staffApplied, "created"), Count(staffApplied, "skipped")));
    }
}
