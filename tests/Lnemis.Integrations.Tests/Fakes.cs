using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lnemis.Integrations.Outbound;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Lnemis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lnemis.Integrations.Tests;

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 and a free port, for the other side of an integration.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        this.app = app;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public static LoopbackServer Start(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(int Number, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"No header {name}");
}

/// <summary>A webhook receiver: records every request when it arrives, then answers as <see cref="Answer"/> says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly LoopbackServer server;
    private int count;

    public WebhookReceiver()
    {
        server = LoopbackServer.Start(app => app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var number = Interlocked.Increment(ref count);
            received.Enqueue(new ReceivedRequest(number, context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, DateTimeOffset.UtcNow));
            var status = await Answer(number, context.RequestAborted);
            if (status == StatusCodes.Status302Found)
            {
                context.Response.Headers.Location = "/elsewhere";
            }

            context.Response.StatusCode = status;
        }));
    }

    /// <summary>The status to answer request number n with (may wait, to play a slow receiver).</summary>
    public Func<int, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(StatusCodes.Status204NoContent);

    public IReadOnlyList<ReceivedRequest> Received => received.OrderBy(r => r.Number).ToList();

    public string Url(string path = "hook") => new Uri(server.BaseAddress, path).ToString();

    public int Port => server.BaseAddress.Port;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

/// <summary>A DNS the test controls for names ending in .test (answers in turn, the last one repeating); others go to the real resolver.</summary>
public sealed class ScriptedResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IPAddress[]>> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IPAddress[]> last = new(StringComparer.OrdinalIgnoreCase);

    public void Script(string host, params IPAddress[][] inTurn) => answers[host] = new ConcurrentQueue<IPAddress[]>(inTurn);

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (!host.EndsWith(".test", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        }

        if (answers.TryGetValue(host, out var queue) && queue.TryDequeue(out var next))
        {
            last[host] = next;
            return next;
        }

        return last.TryGetValue(host, out var repeated) ? repeated : [];
    }
}

public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
    }
}

public static class Events
{
    /// <summary>
    /// Puts events in the outbox as EventPublisher does, but of any type (the test's own, not in the
    /// event catalogue, which the publisher would refuse); returns their ids.
    /// </summary>
    public static Task<List<Guid>> PublishAsync(LnemisFactory factory, string type, int count = 1, string scopePath = "/") =>
        factory.AsSystemAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            var ids = Enumerable.Range(0, count).Select(i =>
            {
                var id = Guid.CreateVersion7();
                outbox.Enqueue(new IntegrationEvent(id, type, Guid.NewGuid().ToString(), scopePath, DateTimeOffset.UtcNow,
                    JsonSerializer.SerializeToElement(new { number = i, note = "test" }, JobRegistry.Json)));
                return id;
            }).ToList();
            await sp.GetRequiredService<LnemisDbContext>().SaveChangesAsync();
            return ids;
        });

    public static JsonNode Json(this ReceivedRequest request) => JsonNode.Parse(request.Body)!;
}
