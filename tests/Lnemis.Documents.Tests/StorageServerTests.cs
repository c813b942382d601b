using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Lnemis.Documents.Data;
using Lnemis.Documents.Storage;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

/// <summary>The S3 backend against s3rver started by test.sh (LNEMIS_TEST_S3 = its endpoint URL), in a bucket of its own.</summary>
public sealed class S3Factory : DocumentsFactory
{
    public string Bucket { get; } = "lnemis-test-" + Guid.NewGuid().ToString("N")[..12];

    public static S3Options Options(string bucket) => new()
    {
        Bucket = bucket,
        ServiceUrl = Environment.GetEnvironmentVariable(TestServers.S3Variable) ?? "http://127.0.0.1:9",
        ForcePathStyle = true,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        TimeoutSeconds = 10,
    };

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Documents:Storage"] = "S3",
        ["Lnemis:Documents:MaxFileBytes"] = (12 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lnemis:Documents:S3:Bucket"] = Bucket,
        ["Lnemis:Documents:S3:ServiceUrl"] = Options(Bucket).ServiceUrl,
        ["Lnemis:Documents:S3:ForcePathStyle"] = "true",
        ["Lnemis:Documents:S3:AccessKey"] = "S3RVER",
        ["Lnemis:Documents:S3:SecretKey"] = "S3RVER",
    };

    private IAmazonS3? client;

    /// <summary>A client on the emulator, the bucket created on first use.</summary>
    public async Task<IAmazonS3> S3Async()
    {
        TestServers.Require(TestServers.S3Variable);
        if (client is null)
        {
            client = S3Storage.CreateClient(Options(Bucket));
            await client.PutBucketAsync(Bucket);
        }

        return client;
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var s3 = await S3Async();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
    }
}

public sealed class S3StorageTests(S3Factory factory) : IClassFixture<S3Factory>
{
    private readonly Given given = new(factory);

    [S3Fact]
    public async Task LargeUpload_StreamsInPartsToTheBucket_EncryptedAndReadBack()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var content = Files.LargePdf(11 * 1024 * 1024 + 123); // three 5 MB parts, the last one short

        var created = await client.UploadOkAsync(content, "large.pdf");

        var key = Assert.Single(await factory.KeysAsync($"documents/{created.Id():N}/"));
        var s3 = await factory.S3Async();
        using (var stored = await s3.GetObjectAsync(factory.Bucket, key))
        {
            Assert.True(stored.ContentLength > content.Length, "ciphertext carries a header and a tag per chunk");
            var head = new byte[4];
            await stored.ResponseStream.ReadExactlyAsync(head);
            Assert.Equal("LNE1"u8.ToArray(), head);
        }

        Assert.Equal(content, await client.DownloadAsync(created.Id(), 1));
        var link = await (await client.PostAsync($"/api/v1/documents/{created.Id()}/links", new { })).ReadJsonAsync(HttpStatusCode.OK);
        using var browser = factory.CreateTestClient();
        Assert.Equal(content, await (await browser.GetAsync(link["url"]!.GetValue<string>())).Content.ReadAsByteArrayAsync());
    }

    [S3Fact]
    public async Task Disposal_DeletesEveryVersionFromTheBucket()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var created = await client.UploadOkAsync(Files.Pdf, "gone.pdf");
        await (await client.AddVersionAsync(created.Id(), Files.LargePdf(2000), "gone.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await factory.KeysAsync($"documents/{created.Id():N}/")).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{created.Id()}")).StatusCode);

        Assert.Empty(await factory.KeysAsync($"documents/{created.Id():N}/"));
    }

    [S3Fact]
    public async Task IncompleteMultipartUpload_IsAbortedWhenTheFileIsRefused()
    {
        await factory.S3Async();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        var before = (await factory.KeysAsync("documents/")).Count;

        // Over the limit after two parts were already sent: the upload is aborted, no object appears.
        var errors = await (await client.UploadAsync(Files.LargePdf(13 * 1024 * 1024), "too-big.pdf")).FieldErrorsAsync();

        Assert.True(errors.ContainsKey("file"));
        // (s3rver cannot list multipart uploads; the abort call itself is in S3Storage.Upload.DisposeAsync.)
        Assert.Equal(before, (await factory.KeysAsync("documents/")).Count);
    }
}

/// <summary>S3 configured but unreachable (nothing listens on the port).</summary>
public sealed class S3DownFactory : DocumentsFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Documents:Storage"] = "S3",
        ["Lnemis:Documents:S3:Bucket"] = "lnemis-down",
        ["Lnemis:Documents:S3:ServiceUrl"] = "http://127.0.0.1:9",
        ["Lnemis:Documents:S3:ForcePathStyle"] = "true",
        ["Lnemis:Documents:S3:AccessKey"] = "x",
        ["Lnemis:Documents:S3:SecretKey"] = "x",
        ["Lnemis:Documents:S3:TimeoutSeconds"] = "5",
    };
}

public sealed class S3DownTests(S3DownFactory factory) : IClassFixture<S3DownFactory>
{
    [Fact]
    public async Task Upload_WhenStorageIsDown_Answers503_AndRecordsNothing()
    {
        var (client, _) = await new Given(factory).SignedInAsync(RoleCatalog.AreaOfficer, await new Given(factory).AreaAsync());

        var problem = await (await client.UploadAsync(Files.Pdf, "report.pdf")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Nothing was stored", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Documents().IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentVersions().IgnoreQueryFilters().CountAsync()));
    }
}
