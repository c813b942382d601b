using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lnemis.Notifications.Tests;

/// <summary>
/// The maildev started by test.sh (scripts/test-servers/mail.sh): SMTP at LNEMIS_TEST_SMTP, its API at
/// LNEMIS_TEST_MAILDEV. Missing variables fail the tests that need it, loudly.
/// </summary>
public static class MailDev
{
    public static string Smtp => Environment.GetEnvironmentVariable("LNEMIS_TEST_SMTP")
        ?? throw new InvalidOperationException("The e-mail tests need maildev: LNEMIS_TEST_SMTP (host:port) and LNEMIS_TEST_MAILDEV (API URL) are set by ./test.sh (scripts/test-servers/mail.sh).");

    public static string Api => Environment.GetEnvironmentVariable("LNEMIS_TEST_MAILDEV")
        ?? throw new InvalidOperationException("The e-mail tests need maildev: LNEMIS_TEST_MAILDEV (its API's URL) is set by ./test.sh (scripts/test-servers/mail.sh).");

    /// <summary>The Message-ID header (without angle brackets) of each e-mail maildev holds for one of <paramref name="addresses"/>.</summary>
    public static async Task<List<(string To, string MessageId)>> MessagesToAsync(IEnumerable<string> addresses)
    {
        var wanted = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var http = new HttpClient();
        var all = JsonNode.Parse(await http.GetStringAsync($"{Api.TrimEnd('/')}/api/email"))!.AsArray();
        return all
            .SelectMany(m => m!["to"]!.AsArray().Select(t => (To: t!["address"]!.GetValue<string>(), Id: m["headers"]!["message-id"]!.GetValue<string>().Trim('<', '>'))))
            .Where(m => wanted.Contains(m.To))
            .ToList();
    }
}

/// <summary>
/// A TCP relay on a fixed loopback port to a real server: stopping it is the server going down
/// (connections refused), starting it again is the server coming back, on the same address.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly ConcurrentBag<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? stop;

    public TcpRelay(string target)
    {
        var parts = target.Split(':');
        targetHost = parts[0];
        targetPort = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, stop.Token);
    }

    public void Stop()
    {
        stop?.Cancel();
        listener?.Stop();
        foreach (var client in open)
        {
            client.Dispose();
        }
    }

    public void Dispose()
    {
        Stop();
        stop?.Dispose();
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = RelayAsync(client, ct);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken ct)
    {
        using var upstream = new TcpClient();
        open.Add(client);
        open.Add(upstream);
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, ct);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }
}

/// <summary>A request a fake provider received.</summary>
public sealed record ReceivedRequest(string Path, string? Authorization, string? ContentType, JsonNode? Body);

/// <summary>
/// Fake providers on 127.0.0.1 (a real Kestrel): a GOV.UK Notify-style API (/v2/notifications/email|sms)
/// and an SMS provider (/sms). Records every request; answers 201 with an id, or <see cref="FailWith"/>.
/// </summary>
public sealed class FakeProviders : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeProviders(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>When set, every request is answered with this status (a provider outage).</summary>
    public int? FailWith { get; set; }

    public string Url => app.Urls.First();

    public static FakeProviders Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeProviders(app);
        app.MapPost("/{**path}", async (HttpContext context, string path) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            fake.Received.Enqueue(new ReceivedRequest("/" + path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
            return fake.FailWith is { } status
                ? Results.Json(new { errors = new[] { new { error = "BadRequestError", message = "fake outage" } } }, statusCode: status)
                : Results.Json(new { id = Guid.NewGuid() }, statusCode: 201);
        });
        app.StartAsync().GetAwaiter().GetResult();
        return fake;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
