using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Tests;

public sealed class ExportTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Csv_HasEveryVisibleRow_AndNeutralisesFormulas()
    {
        var district = await given.AreaAsync();
        var elsewhere = await given.AreaAsync();
        await given.InstitutionAsync(district, "=HYPERLINK(\"http://evil.example\",\"Click\")");
        await given.InstitutionAsync(district, "Plain, \"quoted\" name");
        await given.InstitutionAsync(elsewhere, "Not yours");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var response = await officer.GetAsync("/api/v1/institutions/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,type,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",\"Plain, \"\"quoted\"\" name\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Not yours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_IsAWorkbookWithNumbersAndNeutralisedText()
    {
        var district = await given.AreaAsync();
        await given.InstitutionAsync(district, "+SUM(A1:A9)");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var response = await officer.GetAsync("/api/v1/institutions/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("'+SUM(A1:A9)", cells[1].InnerText);
        var classrooms = cells[13];
        Assert.Equal(CellValues.Number, classrooms.DataType!.Value);
        Assert.Equal("8", classrooms.CellValue!.Text);
    }

    [Fact]
    public async Task UnknownFormat_IsAFieldProblem()
    {
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var problem = await (await officer.GetAsync("/api/v1/institutions/export?format=pdf")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["format"]);
    }

    [Fact]
    public async Task GeoJson_IsAFeatureCollection_LongitudeFirst()
    {
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);

        var response = await officer.GetAsync("/api/v1/institutions/geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", json["type"]!.GetValue<string>());
        var feature = Assert.Single(json["features"]!.AsArray())!;
        Assert.Equal(school.Id, feature["id"]!.GetValue<Guid>());
        Assert.Equal([36.5, -1.5], feature["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
    }

    [Fact]
    public async Task Learners_Staff_AndEnrolments_ExportTheCallersAreaOnly_WithLabels()
    {
        await given.StructureAsync();
        var district = await given.AreaAsync();
        var school = await given.InstitutionAsync(district, "Hill View Primary");
        var learner = await given.LearnerAsync(school, "=cmd|' /C calc'!A0");
        await given.LearnerAsync(await given.InstitutionAsync(await given.AreaAsync()), "Hidden-Elsewhere");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, district);
        var staffNumber = Given.Unique("TSC");
        await (await officer.PostAsync("/api/v1/staff", new
        {
            staffNumber,
            givenName = "@SUM(1)",
            familyName = "Teacher",
            sex = "Female",
            dateOfBirth = "1980-01-01",
            category = "Teaching",
            institutionId = school.Id,
            teachingLevel = "PRIMARY",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var (yearId, yearCode) = await factory.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var year = await db.Set<Domain.AcademicYear>().Where(y => y.StartsOn <= today).OrderByDescending(y => y.StartsOn).FirstAsync();
            return (year.Id, year.Code);
        });
        var grade = await factory.WithDbAsync(db => db.Set<Domain.Grade>().Where(g => g.Code == "PRIMARY-3").Select(g => g.Id).SingleAsync());
        await (await officer.PostAsync("/api/v1/enrolments", new { learnerId = learner, academicYearId = yearId, gradeId = grade })).ReadJsonAsync(HttpStatusCode.Created);
        var number = (await officer.GetJsonAsync($"/api/v1/learners/{learner}"))["learnerNumber"]!.GetValue<string>();

        var listed = (await officer.GetJsonAsync($"/api/v1/learners?institutionId={school.Id}"))["items"]!.AsArray();
        Assert.Equal("Hill View Primary", Assert.Single(listed)!["institutionName"]!.GetValue<string>());
        Assert.Equal("Hill View Primary", (await officer.GetJsonAsync($"/api/v1/staff?q={staffNumber}"))["items"]![0]!["institutionName"]!.GetValue<string>());

        var learners = await CsvLinesAsync(officer, "/api/v1/learners/export?format=csv");
        Assert.StartsWith("learner_number,given_name,family_name,", learners[0], StringComparison.Ordinal);
        Assert.Equal(2, learners.Length);
        Assert.Contains($"{number},Test,'=cmd|' /C calc'!A0,", learners[1], StringComparison.Ordinal);
        Assert.Contains(",Hill View Primary,", learners[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden-Elsewhere", string.Join('\n', learners), StringComparison.Ordinal);
        Assert.Single(await CsvLinesAsync(officer, "/api/v1/learners/export?sex=Male"));

        var staff = await officer.GetAsync("/api/v1/staff/export?format=xlsx");
        await using (var stream = new MemoryStream(await staff.Content.ReadAsByteArrayAsync()))
        {
            using var document = SpreadsheetDocument.Open(stream, false);
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal([staffNumber, "'@SUM(1)", "Teacher"], rows[1].Elements<Cell>().Take(3).Select(c => c.InnerText));
        }

        var enrolments = await CsvLinesAsync(officer, $"/api/v1/enrolments/export?institutionId={school.Id}");
        Assert.Equal(2, enrolments.Length);
        Assert.StartsWith($"{number},Test,'=cmd|' /C calc'!A0,{yearCode},", enrolments[1], StringComparison.Ordinal);
        Assert.Contains(",PRIMARY-3,no,Enrolled,", enrolments[1], StringComparison.Ordinal);
        var problem = await (await officer.GetAsync("/api/v1/enrolments/export?status=Lost")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["status"]);
    }

    private static async Task<string[]> CsvLinesAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
