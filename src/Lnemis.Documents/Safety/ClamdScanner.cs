using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Lnemis.Platform.Documents;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents.Safety;

public sealed record ScanVerdict(bool Scanned, bool Infected, string? Signature);

/// <summary>One file being scanned while it streams in.</summary>
public interface IScanSession : IAsyncDisposable
{
    Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct);

    Task<ScanVerdict> FinishAsync(CancellationToken ct);
}

public interface IVirusScanner
{
    Task<IScanSession> BeginAsync(CancellationToken ct);
}

/// <summary>
/// ClamAV's clamd over TCP with the INSTREAM command: the file is sent in length-prefixed chunks
/// while it is being stored, and clamd answers "stream: OK" or "stream: &lt;signature&gt; FOUND".
/// Without a configured host nothing is scanned (the version is recorded as NotScanned).
/// </summary>
internal sealed class ClamdScanner(IOptions<DocumentsOptions> options) : IVirusScanner
{
    public async Task<IScanSession> BeginAsync(CancellationToken ct)
    {
        var clamd = options.Value.Clamd;
        if (string.IsNullOrWhiteSpace(clamd.Host))
        {
            return NoScan.Instance;
        }

        var client = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.ConnectAsync(clamd.Host, clamd.Port, timeout.Token);
            var stream = client.GetStream();
            stream.WriteTimeout = stream.ReadTimeout = clamd.TimeoutSeconds * 1000;
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
            return new Session(client, stream, clamd.TimeoutSeconds);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new StorageUnavailableException("The virus scanner cannot be reached.", ex);
        }
    }

    private sealed class NoScan : IScanSession
    {
        public static readonly NoScan Instance = new();

        public Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct) => Task.CompletedTask;

        public Task<ScanVerdict> FinishAsync(CancellationToken ct) => Task.FromResult(new ScanVerdict(false, false, null));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Session(TcpClient client, NetworkStream stream, int timeoutSeconds) : IScanSession
    {
        private readonly byte[] prefix = new byte[4];

        public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
        {
            if (chunk.Length == 0)
            {
                return;
            }

            await Guard(async () =>
            {
                BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)chunk.Length);
                await stream.WriteAsync(prefix, ct);
                await stream.WriteAsync(chunk, ct);
            }, ct);
        }

        public async Task<ScanVerdict> FinishAsync(CancellationToken ct)
        {
            string reply = "";
            await Guard(async () =>
            {
                await stream.WriteAsync(new byte[4], ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
                var bytes = new List<byte>();
                var buffer = new byte[256];
                while (true)
                {
                    var n = await stream.ReadAsync(buffer, timeout.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    bytes.AddRange(buffer.AsSpan(0, n));
                    if (buffer.AsSpan(0, n).Contains((byte)0))
                    {
                        break;
                    }
                }

                reply = Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\0', '\n');
            }, ct);

            return Parse(reply);
        }

        internal static ScanVerdict Parse(string reply)
        {
            var body = reply.StartsWith("stream: ", StringComparison.Ordinal) ? reply["stream: ".Length..] : reply;
            if (body == "OK")
            {
                return new ScanVerdict(true, false, null);
            }

            if (body.EndsWith(" FOUND", StringComparison.Ordinal))
            {
                return new ScanVerdict(true, true, body[..^" FOUND".Length]);
            }

            // "INSTREAM size limit exceeded. ERROR" and the like: the file was not scanned, so it is not accepted.
            throw new StorageUnavailableException($"The virus scanner could not scan the file ({body}).");
        }

        private static async Task Guard(Func<Task> work, CancellationToken ct)
        {
            try
            {
                await work();
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new StorageUnavailableException("The virus scanner stopped answering.", ex);
            }
        }

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
