using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Lnemis.Platform.Data;

/// <summary>
/// Writes a seeder's batches on a second thread while the seeder generates the next one (the second
/// core): batches queue in a bounded channel (at most <see cref="Capacity"/> waiting, so memory
/// stays bounded) and are written one after another, in order. The seeder must not use the
/// database context itself until <see cref="CompleteAsync"/> returns. A failed write stops the
/// seeder at its next <see cref="WriteAsync"/> with the write's exception.
/// </summary>
public sealed class SeedWriter : IAsyncDisposable
{
    public const int Capacity = 2;

    private readonly Channel<Func<CancellationToken, Task>> channel =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource stop;
    private readonly Task consumer;
    private readonly Stopwatch writing = new();
    private readonly Stopwatch waiting = new();
    private readonly Stopwatch total = Stopwatch.StartNew();
    private readonly string name;
    private readonly TextWriter log;

    public SeedWriter(string name, TextWriter log, CancellationToken ct)
    {
        this.name = name;
        this.log = log;
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        consumer = Task.Run(() => ConsumeAsync(stop.Token), CancellationToken.None);
    }

    /// <summary>Queues a batch's write; waits while <see cref="Capacity"/> batches are waiting already.</summary>
    public async Task WriteAsync(Func<CancellationToken, Task> write, CancellationToken ct)
    {
        waiting.Start();
        try
        {
            await channel.Writer.WriteAsync(write, ct);
        }
        catch (ChannelClosedException)
        {
            await consumer; // throws the write's own exception
            throw;
        }
        finally
        {
            waiting.Stop();
        }
    }

    /// <summary>Waits for the queued writes; prints how the time split between generating and writing.</summary>
    public async Task CompleteAsync()
    {
        channel.Writer.TryComplete();
        await consumer;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {total.Elapsed.TotalSeconds:F1} s, of which writing {writing.Elapsed.TotalSeconds:F1} s; the generator waited for the writer {waiting.Elapsed.TotalSeconds:F1} s"));
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var write in channel.Reader.ReadAllAsync(ct))
            {
                writing.Start();
                await write(ct);
                writing.Stop();
            }
        }
        catch (Exception ex)
        {
            channel.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>On the way out of a failed seeder: stops the writer and waits for it (its error is the seeder's to report).</summary>
    public async ValueTask DisposeAsync()
    {
        if (channel.Writer.TryComplete())
        {
            await stop.CancelAsync();
        }

        try
        {
            await consumer;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException || consumer.IsFaulted)
        {
            // Already reported by WriteAsync/CompleteAsync, or the seeder's own failure is under way.
        }

        stop.Dispose();
    }
}
