using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

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
}
