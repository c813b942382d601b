using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Tests.Api;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Letters;

/// <summary>Letter templates as versioned data (national administrators only) and letters rendered for a case as DOCX and PDF.</summary>
public sealed class LetterTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private const string Templates = "/api/v1/correspondence/letter-templates";
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    [Fact]
    public async Task DefaultTemplates_AreSeededForEveryCaseTypeAndKind()
    {
        var admin = await NationalAdministratorAsync();
        var page = await admin.GetJsonAsync($"{Templates}?pageSize=200");
        var items = page["items"]!.AsArray();
        foreach (var type in CaseTypes.All)
        {
            foreach (var kind in new[] { "acknowledgement", "dispatch" })
            {
                Assert.Contains(items, t => t!["type"]!.GetValue<string>() == type.Code() && t["kind"]!.GetValue<string>() == kind);
            }
        }

        var sar = await admin.GetJsonAsync($"{Templates}/sar/acknowledgement");
        var first = sar["versions"]!.AsArray()[^1]!;
        Assert.Equal((1, "Shipped default wording"), (first["number"]!.GetValue<int>(), first["changeNote"]!.GetValue<string>()));
        Assert.Contains("{{deadline_explanation}}", first["body"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await admin.GetAsync($"{Templates}/sar/no_such_kind")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SavingTwice_MakesTwoVersions_AndTheLatestIsUsedForNewLetters()
    {
        var admin = await NationalAdministratorAsync();
        var office = await CaseOffice.CreateAsync(factory);
        var kind = UniqueKind();
        var url = $"{Templates}/foi/{kind}/versions";

        var v1 = await (await admin.PostAsync(url, new { title = "First {{case_number}}", body = "Wording one for {{requester_name}}.", changeNote = "new kind" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, v1["latestVersion"]!.GetValue<int>());
        var missingBase = await (await admin.PostAsync(url, new { title = "Second", body = "Wording two." })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missingBase["errors"]!["basedOnVersion"]);
        var v2 = await (await admin.PostAsync(url, new { title = "Second {{case_number}}", body = "Wording two for {{requester_name}}.\n\nDue {{final_deadline}}.", changeNote = "reworded", basedOnVersion = 1 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, v2["latestVersion"]!.GetValue<int>());
        var stale = await (await admin.PostAsync(url, new { title = "Lost", body = "Lost update.", basedOnVersion = 1 })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Version 2", stale["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var detail = await admin.GetJsonAsync($"{Templates}/foi/{kind}");
        var versions = detail["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(("Wording one for {{requester_name}}.", "new kind"), (versions[1]!["body"]!.GetValue<string>(), versions[1]!["changeNote"]!.GetValue<string>()));
        Assert.NotNull(versions[0]!["authorName"]);
        var listed = Assert.Single((await admin.GetJsonAsync($"{Templates}?type=foi&kind={kind}"))["items"]!.AsArray())!;
        Assert.Equal((2, "Second {{case_number}}"), (listed["latestVersion"]!.GetValue<int>(), listed["title"]!.GetValue<string>()));

        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();
        var response = await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/letters", new { kind, format = "docx" });
        var (paragraphs, _) = LetterFiles.ReadDocx(await FileAsync(response, "docx"));
        var text = string.Join("\n", paragraphs);
        Assert.Contains($"Second {c["number"]}", text, StringComparison.Ordinal);
        Assert.Contains("Wording two for A. Requester.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wording one", text, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.EntityId == id.ToString() && r.Action == "letter").ToListAsync());
        var entry = JsonNode.Parse(Assert.Single(audit).Changes!)!;
        Assert.Equal((kind, "docx", 2, versions[0]!["id"]!.GetValue<Guid>()),
            (entry["kind"]!.GetValue<string>(), entry["format"]!.GetValue<string>(), entry["templateVersion"]!.GetValue<int>(), entry["templateVersionId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task UnknownPlaceholders_AreRefusedFieldByField_AndNothingIsSaved()
    {
        var admin = await NationalAdministratorAsync();
        var kind = UniqueKind();
        var url = $"{Templates}/sar/{kind}/versions";

        var problem = await (await admin.PostAsync(url, new { title = "Ref {{case_numbr}}", body = "Dear {{requester_name}}, your {{shoe_size}} and {{ favourite_colour }}." }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{{case_numbr}}", problem["errors"]!["title"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var body = problem["errors"]!["body"]![0]!.GetValue<string>();
        Assert.Contains("{{shoe_size}}", body, StringComparison.Ordinal);
        Assert.Contains("{{favourite_colour}}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{requester_name}},", body, StringComparison.Ordinal);

        var unclosed = await (await admin.PostAsync(url, new { title = "Ref", body = "Dear {{requester_name" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not closed", unclosed["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var empty = await (await admin.PostAsync(url, new { title = "", body = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["title"]);
        Assert.NotNull(empty["errors"]!["body"]);
        await (await admin.PostAsync($"{Templates}/sar/Bad-Kind/versions", new { title = "Ref", body = "Text" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync($"{Templates}/letters/{kind}/versions", new { title = "Ref", body = "Text" })).ReadProblemAsync(HttpStatusCode.NotFound);
        var preview = await (await admin.PostAsync($"{Templates}/preview", new { title = "Ref", body = "{{nope}}" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{{nope}}", preview["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        await (await admin.GetAsync($"{Templates}/sar/{kind}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyNationalLetterAdministratorsEditOrPreviewTemplates()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var local = await given.ClientForAsync(await given.UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        var body = new { title = "Ref", body = "Text", basedOnVersion = 1 };
        foreach (var client in new[] { office.Manager, local })
        {
            await (await client.PostAsync($"{Templates}/foi/acknowledgement/versions", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync(Templates)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"{Templates}/foi/acknowledgement")).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"{Templates}/preview", new { title = "Ref", body = "Text" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateTestClient().GetAsync(Templates)).StatusCode);
    }

    [Fact]
    public async Task Letters_CarryTheCaseValuesAndTheDeadlineExplanation_InDocxAndPdf()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();
        var final = c["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "Final")!;
        var explanation = final["explanation"]!.GetValue<string>();
        Assert.Contains("Good Friday", explanation, StringComparison.Ordinal); // the FOI clock skips Easter 2026

        var docx = await FileAsync(await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/letters", new { kind = "acknowledgement", format = "docx" }), "docx");
        var (paragraphs, _) = LetterFiles.ReadDocx(docx);
        var text = string.Join("\n", paragraphs);
        Assert.Contains("Ministry of Education", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains($"Our reference: {c["number"]}", text, StringComparison.Ordinal);
        Assert.Contains("Dear A. Requester", paragraphs, StringComparer.Ordinal);
        Assert.Contains("about School transport contracts, which we received on Thursday 19 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("We will respond by Monday 20 April 2026. We count this date as follows: " + explanation + ".", text, StringComparison.Ordinal);
        Assert.Contains("Triage", text, StringComparison.Ordinal); // the managing unit signs until a responding unit is assigned

        var pdf = await FileAsync(await office.Responder.PostAsync($"/api/v1/correspondence/cases/{id}/letters", new { kind = "acknowledgement", format = "pdf" }), "pdf");
        var pages = LetterFiles.ReadPdf(pdf);
        var all = LetterFiles.Squeezed(pages.SelectMany(p => p));
        Assert.Contains(LetterFiles.Squeeze($"Our reference: {c["number"]}"), all, StringComparison.Ordinal);
        Assert.Contains("DearA.Requester", all, StringComparison.Ordinal);
        Assert.Contains(LetterFiles.Squeeze("We will respond by Monday 20 April 2026. We count this date as follows: " + explanation.Replace("→", "->", StringComparison.Ordinal)), all, StringComparison.Ordinal);
        Assert.StartsWith("Ministry of Education", pages[0][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_saved_to_the_case_becomes_a_case_file_with_the_same_bytes()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();
        var url = $"/api/v1/correspondence/cases/{id}/letters";
        var docx = await FileAsync(await office.Manager.PostAsync(url, new { kind = "acknowledgement", format = "docx" }), "docx");

        var filed = await (await office.Manager.PostAsync(url, new { kind = "acknowledgement", format = "docx", save = true })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("letter", filed["kind"]!.GetValue<string>());
        var listed = await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files?kind=letter");
        Assert.Equal(filed["id"]!.GetValue<Guid>(), Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        var link = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{filed["id"]}/links")).ReadJsonAsync(HttpStatusCode.OK);
        using var browser = factory.CreateTestClient();
        var stored = await browser.Http.GetByteArrayAsync(link["url"]!.GetValue<string>());
        Assert.Equal(LetterFiles.ReadDocx(docx).Paragraphs, LetterFiles.ReadDocx(stored).Paragraphs);
    }

    [Fact]
    public async Task MarkupInCaseValues_IsRenderedAsText()
    {
        var office = await CaseOffice.CreateAsync(factory);
        const string Name = "Eve <w:p><w:r><w:t>forged</w:t></w:r></w:p> ) Tj (pwned) Tj \\";
        var c = await (await office.Manager.PostAsync("/api/v1/cases", new
        {
            type = "sar",
            subject = "Records </w:t></w:r></w:p><w:p> & more",
            requesterName = Name,
            receivedOn = Thursday19March,
            managingTeamId = office.Managers.Id,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var url = $"/api/v1/correspondence/cases/{c["id"]}/letters";

        var (paragraphs, xml) = LetterFiles.ReadDocx(await FileAsync(await office.Manager.PostAsync(url, new { kind = "acknowledgement", format = "docx" }), "docx"));
        Assert.Contains("Dear " + Name, paragraphs, StringComparer.Ordinal);
        Assert.Contains(paragraphs, p => p.Contains("about Records </w:t></w:r></w:p><w:p> & more, which", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p == "forged");
        Assert.Contains("&lt;w:p&gt;", xml, StringComparison.Ordinal);

        var pdf = await FileAsync(await office.Manager.PostAsync(url, new { kind = "acknowledgement", format = "pdf" }), "pdf");
        var all = LetterFiles.Squeezed(LetterFiles.ReadPdf(pdf).SelectMany(p => p));
        Assert.Contains(LetterFiles.Squeeze("Dear " + Name), all, StringComparison.Ordinal);
        Assert.Contains(@"\) Tj \(pwned\) Tj \\", LetterFiles.Latin1(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_OnlyForThoseWhoActOnTheCase()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var url = $"/api/v1/correspondence/cases/{c["id"]}/letters";
        var body = new { kind = "dispatch", format = "pdf" };

        await (await other.Manager.PostAsync(url, body)).ReadProblemAsync(HttpStatusCode.NotFound);
        var (national, _) = await given.SignedInAsync(RoleCatalog.CorrespondenceAdministrator); // reads every case, acts on none
        await (await national.PostAsync(url, body)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{Guid.NewGuid()}/letters", body)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateTestClient().PostAsync(url, body)).StatusCode);

        var bad = await (await office.Manager.PostAsync(url, new { kind = "", format = "rtf" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["kind"]);
        Assert.NotNull(bad["errors"]!["format"]);
        var unknown = await (await office.Manager.PostAsync(url, new { kind = "no_such_letter", format = "pdf" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no_such_letter", unknown["errors"]!["kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        await FileAsync(await office.Approver.PostAsync(url, body), "pdf");
    }

    [Fact]
    public async Task Preview_RendersUnsavedText_WithSampleValuesOrARealCase()
    {
        var admin = await NationalAdministratorAsync();
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("sar", Thursday19March);
        var text = new { type = "sar_internal_review", title = "About {{case_number}}", body = "Dear {{requester_name}}\n\nType: {{case_type}}.\nDue {{final_deadline}}." };

        var sample = await (await admin.PostAsync($"{Templates}/preview", text)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("About 260319001", sample["title"]!.GetValue<string>());
        var paragraphs = sample["paragraphs"]!.AsArray();
        Assert.Equal("Dear Alex Requester", paragraphs[0]![0]!.GetValue<string>());
        Assert.Equal(["Type: SAR internal review.", "Due Monday 20 April 2026."], paragraphs[1]!.AsArray().Select(l => l!.GetValue<string>()));

        var real = await (await admin.PostAsync($"{Templates}/preview", new { text.title, text.body, caseId = c["id"] })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"About {c["number"]}", real["title"]!.GetValue<string>());
        Assert.Equal("Dear A. Requester", real["paragraphs"]![0]![0]!.GetValue<string>());
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EntityId == c["id"]!.ToString() && r.Action == "read")));

        var pdf = await FileAsync(await admin.PostAsync($"{Templates}/preview", new { text.title, text.body, format = "pdf" }), "pdf");
        Assert.Contains("About260319001", LetterFiles.Squeezed(LetterFiles.ReadPdf(pdf).SelectMany(p => p)), StringComparison.Ordinal);
        var missing = await (await admin.PostAsync($"{Templates}/preview", new { text.title, text.body, caseId = Guid.NewGuid() })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["caseId"]);
    }

    private async Task<TestClient> NationalAdministratorAsync() =>
        (await new Given(factory).SignedInAsync(RoleCatalog.CorrespondenceAdministrator)).Client;

    private static string UniqueKind() => "k" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<byte[]> FileAsync(HttpResponseMessage response, string extension)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new Xunit.Sdk.XunitException($"Expected 200 but got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        }

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith("." + extension, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        return bytes;
    }
}
