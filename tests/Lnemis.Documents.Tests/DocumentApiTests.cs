using System.Net;
using System.Text;
using Lnemis.Documents.Data;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

public sealed class DocumentApiTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Upload_ThenDownload_ReturnsTheSameBytes_AndStoresOnlyCiphertext()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var content = Files.LargePdf(200_000); // several 64 KB chunks

        var created = await client.UploadOkAsync(content, "census report.pdf");

        Assert.Equal("census report.pdf", created["fileName"]!.GetValue<string>());
        Assert.Equal(area.Path, created["scopePath"]!.GetValue<string>());
        var version = created["versions"]![0]!;
        Assert.Equal("application/pdf", version["contentType"]!.GetValue<string>());
        Assert.Equal(content.Length, version["size"]!.GetValue<long>());
        Assert.Equal("NotScanned", version["scanStatus"]!.GetValue<string>());
        Assert.Equal(content, await client.DownloadAsync(created.Id(), 1));

        var stored = Assert.Single(factory.StoredFiles(), f => f.Contains(created.Id().ToString("N"), StringComparison.Ordinal));
        var onDisk = await File.ReadAllBytesAsync(stored);
        Assert.True(onDisk.AsSpan().IndexOf(content.AsSpan(0, 64)) < 0, "the plain content must not be on disk");
        Assert.StartsWith("LNE1", Encoding.ASCII.GetString(onDisk, 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewVersion_KeepsTheOldOne_AndListsBothNewestFirst()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var first = await client.UploadOkAsync(Files.Pdf, "plan.pdf");
        var second = Files.LargePdf(1000);

        var response = await client.AddVersionAsync(first.Id(), second, "plan-v2.pdf");
        var updated = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, updated["latestVersion"]!.GetValue<int>());
        Assert.Equal("plan-v2.pdf", updated["fileName"]!.GetValue<string>());
        Assert.Equal([2, 1], updated["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(Files.Pdf, await client.DownloadAsync(first.Id(), 1));
        Assert.Equal(second, await client.DownloadAsync(first.Id(), 2));
    }

    [Theory]
    [InlineData("../../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\Windows\\win.ini.txt", "win.ini.txt")]
    [InlineData("C:\\temp\\..\\notes.txt", "notes.txt")]
    [InlineData("..", null)]
    [InlineData("line\r\nbreak\u0000\u202Egnp.txt", "linebreakgnp.txt")]
    [InlineData(".hidden.txt", "hidden.txt")]
    public async Task TraversalAndControlCharactersInTheName_AreNeutralised(string name, string? expected)
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var before = Directory.GetFiles(factory.Database.Directory, "*", SearchOption.AllDirectories).Length;

        var response = await client.UploadAsync("plain text\n"u8.ToArray(), name);

        if (expected is null)
        {
            Assert.True((await response.FieldErrorsAsync()).ContainsKey("fileName"));
            return;
        }

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(expected, created["fileName"]!.GetValue<string>());
        var download = await client.GetAsync($"/api/v1/documents/{created.Id()}/versions/1/content");
        Assert.Equal(expected, download.Content.Headers.ContentDisposition!.FileNameStar);
        // The only new file is the encrypted object inside the documents folder.
        var added = Directory.GetFiles(factory.Database.Directory, "*", SearchOption.AllDirectories).Length - before;
        Assert.Equal(1, added);
        Assert.DoesNotContain(factory.StoredFiles(), f => Path.GetFileName(f) == expected);
    }

    [Fact]
    public async Task AProgramNamedPdf_IsRefusedByItsContent_AndNothingIsStored()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var before = factory.StoredFiles().Count;

        var errors = await (await client.UploadAsync(Files.Exe, "invoice.pdf")).FieldErrorsAsync();

        Assert.Contains("a program", errors["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFiles().Count);
    }

    [Fact]
    public async Task AnImageNamedPdf_IsRefused_BecauseTheNameDisagreesWithTheContent()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);

        var errors = await (await client.UploadAsync(Files.Png, "scan.pdf")).FieldErrorsAsync();

        Assert.Contains("PNG image", errors["fileName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefused_AndLeavesNothingBehind()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var before = factory.StoredFiles().Count;

        var errors = await (await client.UploadAsync(Files.LargePdf((int)DocumentsFactory.MaxFileBytes + 1), "big.pdf")).FieldErrorsAsync();

        Assert.Contains("larger than", errors["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFiles().Count);
    }

    [Fact]
    public async Task BadQuery_GivesFieldErrors()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);

        var errors = await (await client.UploadAsync(Files.Pdf, "", classification: "SECRET", scopePath: "not a path")).FieldErrorsAsync();

        Assert.True(errors.ContainsKey("fileName"));
        Assert.True(errors.ContainsKey("classification"));
        Assert.True(errors.ContainsKey("scopePath"));
    }

    [Fact]
    public async Task TamperedCiphertext_IsDetected_AndNotSent()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var created = await client.UploadOkAsync(Files.Pdf, "tamper.pdf");
        var stored = Assert.Single(factory.StoredFiles(), f => f.Contains(created.Id().ToString("N"), StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^20] ^= 0x01;
        await File.WriteAllBytesAsync(stored, bytes);

        var response = await client.GetAsync($"/api/v1/documents/{created.Id()}/versions/1/content");

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Contains("integrity check", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedLink_WorksWithoutASession_AndATamperedOneIsRefused()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var created = await client.UploadOkAsync(Files.Pdf, "link.pdf");
        var link = await (await client.PostAsync($"/api/v1/documents/{created.Id()}/links", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var url = link["url"]!.GetValue<string>();
        Assert.True(link["expiresAt"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow.AddMinutes(5));
        using var stranger = factory.CreateTestClient();

        var ok = await stranger.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(Files.Pdf, await ok.Content.ReadAsByteArrayAsync());

        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var flipped = (token[3] == 'A' ? 'B' : 'A') + "";
        var tampered = url.Replace(token, token[..3] + flipped + token[4..], StringComparison.Ordinal);
        await (await stranger.GetAsync(tampered)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync(url + "x")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync("/api/v1/documents/download")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sensitive_IsHiddenFromCallersWithoutClearance_AndEachDownloadIsAudited()
    {
        var area = await given.AreaAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var (caseManager, manager) = await given.SignedInAsync(RoleCatalog.CaseManager);
        var sensitive = await caseManager.UploadOkAsync(Files.Pdf, "requester letter.pdf", "OFFICIAL-SENSITIVE", area.Path);
        var official = await caseManager.UploadOkAsync(Files.Pdf, "published.pdf", "OFFICIAL", area.Path);

        // The officer may read the area's OFFICIAL documents but, without documents.read-sensitive, the sensitive one does not exist for them.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/documents/{official.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/documents/{sensitive.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/documents/{sensitive.Id()}/versions/1/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/v1/documents/{sensitive.Id()}/links", new { })).StatusCode);
        var listed = await officer.GetJsonAsync("/api/v1/documents?pageSize=200");
        var ids = listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(official.Id().ToString(), ids);
        Assert.DoesNotContain(sensitive.Id().ToString(), ids);
        Assert.True((await (await officer.UploadAsync(Files.Pdf, "x.pdf", "OFFICIAL-SENSITIVE")).FieldErrorsAsync()).ContainsKey("classification"));

        await caseManager.DownloadAsync(sensitive.Id(), 1);
        await caseManager.DownloadAsync(official.Id(), 1);
        var link = await (await caseManager.PostAsync($"/api/v1/documents/{sensitive.Id()}/links", new { })).ReadJsonAsync(HttpStatusCode.OK);
        using var browser = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);

        var downloads = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Action == "download" && r.EntityType == "Document").ToListAsync());
        var ofSensitive = downloads.Where(r => r.EntityId == sensitive.Id().ToString()).ToList();
        Assert.Equal(2, ofSensitive.Count);
        Assert.Contains(ofSensitive, r => r.UserId == manager.Id && r.Changes!.Contains("\"via\":\"session\"", StringComparison.Ordinal));
        Assert.Contains(ofSensitive, r => r.Changes!.Contains("\"via\":\"link\"", StringComparison.Ordinal) && r.Changes.Contains(manager.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(downloads, r => r.EntityId == official.Id().ToString());
    }

    [Fact]
    public async Task OutsideTheCallersArea_DocumentsAreNotFound()
    {
        var mine = await given.AreaAsync();
        var theirs = await given.AreaAsync();
        var (me, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, mine);
        var (them, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, theirs);
        var created = await them.UploadOkAsync(Files.Pdf, "theirs.pdf");

        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/v1/documents/{created.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.DeleteAsync($"/api/v1/documents/{created.Id()}")).StatusCode);
        Assert.True((await (await me.UploadAsync(Files.Pdf, "x.pdf", scopePath: theirs.Path)).FieldErrorsAsync()).ContainsKey("scopePath"));
    }

    [Fact]
    public async Task Disposal_RemovesEveryVersionItsKeysAndFiles_AndIsAudited()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var created = await client.UploadOkAsync(Files.Pdf, "to-dispose.pdf");
        await (await client.AddVersionAsync(created.Id(), Files.LargePdf(5000), "to-dispose.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        var link = await (await client.PostAsync($"/api/v1/documents/{created.Id()}/links", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var folder = created.Id().ToString("N");
        Assert.Equal(2, factory.StoredFiles().Count(f => f.Contains(folder, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{created.Id()}")).StatusCode);

        Assert.DoesNotContain(factory.StoredFiles(), f => f.Contains(folder, StringComparison.Ordinal));
        var (documents, versions, disposals) = await factory.WithDbAsync(async db => (
            await db.Documents().IgnoreQueryFilters().CountAsync(d => d.Id == created.Id()),
            await db.DocumentVersions().IgnoreQueryFilters().CountAsync(v => v.DocumentId == created.Id()),
            await db.AuditRecords.CountAsync(r => r.Action == "dispose" && r.EntityId == created.Id().ToString())));
        Assert.Equal((0, 0, 1), (documents, versions, disposals));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/{created.Id()}")).StatusCode);
        using var browser = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link["url"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Retention_DisposesDocumentsPastTheirDate_AndKeepsTheOthers()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var expired = await (await client.Http.PostAsync($"/api/v1/documents?fileName=old.pdf&classification=OFFICIAL&disposeAfter=2020-01-01", new ByteArrayContent(Files.Pdf))).ReadJsonAsync(HttpStatusCode.Created);
        var kept = await (await client.Http.PostAsync($"/api/v1/documents?fileName=new.pdf&classification=OFFICIAL&disposeAfter=2999-01-01", new ByteArrayContent(Files.Pdf))).ReadJsonAsync(HttpStatusCode.Created);

        await factory.AsSystemAsync(sp => DocumentsCommands.DisposeExpiredAsync(sp, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/{expired.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/documents/{kept.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Viewer_CannotUpload()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.Viewer, area);

        await (await client.UploadAsync(Files.Pdf, "x.pdf")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
