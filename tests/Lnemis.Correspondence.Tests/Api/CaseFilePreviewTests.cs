using System.Net;
using System.Text;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Inline preview of case files: the safe types shown with protective headers, everything else attachment-only.</summary>
public sealed class CaseFilePreviewTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static TheoryData<string, string, string> SafeTypes() => new()
    {
        { "answer.pdf", "application/pdf", "default-src 'none'" },
        { "scan.png", "image/png", "sandbox" },
        { "photo.jpg", "image/jpeg", "sandbox" },
        { "notes.txt", "text/plain; charset=utf-8", "sandbox" },
    };

    private static byte[] Content(string fileName) => Path.GetExtension(fileName) switch
    {
        ".pdf" => CaseOffice.Pdf,
        ".png" => Png,
        ".jpg" => Jpeg,
        _ => Encoding.UTF8.GetBytes("Notes of the call with the requester.\nThey want 2024 figures only.\n"),
    };

    [Theory]
    [MemberData(nameof(SafeTypes))]
    public async Task SafeType_IsServedInline_WithItsType_NoSniffAndARestrictivePolicy(string fileName, string contentType, string policy)
    {
        var office = await CaseOffice.CreateAsync(factory);
        var id = (await office.CreateCaseAsync("foi", Thursday19March))["id"]!.GetValue<Guid>();
        var fileId = await UploadAsync(office.Manager, id, Content(fileName), fileName);

        var link = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/previews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(contentType, link["contentType"]!.GetValue<string>());
        Assert.StartsWith("/api/v1/documents/preview?token=", link["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(link["expiresAt"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow.AddMinutes(10));

        using var browser = factory.CreateTestClient();
        var response = await browser.GetAsync(link["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains(policy, csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Content(fileName), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HtmlAndSvg_AreNeverServedInline_AndOtherTypesGetNoPreviewLink()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var id = (await office.CreateCaseAsync("foi", Thursday19March))["id"]!.GetValue<Guid>();
        var html = "<!DOCTYPE html><html><body><script>fetch('/api/v1/cases')</script></body></html>"u8.ToArray();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"4\"/></svg>"u8.ToArray();

        // Named for what they are, the Documents module refuses them outright.
        foreach (var (content, name) in new[] { (html, "page.html"), (svg, "logo.svg") })
        {
            var refused = await (await CaseOffice.UploadFileAsync(office.Manager, id, content, name, "correspondence")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.NotNull(refused["errors"]!["file"] ?? refused["errors"]!["fileName"]);
        }

        // Saved as .txt they are stored as plain text, and the preview still sends them as attachments.
        using var browser = factory.CreateTestClient();
        foreach (var (content, name) in new[] { (html, "page.txt"), ([.. "\n  "u8, .. svg], "logo.txt") })
        {
            var fileId = await UploadAsync(office.Manager, id, content, name);
            var link = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/previews")).ReadJsonAsync(HttpStatusCode.OK);
            var response = await browser.GetAsync(link["url"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.StartsWith("sandbox;", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        }

        // A Word document has no preview; its download link still works.
        var docx = await UploadAsync(office.Manager, id, [.. "PK\u0003\u0004"u8, .. new byte[64]], "draft.docx");
        var noPreview = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{docx}/previews")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("download it instead", noPreview["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{docx}/links")).StatusCode);
    }

    [Fact]
    public async Task Preview_IsRefusedOutsideTheCase_AndASarPreviewIsAudited()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        var id = (await office.CreateCaseAsync("sar", Thursday19March))["id"]!.GetValue<Guid>();
        var fileId = await UploadAsync(office.Manager, id, CaseOffice.Pdf, "subject-records.pdf");
        var elsewhere = (await other.CreateCaseAsync("sar", Thursday19March))["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/previews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.PostAsync($"/api/v1/correspondence/cases/{elsewhere}/files/{fileId}/previews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/previews?version=7")).StatusCode);
        using var browser = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/documents/preview?token=AAAA.BBBB")).StatusCode);

        var link = await (await office.Responder.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/previews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);
        var documentId = (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files"))["items"]![0]!["documentId"]!.GetValue<Guid>();
        var audited = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Action == "download" && r.EntityType == "Document" && r.EntityId == documentId.ToString()).Select(r => r.Changes).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Contains("preview-link", entry, StringComparison.Ordinal);
        Assert.Contains(office.ResponderUser.Id.ToString(), entry, StringComparison.Ordinal);
    }

    private static async Task<Guid> UploadAsync(TestClient client, Guid caseId, byte[] content, string fileName) =>
        (await (await CaseOffice.UploadFileAsync(client, caseId, content, fileName, "correspondence")).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);
}
