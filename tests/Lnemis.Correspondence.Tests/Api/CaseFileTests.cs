using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain;
using Lnemis.Documents.Domain;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>Case files through the Documents module: upload, versions, links, access, the response event, and retention.</summary>
public sealed class CaseFileTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    [Fact]
    public async Task SarFile_UploadListVersionsAndLinks_RoundTripTheBytes_AsOfficialSensitive()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("sar", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();
        var first = Encoding.ASCII.GetBytes("The requester's letter, first scan.\n");
        var second = Encoding.ASCII.GetBytes("The requester's letter, clearer scan.\n");

        var created = await (await CaseOffice.UploadFileAsync(office.Manager, id, first, "letter.txt", "correspondence")).ReadJsonAsync(HttpStatusCode.Created);
        var fileId = created["id"]!.GetValue<Guid>();
        Assert.Equal(("correspondence", "letter.txt", 1, (long)first.Length), (created["kind"]!.GetValue<string>(), created["fileName"]!.GetValue<string>(), created["versionCount"]!.GetValue<int>(), created["size"]!.GetValue<long>()));
        var updated = await (await UploadVersionAsync(office.Manager, id, fileId, second, "letter-v2.txt")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, "letter-v2.txt"), (updated["versionCount"]!.GetValue<int>(), updated["fileName"]!.GetValue<string>()));

        var listed = await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files");
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        Assert.Equal(fileId, listed["items"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal(0, (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files?kind=response"))["total"]!.GetValue<int>());
        var versions = (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/versions")).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["number"]!.GetValue<int>()));

        using var browser = factory.CreateTestClient();
        Assert.Equal(second, await DownloadAsync(browser, office.Manager, id, fileId, null));
        Assert.Equal(first, await DownloadAsync(browser, office.Manager, id, fileId, 1));

        // The document is the case's, in its place, classified for personal data.
        var document = await factory.WithDbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == created["documentId"]!.GetValue<Guid>()));
        Assert.Equal(($"correspondence.case:{id}", Classification.OfficialSensitive, office.Group.Path), (document.OwnerRef, document.Classification, document.ScopePath));
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.EntityType == nameof(CaseFile) && r.EntityId == fileId.ToString())));
    }

    [Fact]
    public async Task FoiFile_IsOfficial_AndBadUploadsAreRefusedFieldByField_StoringNothing()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();

        var created = await (await CaseOffice.UploadFileAsync(office.Manager, id, CaseOffice.Pdf, "request.pdf", "correspondence")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Classification.Official, await factory.WithDbAsync(db => db.Set<Document>().Where(d => d.Id == created["documentId"]!.GetValue<Guid>()).Select(d => d.Classification).SingleAsync()));

        var program = (byte[])[.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode."u8];
        var refused = await (await CaseOffice.UploadFileAsync(office.Manager, id, program, "tool.pdf", "correspondence")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(refused["errors"]!["file"]);
        var badKind = await (await CaseOffice.UploadFileAsync(office.Manager, id, CaseOffice.Pdf, "a.pdf", "memo")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badKind["errors"]!["kind"]);
        var notAForm = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files?kind=response", new { file = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notAForm["errors"]!["file"]);
        Assert.Equal(1, (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files"))["total"]!.GetValue<int>());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Document>().IgnoreQueryFilters().CountAsync(d => d.OwnerRef == $"correspondence.case:{id}")));
    }

    [Fact]
    public async Task SomeoneWhoCannotSeeTheCase_Gets404ForItsFiles_AndOnlyThoseWhoMayActUpload()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var other = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var id = c["id"]!.GetValue<Guid>();
        var file = await (await CaseOffice.UploadFileAsync(office.Manager, id, CaseOffice.Pdf, "request.pdf", "correspondence")).ReadJsonAsync(HttpStatusCode.Created);
        var fileId = file["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.GetAsync($"/api/v1/correspondence/cases/{id}/files")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.GetAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/links")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CaseOffice.UploadFileAsync(other.Manager, id, CaseOffice.Pdf, "x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadVersionAsync(other.Responder, id, fileId, CaseOffice.Pdf, "x.pdf")).StatusCode);
        // A file id of another case under this case's path is not found either.
        var elsewhere = await other.CreateCaseAsync("foi", Thursday19March);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{elsewhere["id"]}/files/{fileId}/links")).StatusCode);

        // The approver sees the case (and its files) but has nothing to do on a new, unflagged case: no upload.
        Assert.Equal(1, (await office.Approver.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files"))["total"]!.GetValue<int>());
        Assert.Empty((await office.Approver.GetJsonAsync($"/api/v1/cases/{id}"))["allowedEvents"]!.AsObject().SelectMany(e => e.Value!.AsArray()));
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseOffice.UploadFileAsync(office.Approver, id, CaseOffice.Pdf, "x.pdf")).StatusCode);
    }

    [Fact]
    public async Task UploadResponse_TakesOneOfTheCasesResponseFiles_AndTheHistoryRecordsIt()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        var elsewhere = await office.CreateCaseAsync("foi", Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        var id = c["id"]!.GetValue<Guid>();
        var foreign = await (await CaseOffice.UploadFileAsync(office.Manager, elsewhere["id"]!.GetValue<Guid>(), CaseOffice.Pdf, "other.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        var letter = await (await CaseOffice.UploadFileAsync(office.Responder, id, CaseOffice.Pdf, "incoming.pdf", "correspondence")).ReadJsonAsync(HttpStatusCode.Created);
        var response = await (await CaseOffice.UploadFileAsync(office.Responder, id, CaseOffice.Pdf, "our-answer.pdf")).ReadJsonAsync(HttpStatusCode.Created);

        var missing = await CaseOffice.FireAsync(office.Responder, c, "upload_response", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(missing["errors"]!["fileId"]);
        foreach (var wrong in new[] { foreign, letter })
        {
            var refused = await CaseOffice.FireAsync(office.Responder, c, "upload_response", new { fileId = wrong["id"]!.GetValue<Guid>() }, HttpStatusCode.UnprocessableEntity);
            Assert.NotNull(refused["errors"]!["fileId"]);
        }

        var done = await CaseOffice.FireAsync(office.Responder, c, "upload_response", new { fileId = response["id"]!.GetValue<Guid>() });
        Assert.Equal(("our-answer.pdf", response["id"]!.GetValue<Guid>()), (done["responseFileName"]!.GetValue<string>(), done["responseFileId"]!.GetValue<Guid>()));
        var entry = done["history"]!.AsArray()[^1]!;
        Assert.Equal(("upload_response", response["id"]!.GetValue<Guid>(), "our-answer.pdf"), (entry["event"]!.GetValue<string>(), entry["fileId"]!.GetValue<Guid>(), entry["fileName"]!.GetValue<string>()));
        var listed = await office.Responder.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files?kind=response");
        Assert.True(listed["items"]![0]!["isResponse"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Disposal_DisposesTheDocuments_SoAnEarlierLinkNoLongerWorks_AndDeletesTheRows()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await new Given(factory).ClientForAsync(await new Given(factory).UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        var c = await ClosedWithResponseAsync(office, "sar", "answer.pdf");
        var id = c["id"]!.GetValue<Guid>();
        var fileId = c["responseFileId"]!.GetValue<Guid>();
        var link = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/links")).ReadJsonAsync(HttpStatusCode.OK);
        using var browser = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);
        await factory.WithDbAsync(db => db.Set<Case>().IgnoreQueryFilters().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedOn, new DateOnly(2020, 1, 6))));

        var disposed = await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { reason = "Retention period over" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(disposed["disposedAt"]);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Document>().IgnoreQueryFilters().CountAsync(d => d.OwnerRef == $"correspondence.case:{id}")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CaseFile>().IgnoreQueryFilters().CountAsync(f => f.CaseId == id)));
        var audit = await factory.WithDbAsync(db => db.AuditRecords.SingleAsync(r => r.EntityId == id.ToString() && r.Action == "dispose"));
        Assert.Contains("\"filesDisposed\":1", audit.Changes, StringComparison.Ordinal);
        // Again: the tombstone, nothing more disposed.
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/dispose", new { })).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymisation_RemovesTheFiles_KeepsNamelessRows_AndAuditsNoFileName()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var admin = await new Given(factory).ClientForAsync(await new Given(factory).UserAtAsync(RoleCatalog.CorrespondenceAdministrator, office.Group));
        var name = Given.Unique("Surname");
        var c = await ClosedWithResponseAsync(office, "foi", $"reply-to-{name}.pdf");
        var id = c["id"]!.GetValue<Guid>();
        var fileId = c["responseFileId"]!.GetValue<Guid>();
        var link = await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/links")).ReadJsonAsync(HttpStatusCode.OK);
        var mark = await factory.WithDbAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence));

        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/anonymise", new { })).ReadJsonAsync(HttpStatusCode.OK);

        var file = (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files"))["items"]![0]!;
        Assert.Equal((fileId, true, "removed on anonymisation"), (file["id"]!.GetValue<Guid>(), file["removed"]!.GetValue<bool>(), file["removedNote"]!.GetValue<string>()));
        Assert.Null(file["fileName"]);
        var after = await office.Manager.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.DoesNotContain(name, after.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/versions")).AsArray());
        await (await office.Manager.PostAsync($"/api/v1/correspondence/cases/{id}/files/{fileId}/links")).ReadProblemAsync(HttpStatusCode.Conflict);
        using var browser = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Document>().IgnoreQueryFilters().CountAsync(d => d.OwnerRef == $"correspondence.case:{id}")));
        var newEntries = await factory.WithDbAsync(db => db.AuditRecords.Where(r => r.Sequence > mark).ToListAsync());
        Assert.DoesNotContain(newEntries, r => (r.Changes ?? "").Contains(name, StringComparison.Ordinal));
        Assert.Contains("\"filesRemoved\":1", Assert.Single(newEntries, r => r.Action == "anonymise").Changes, StringComparison.Ordinal);

        // A repeat changes nothing.
        await (await admin.PostAsync($"/api/v1/correspondence/retention/cases/{id}/anonymise", new { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == id && f.RemovedAt != null)));
    }

    private static async Task<JsonNode> ClosedWithResponseAsync(CaseOffice office, string type, string fileName)
    {
        var c = await office.CreateCaseAsync(type, Thursday19March);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.UploadResponseAsync(office.Responder, c, fileName: fileName);
        c = await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = new DateOnly(2026, 4, 14) });
        return await CaseOffice.FireAsync(office.Manager, c, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted" } });
    }

    private static async Task<HttpResponseMessage> UploadVersionAsync(TestClient client, Guid caseId, Guid fileId, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.Http.PostAsync($"/api/v1/correspondence/cases/{caseId}/files/{fileId}/versions", form);
    }

    private static async Task<byte[]> DownloadAsync(TestClient browser, TestClient reader, Guid caseId, Guid fileId, int? version)
    {
        var link = await (await reader.PostAsync($"/api/v1/correspondence/cases/{caseId}/files/{fileId}/links" + (version is null ? "" : $"?version={version}"))).ReadJsonAsync(HttpStatusCode.OK);
        var response = await browser.GetAsync(link["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

/// <summary>The Documents module scanning with the clamd test.sh starts (LNEMIS_TEST_CLAMD).</summary>
public sealed class ScannedCaseFilesFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => TestServers.ClamdSettings();
}

public sealed class ScannedCaseFileTests(ScannedCaseFilesFactory factory) : IClassFixture<ScannedCaseFilesFactory>
{
    private const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    [ClamdFact]
    public async Task Eicar_IsRefusedOnTheFileField_AndNothingIsRecorded()
    {
        TestServers.Require(TestServers.ClamdVariable);
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("sar", new DateOnly(2026, 3, 19));
        var id = c["id"]!.GetValue<Guid>();

        var refused = await (await CaseOffice.UploadFileAsync(office.Manager, id, Encoding.ASCII.GetBytes(Eicar), "eicar.txt", "correspondence")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("malware", refused["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await office.Manager.GetJsonAsync($"/api/v1/correspondence/cases/{id}/files"))["total"]!.GetValue<int>());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Document>().IgnoreQueryFilters().CountAsync(d => d.OwnerRef == $"correspondence.case:{id}")));
        Assert.True(await factory.WithDbAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "reject" && r.Changes!.Contains(id.ToString()))));
        await (await CaseOffice.UploadFileAsync(office.Manager, id, CaseOffice.Pdf, "clean.pdf", "correspondence")).ReadJsonAsync(HttpStatusCode.Created);
    }
}

/// <summary>clamd configured but not answering.</summary>
public sealed class ScannerDownCaseFilesFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Documents:Clamd:Host"] = "127.0.0.1",
        ["Lnemis:Documents:Clamd:Port"] = "9",
    };
}

public sealed class ScannerDownCaseFileTests(ScannerDownCaseFilesFactory factory) : IClassFixture<ScannerDownCaseFilesFactory>
{
    [Fact]
    public async Task Upload_WhenTheScannerIsDown_Answers503_AndRecordsNothing()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", new DateOnly(2026, 3, 19));
        var id = c["id"]!.GetValue<Guid>();

        await (await CaseOffice.UploadFileAsync(office.Manager, id, CaseOffice.Pdf, "answer.pdf")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<CaseFile>().IgnoreQueryFilters().CountAsync(f => f.CaseId == id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Document>().IgnoreQueryFilters().CountAsync(d => d.OwnerRef == $"correspondence.case:{id}")));
    }
}
