using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Documents.Data;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

/// <summary>POST /documents/{id}/versions/uploads: a new version through the presigned-PUT pipeline (s3rver and clamd from test.sh).</summary>
public sealed class DirectVersionUploadTests(DirectS3Factory factory) : IClassFixture<DirectS3Factory>
{
    private static readonly HttpClient Browser = new();
    private readonly Given given = new(factory);

    private static Task<HttpResponseMessage> StartAsync(TestClient client, Guid documentId, byte[] content, string fileName, string contentType = "application/pdf") =>
        client.PostAsync($"/api/v1/documents/{documentId}/versions/uploads", new { fileName, size = content.Length, contentType });

    private static async Task PutAsync(JsonNode issued, byte[] content, string contentType = "application/pdf")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Assert.Equal(HttpStatusCode.OK, (await Browser.PutAsync(issued["uploadUrl"]!.GetValue<string>(), body)).StatusCode);
    }

    private static async Task<JsonNode> CompletedAndFinishedAsync(TestClient client, Guid uploadId)
    {
        await (await client.PostAsync($"/api/v1/documents/uploads/{uploadId}/complete")).ReadJsonAsync(HttpStatusCode.Accepted);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var upload = await client.GetJsonAsync($"/api/v1/documents/uploads/{uploadId}");
            if (upload["status"]!.GetValue<string>() is "stored" or "rejected" || DateTime.UtcNow > until)
            {
                return upload;
            }

            await Task.Delay(200);
        }
    }

    private static Guid IdOf(JsonNode issued) => issued["upload"]!["id"]!.GetValue<Guid>();

    private static async Task<int[]> VersionNumbersAsync(TestClient client, Guid documentId) =>
        (await client.GetJsonAsync($"/api/v1/documents/{documentId}"))["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()).ToArray();

    [DirectFact]
    public async Task VersionUpload_AppearsOnlyWhenReleasedClean_AsTheNextVersion_WithTheDocumentsClassification()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var first = Files.LargePdf(20_000);
        var document = (await client.UploadOkAsync(first, "policy.pdf", "OFFICIAL-SENSITIVE")).Id();
        var second = Files.LargePdf(250_000);

        var issued = await (await StartAsync(client, document, second, "policy v2.pdf")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(document, issued["upload"]!["versionOf"]!.GetValue<Guid>());
        Assert.Equal("OFFICIAL-SENSITIVE", issued["upload"]!["classification"]!.GetValue<string>());
        Assert.Null(issued["upload"]!["documentId"]);
        Assert.Contains("quarantine/", issued["uploadUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        await PutAsync(issued, second);
        // Put but not released: the document still has its one version.
        var before = await VersionNumbersAsync(client, document);
        Assert.Equal(new[] { 1 }, before);

        var upload = await CompletedAndFinishedAsync(client, IdOf(issued));

        Assert.Equal("stored", upload["status"]!.GetValue<string>());
        Assert.Equal(document, upload["documentId"]!.GetValue<Guid>());
        Assert.Equal(2, upload["version"]!.GetValue<int>());
        var after = await VersionNumbersAsync(client, document);
        Assert.Equal(new[] { 2, 1 }, after);
        Assert.Equal(second, await client.DownloadAsync(document, 2));
        Assert.Equal(first, await client.DownloadAsync(document, 1));
        Assert.Null(await factory.ObjectAsync($"quarantine/{IdOf(issued):N}"));
        var stored = await factory.WithDbAsync(db => db.DocumentVersions().IgnoreQueryFilters().SingleAsync(v => v.DocumentId == document && v.Number == 2));
        Assert.Equal("policy v2.pdf", stored.FileName);
        Assert.Equal("LNE1"u8.ToArray(), (await factory.ObjectAsync(stored.StorageKey))![..4]); // sensitive: app-encrypted, not SSE
    }

    [DirectFact]
    public async Task EicarAsAVersion_IsRejected_TheDocumentKeepsItsVersions_AndNothingIsDownloadable()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var document = (await client.UploadOkAsync(Files.Pdf, "notice.pdf")).Id();
        var eicar = Encoding.ASCII.GetBytes(Files.Eicar);

        var issued = await (await StartAsync(client, document, eicar, "notice.txt", "text/plain")).ReadJsonAsync(HttpStatusCode.Created);
        await PutAsync(issued, eicar, "text/plain");
        var upload = await CompletedAndFinishedAsync(client, IdOf(issued));

        Assert.Equal("rejected", upload["status"]!.GetValue<string>());
        Assert.Contains("malware", upload["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(upload["version"]);
        var versions = await VersionNumbersAsync(client, document);
        Assert.Equal(new[] { 1 }, versions);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/{document}/versions/2/content")).StatusCode);
        Assert.Null(await factory.ObjectAsync($"quarantine/{IdOf(issued):N}"));
    }

    [DirectFact]
    public async Task DocumentDisposedBeforeRelease_RejectsTheUpload_AndStoresNothing()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var document = (await client.UploadOkAsync(Files.Pdf, "old minutes.pdf")).Id();
        var issued = await (await StartAsync(client, document, Files.Pdf, "new minutes.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        await PutAsync(issued, Files.Pdf);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{document}")).StatusCode);

        var upload = await CompletedAndFinishedAsync(client, IdOf(issued));

        Assert.Equal("rejected", upload["status"]!.GetValue<string>());
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentVersions().IgnoreQueryFilters().CountAsync(v => v.DocumentId == document)));
        Assert.Null(await factory.ObjectAsync($"quarantine/{IdOf(issued):N}"));
    }

    [DirectFact]
    public async Task VersionUpload_HasTheAccessChecksOfAddVersion_AndAnswersFieldErrors()
    {
        await factory.S3Async();
        var area = await given.AreaAsync();
        var (caseManager, _) = await given.SignedInAsync(RoleCatalog.CaseManager);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var (clerk, _) = await given.SignedInAsync(RoleCatalog.DataClerk, area);
        var sensitive = (await caseManager.UploadOkAsync(Files.Pdf, "requester letter.pdf", "OFFICIAL-SENSITIVE", area.Path)).Id();
        var official = (await caseManager.UploadOkAsync(Files.Pdf, "published.pdf", "OFFICIAL", area.Path)).Id();

        // Without documents.read-sensitive the sensitive document does not exist for the officer, as for POST .../versions.
        await (await StartAsync(officer, sensitive, Files.Pdf, "v2.pdf")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.AddVersionAsync(sensitive, Files.Pdf, "v2.pdf")).StatusCode);
        // Without documents.manage: forbidden.
        await (await StartAsync(clerk, official, Files.Pdf, "v2.pdf")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await StartAsync(officer, Guid.NewGuid(), Files.Pdf, "v2.pdf")).ReadProblemAsync(HttpStatusCode.NotFound);
        // The officer may add a version to the area's OFFICIAL document.
        var issued = await (await StartAsync(officer, official, Files.Pdf, "v2.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(official, issued["upload"]!["versionOf"]!.GetValue<Guid>());

        var errors = await (await officer.PostAsync($"/api/v1/documents/{official}/versions/uploads", new { fileName = "", size = DocumentsFactory.MaxFileBytes + 1, contentType = "pdf" })).FieldErrorsAsync();
        Assert.True(errors.ContainsKey("fileName"));
        Assert.True(errors.ContainsKey("size"));
        Assert.True(errors.ContainsKey("contentType"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentUploads().IgnoreQueryFilters().CountAsync(u => u.VersionOf == official)));
    }
}

public sealed class DirectVersionUploadsOffTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    [Fact]
    public async Task VersionUpload_OnTheLocalBackend_IsNotOffered()
    {
        var given = new Given(factory);
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var document = (await client.UploadOkAsync(Files.Pdf, "local.pdf")).Id();

        var problem = await (await client.PostAsync($"/api/v1/documents/{document}/versions/uploads", new { fileName = "a.pdf", size = 10 })).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("/versions", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
