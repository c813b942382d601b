using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Lnemis.Documents.Data;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Documents.Tests;

/// <summary>
/// A loopback TCP relay to the real S3 server that the test can cut and restore: S3 "down" is a
/// refused connection, as when the service is gone, and "back" is the same address answering again.
/// </summary>
public sealed class S3Relay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? stop;

    public S3Relay(Uri s3)
    {
        target = new IPEndPoint(IPAddress.Loopback, s3.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public void Up()
    {
        if (listener is not null)
        {
            return;
        }

        stop = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        _ = AcceptAsync(listener, stop.Token);
    }

    /// <summary>Stops listening and drops every relayed connection.</summary>
    public void Down()
    {
        stop?.Cancel();
        listener?.Stop();
        listener = null;
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }

            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await server.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken ct)
    {
        using var outbound = new TcpClient();
        lock (open)
        {
            open.Add(inbound);
            open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(target, ct);
            await using var a = inbound.GetStream();
            await using var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // cut by Down(), or a side closed
        }
        finally
        {
            inbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Direct uploads on, S3 reached through a relay the test cuts (s3rver and clamd from test.sh).</summary>
public sealed class RelayedS3Factory : DocumentsFactory
{
    public string Bucket { get; } = "lnemis-outage-" + Guid.NewGuid().ToString("N")[..12];

    public S3Relay Relay { get; } = new(new Uri(Environment.GetEnvironmentVariable(TestServers.S3Variable) ?? "http://127.0.0.1:9"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(TestServers.ClamdSettings())
    {
        ["Lnemis:Documents:Storage"] = "S3",
        ["Lnemis:Documents:S3:Bucket"] = Bucket,
        ["Lnemis:Documents:S3:ServiceUrl"] = Relay.Url,
        ["Lnemis:Documents:S3:ForcePathStyle"] = "true",
        ["Lnemis:Documents:S3:AccessKey"] = "S3RVER",
        ["Lnemis:Documents:S3:SecretKey"] = "S3RVER",
        ["Lnemis:Documents:S3:TimeoutSeconds"] = "5",
        ["Lnemis:Documents:DirectUploads:Enabled"] = "true",
    };

    public async Task ReadyAsync()
    {
        TestServers.Require(TestServers.S3Variable);
        TestServers.Require(TestServers.ClamdVariable);
        Relay.Up();
        using var s3 = Storage.S3Storage.CreateClient(S3Factory.Options(Bucket));
        await s3.PutBucketAsync(Bucket);
    }

    public override async ValueTask DisposeAsync()
    {
        await Relay.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class S3OutageTests(RelayedS3Factory factory) : IClassFixture<RelayedS3Factory>
{
    private readonly Given given = new(factory);

    [DirectFact]
    public async Task S3Down_UploadsAnswer503_NothingIsLost_AndBothPathsWorkWhenItIsBack()
    {
        await factory.ReadyAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var content = Files.LargePdf(40_000);
        var issued = await (await client.PostAsync("/api/v1/documents/uploads", new { fileName = "census form.pdf", size = content.Length, contentType = "application/pdf", classification = "OFFICIAL" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var uploadId = issued["upload"]!["id"]!.GetValue<Guid>();
        using (var body = new ByteArrayContent(content))
        {
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            using var browser = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await browser.PutAsync(issued["uploadUrl"]!.GetValue<string>(), body)).StatusCode);
        }

        factory.Relay.Down();

        // A clear error for both paths; nothing recorded, the direct upload still waiting for its completion.
        var upload = await (await client.UploadAsync(Files.Pdf, "minutes.pdf")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Nothing was stored", upload["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await client.PostAsync($"/api/v1/documents/uploads/{uploadId}/complete")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("awaiting-upload", (await client.GetJsonAsync($"/api/v1/documents/uploads/{uploadId}"))["status"]!.GetValue<string>());
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentVersions().IgnoreQueryFilters().CountAsync()));

        factory.Relay.Up();

        // The file put before the outage was kept in quarantine: completing now releases it.
        await (await client.PostAsync($"/api/v1/documents/uploads/{uploadId}/complete")).ReadJsonAsync(HttpStatusCode.Accepted);
        var until = DateTime.UtcNow.AddSeconds(30);
        var status = "";
        while (status != "stored" && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            status = (await client.GetJsonAsync($"/api/v1/documents/uploads/{uploadId}"))["status"]!.GetValue<string>();
        }

        Assert.Equal("stored", status);
        var documentId = (await client.GetJsonAsync($"/api/v1/documents/uploads/{uploadId}"))["documentId"]!.GetValue<Guid>();
        Assert.Equal(content, await client.DownloadAsync(documentId, 1));
        var again = await client.UploadOkAsync(Files.Pdf, "minutes.pdf");
        Assert.Equal(Files.Pdf, await client.DownloadAsync(again.Id(), 1));
    }
}
