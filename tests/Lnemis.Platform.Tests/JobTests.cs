using System.Collections.Concurrent;
using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Tests;

public sealed record Ping(string Text, int FailTimes);

/// <summary>Records deliveries; fails the first <see cref="Ping.FailTimes"/> attempts.</summary>
public sealed class PingHandler : IJobHandler<Ping>
{
    public static readonly ConcurrentDictionary<Guid, List<int>> Deliveries = new();

    /// <summary>Texts whose cause of failure has been "fixed" (an administrator's retry then succeeds).</summary>
    public static readonly ConcurrentDictionary<string, bool> Fixed = new();

    public Task HandleAsync(Ping message, JobContext context, CancellationToken ct)
    {
        var attempts = Deliveries.GetOrAdd(context.MessageId, _ => []);
        lock (attempts)
        {
            attempts.Add(context.Attempt);
        }

        return context.Attempt <= message.FailTimes && !Fixed.ContainsKey(message.Text)
            ? throw new InvalidOperationException($"Planned failure {context.Attempt}")
            : Task.CompletedTask;
    }
}

/// <summary>A recurring sweep that takes long (as the deadline reminders over a national case load): it holds until released.</summary>
public sealed class StuckSweep : IRecurringTask
{
    public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public static readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-stuck-sweep";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        Started.TrySetResult();
        await Release.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }
}

/// <summary>A recurring task the settings pause: it must never run.</summary>
public sealed class PausedSweep : IRecurringTask
{
    public static int Runs;

    public string Name => "test-paused-sweep";

    public TimeSpan Interval => TimeSpan.FromMilliseconds(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        Interlocked.Increment(ref Runs);
        return Task.CompletedTask;
    }
}

/// <summary>A recurring task that counts its runs (each poll, as its interval is tiny).</summary>
public sealed class CountingSweep : IRecurringTask
{
    public static int Runs;

    public string Name => "test-counting-sweep";

    public TimeSpan Interval => TimeSpan.FromMilliseconds(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        Interlocked.Increment(ref Runs);
        return Task.CompletedTask;
    }
}

public sealed class JobFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Jobs:PausedTasks:0"] = "test-paused-sweep",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddJobHandler<Ping, PingHandler>();
        services.AddRecurringTask<CountingSweep>();
        services.AddRecurringTask<PausedSweep>();
        services.AddRecurringTask<StuckSweep>();
    }
}

public sealed class JobTests(JobFactory factory) : IClassFixture<JobFactory>
{
    private async Task<Guid> EnqueueAsync(Ping ping, int maxAttempts = 8) =>
        await factory.AsSystemAsync(async sp =>
        {
            var id = sp.GetRequiredService<Outbox>().Enqueue(ping, maxAttempts: maxAttempts);
            await sp.GetRequiredService<LnemisDbContext>().SaveChangesAsync();
            return id;
        });

    private async Task<Job> WaitForAsync(Guid id, Func<Job, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var job = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (done(job) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task EnqueuedJob_IsDeliveredOnce_WithItsStableId()
    {
        var id = await EnqueueAsync(new Ping("hello", 0));
        var job = await WaitForAsync(id, j => j.State == JobState.Succeeded);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal([1], PingHandler.Deliveries[id]);
    }

    [Fact]
    public async Task ALongRecurringTask_DoesNotHoldUpQueuedJobs()
    {
        await StuckSweep.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        try
        {
            var id = await EnqueueAsync(new Ping("while-sweeping", 0));
            var job = await WaitForAsync(id, j => j.State == JobState.Succeeded);
            Assert.Equal(JobState.Succeeded, job.State);
        }
        finally
        {
            StuckSweep.Release.TrySetResult();
        }
    }

    [Fact]
    public async Task APausedRecurringTask_NeverRuns()
    {
        // The loop visits the tasks in registration order: counting, paused, then the stuck one. Once the
        // stuck one has started, the loop has passed the paused one at least once.
        await StuckSweep.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(Volatile.Read(ref CountingSweep.Runs) > 0, "the recurring loop ran the task before the paused one");
        Assert.Equal(0, Volatile.Read(ref PausedSweep.Runs));
    }

    [Fact]
    public async Task FailingJob_IsRetriedLater_NotAtOnce()
    {
        var id = await EnqueueAsync(new Ping("flaky", 1));
        var job = await WaitForAsync(id, j => j.Attempts == 1 && j.State == JobState.Pending);
        Assert.Equal(JobState.Pending, job.State);
        Assert.Contains("Planned failure 1", job.LastError, StringComparison.Ordinal);
        Assert.True(job.RunAt > DateTimeOffset.UtcNow.AddSeconds(1), "the retry waits (backoff)");
    }

    [Fact]
    public async Task JobOutOfAttempts_Fails_AndAnAdministratorCanRetryIt()
    {
        var text = "doomed-" + Guid.NewGuid();
        var id = await EnqueueAsync(new Ping(text, 1), maxAttempts: 1);
        var job = await WaitForAsync(id, j => j.State == JobState.Failed);
        Assert.Equal(JobState.Failed, job.State);

        var (admin, _) = await new Given(factory).SignedInAsync(RoleCatalog.SystemAdministrator);
        var failed = await admin.GetJsonAsync("/api/v1/admin/jobs?state=failed");
        Assert.Contains(failed["items"]!.AsArray(), j => j!["id"]!.GetValue<string>() == id.ToString());
        PingHandler.Fixed[text] = true;
        await (await admin.PostAsync($"/api/v1/admin/jobs/{id}/retry")).ReadJsonAsync(HttpStatusCode.NoContent);
        job = await WaitForAsync(id, j => j.State == JobState.Succeeded);
        Assert.Equal(JobState.Succeeded, job.State);
    }

    [Fact]
    public async Task ExpiredLease_IsTakenOverAndRunOnce()
    {
        // A worker died after claiming this job: it is Running with a lease that has run out.
        var id = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            db.Jobs.Add(new Job
            {
                Id = id,
                Type = JobRegistry.NameOf(typeof(Ping)),
                Payload = """{"text":"orphan","failTimes":0}""",
                State = JobState.Running,
                Attempts = 1,
                MaxAttempts = 8,
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                RunAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                LockedBy = "dead-worker",
                LockedUntil = DateTimeOffset.UtcNow.AddSeconds(-1),
            });
            return await db.SaveChangesAsync();
        });
        var job = await WaitForAsync(id, j => j.State == JobState.Succeeded);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Single(PingHandler.Deliveries[id]);
    }

    [Fact]
    public void Backoff_GrowsExponentially_WithBoundedJitter()
    {
        Assert.InRange(JobWorker.Backoff(1).TotalSeconds, 2, 2.4);
        Assert.InRange(JobWorker.Backoff(5).TotalSeconds, 32, 38.4);
        Assert.InRange(JobWorker.Backoff(30).TotalSeconds, 3600, 4320);
    }
}
