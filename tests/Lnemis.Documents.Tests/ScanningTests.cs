using System.Net;
using System.Text;
using Lnemis.Documents.Data;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

/// <summary>Scanning through the clamd started by test.sh (LNEMIS_TEST_CLAMD = host:port) with the EICAR signature.</summary>
public sealed class ClamdFactory : DocumentsFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => TestServers.ClamdSettings();
}

public sealed class ScanningTests(ClamdFactory factory) : IClassFixture<ClamdFactory>
{
    private readonly Given given = new(factory);

    [ClamdFact]
    public async Task Eicar_IsRejected_NeverStored_NeverDownloadable_AndAudited()
    {
        TestServers.Require(TestServers.ClamdVariable);
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var before = factory.StoredFiles().Count;

        var response = await client.UploadAsync(Encoding.ASCII.GetBytes(Files.Eicar), "eicar.txt", ownerRef: "documents:eicar-test");

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("malware", errors["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFiles().Count);
        Assert.DoesNotContain(factory.StoredFiles(), f => f.Contains(".pending", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentVersions().IgnoreQueryFilters().CountAsync(v => v.FileName == "eicar.txt")));
        var listed = await client.GetJsonAsync("/api/v1/documents?ownerRef=documents:eicar-test");
        Assert.Empty(listed["items"]!.AsArray());
        var rejection = await factory.WithDbAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.Action == "reject" && r.Changes!.Contains("eicar-test")));
        Assert.Contains("malware", rejection.Changes!, StringComparison.Ordinal);
    }

    [ClamdFact]
    public async Task CleanFile_IsStoredAsScannedClean()
    {
        TestServers.Require(TestServers.ClamdVariable);
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());

        var created = await client.UploadOkAsync(Files.LargePdf(300_000), "clean.pdf");

        Assert.Equal("Clean", created["versions"]![0]!["scanStatus"]!.GetValue<string>());
    }
}

/// <summary>clamd configured but not answering.</summary>
public sealed class ScannerDownFactory : DocumentsFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Documents:Clamd:Host"] = "127.0.0.1",
        ["Lnemis:Documents:Clamd:Port"] = "9",
    };
}

public sealed class ScannerDownTests(ScannerDownFactory factory) : IClassFixture<ScannerDownFactory>
{
    [Fact]
    public async Task Upload_WhenTheScannerIsDown_Answers503_AndStoresNothing()
    {
        var (client, _) = await new Given(factory).SignedInAsync(RoleCatalog.AreaOfficer, await new Given(factory).AreaAsync());

        await (await client.UploadAsync(Files.Pdf, "unscanned.pdf")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Empty(factory.StoredFiles());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Documents().IgnoreQueryFilters().CountAsync()));
    }
}
