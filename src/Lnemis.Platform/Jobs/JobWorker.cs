using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Lnemis.Platform.Jobs;

/// <summary>
/// Runs outbox jobs (worker and all roles). A job is claimed with a lease (committed), run, then
/// marked done (committed): a worker that dies before the run leaves a lease that expires and the
/// job runs once elsewhere; one that dies after it left the job done. Only a death inside the run
/// itself can repeat it, with the same message id. Failures retry with exponential backoff.
/// Recurring tasks run on a loop of their own, so a long sweep (the hourly deadline reminders over
/// a national case load) never holds up the queue: an import or a notification queued meanwhile
/// runs at once.
/// </summary>
public sealed class JobWorker(
    IServiceScopeFactory scopes,
    JobRegistry registry,
    IEnumerable<IRecurringTask> recurring,
    IOptions<LnemisOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly Gauge QueueDepth = Metrics.CreateGauge("lnemis_jobs_pending", "Jobs waiting to run.");
    private static readonly Counter Completed = Metrics.CreateCounter("lnemis_jobs_completed_total", "Jobs finished.", "outcome");

    private readonly string workerId = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, DateTimeOffset> nextRecurring = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Jobs;
        logger.LogInformation("Job worker {Worker} started", workerId);
        await Task.WhenAll(Task.Run(() => RunJobsAsync(settings, stoppingToken), CancellationToken.None), Task.Run(() => RunRecurringLoopAsync(settings, stoppingToken), CancellationToken.None));
    }

    private async Task RunJobsAsync(JobOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                ran = await RunBatchAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Job worker loop failed; retrying");
            }

            if (ran < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Runs each recurring task when it is due, one after another, polling as the job loop does.</summary>
    private async Task RunRecurringLoopAsync(JobOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRecurringAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Recurring task loop failed; retrying");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims and runs one batch; returns how many jobs ran.</summary>
    public async Task<int> RunBatchAsync(JobOptions settings, CancellationToken ct)
    {
        List<Job> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
            var now = clock.GetUtcNow();
            QueueDepth.Set(await db.Jobs.CountAsync(j => j.State == JobState.Pending, ct));

            var candidates = await db.Jobs
                .Where(j => (j.State == JobState.Pending && j.RunAt <= now) || (j.State == JobState.Running && j.LockedUntil < now))
                .OrderBy(j => j.RunAt)
                .Select(j => j.Id)
                .Take(settings.BatchSize)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return 0;
            }

            var leaseUntil = now.AddSeconds(settings.LeaseSeconds);
            await db.Jobs
                .Where(j => candidates.Contains(j.Id)
                    && ((j.State == JobState.Pending && j.RunAt <= now) || (j.State == JobState.Running && j.LockedUntil < now)))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.State, JobState.Running)
                        .SetProperty(j => j.LockedBy, workerId)
                        .SetProperty(j => j.LockedUntil, leaseUntil)
                        .SetProperty(j => j.Attempts, j => j.Attempts + 1),
                    ct);
            claimed = await db.Jobs.AsNoTracking()
                .Where(j => candidates.Contains(j.Id) && j.LockedBy == workerId && j.State == JobState.Running)
                .ToListAsync(ct);
        }

        foreach (var job in claimed)
        {
            await RunOneAsync(job, ct);
        }

        return claimed.Count;
    }

    private async Task RunOneAsync(Job job, CancellationToken ct)
    {
        string? error = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
            try
            {
                if (!registry.TryGet(job.Type, out var handler))
                {
                    throw new InvalidOperationException($"No handler for job type {job.Type}.");
                }

                await handler(scope.ServiceProvider, job.Payload, new JobContext(job.Id, job.Attempts), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning(ex, "Job {JobId} ({Type}) failed on attempt {Attempt}", job.Id, job.Type, job.Attempts);
            }
        }

        await using var finish = scopes.CreateAsyncScope();
        var db = finish.ServiceProvider.GetRequiredService<LnemisDbContext>();
        var now = clock.GetUtcNow();
        var mine = db.Jobs.Where(j => j.Id == job.Id && j.LockedBy == workerId);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Succeeded).SetProperty(j => j.CompletedAt, now).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LastError, (string?)null), CancellationToken.None);
            Completed.WithLabels("succeeded").Inc();
        }
        else if (job.Attempts >= job.MaxAttempts)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.CompletedAt, now).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LastError, error), CancellationToken.None);
            Completed.WithLabels("failed").Inc();
        }
        else
        {
            var retryAt = now + Backoff(job.Attempts);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.RunAt, retryAt).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LastError, error), CancellationToken.None);
            Completed.WithLabels("retry").Inc();
        }
    }

    /// <summary>2, 4, 8 … seconds up to an hour, with up to 20% jitter so retries do not arrive together.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(3600, Math.Pow(2, Math.Clamp(attempt, 1, 20)));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    private async Task RunRecurringAsync(JobOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var paused = settings.PausedTasks;
        foreach (var task in recurring)
        {
            if (paused.Contains(task.Name, StringComparer.Ordinal) || (nextRecurring.TryGetValue(task.Name, out var due) && due > now))
            {
                continue;
            }

            nextRecurring[task.Name] = now + task.Interval;
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
            try
            {
                await task.RunAsync(scope.ServiceProvider, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Recurring task {Task} failed", task.Name);
            }
        }
    }
}

/// <summary>Removes idempotency keys after a day and finished jobs after a week.</summary>
internal sealed class PlatformCleanup(TimeProvider clock) : IRecurringTask
{
    public string Name => "platform-cleanup";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var now = clock.GetUtcNow();
        var keysBefore = now.AddDays(-1);
        var jobsBefore = now.AddDays(-7);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);
        await db.Jobs.Where(j => j.State == JobState.Succeeded && j.CompletedAt < jobsBefore).ExecuteDeleteAsync(ct);
    }
}
