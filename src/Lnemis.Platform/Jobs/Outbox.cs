using System.Text.Json;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Platform.Jobs;

/// <summary>What a handler learns about the delivery it is running: the stable message id and the attempt.</summary>
public sealed record JobContext(Guid MessageId, int Attempt);

/// <summary>Handles one kind of background message. Must tolerate a repeat of the same message id.</summary>
public interface IJobHandler<in TMessage>
{
    Task HandleAsync(TMessage message, JobContext context, CancellationToken ct);
}

/// <summary>Work that runs on a fixed interval in the worker role (clean-ups, reminders).</summary>
public interface IRecurringTask
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// Puts a message in the transactional outbox: it is written by the caller's next SaveChanges,
/// in the same transaction as the change that caused it.
/// </summary>
public sealed class Outbox(LnemisDbContext db, TimeProvider clock, IOptions<LnemisOptions> options)
{
    public Guid Enqueue<TMessage>(TMessage message, DateTimeOffset? runAt = null, int? maxAttempts = null)
        where TMessage : notnull
    {
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Type = JobRegistry.NameOf(typeof(TMessage)),
            Payload = JsonSerializer.Serialize(message, JobRegistry.Json),
            State = JobState.Pending,
            MaxAttempts = maxAttempts ?? options.Value.Jobs.MaxAttempts,
            CreatedAt = now,
            RunAt = runAt ?? now,
        };
        db.Jobs.Add(job);
        return job.Id;
    }
}

/// <summary>The message types the worker knows, by stable name.</summary>
public sealed class JobRegistry
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Func<IServiceProvider, string, JobContext, CancellationToken, Task>> handlers = new(StringComparer.Ordinal);

    public static string NameOf(Type messageType) => messageType.FullName ?? messageType.Name;

    public void Register<TMessage, THandler>()
        where THandler : IJobHandler<TMessage>
    {
        handlers[NameOf(typeof(TMessage))] = async (services, payload, context, ct) =>
        {
            var message = JsonSerializer.Deserialize<TMessage>(payload, Json)
                ?? throw new InvalidOperationException($"Empty payload for {typeof(TMessage).Name}.");
            await services.GetRequiredService<THandler>().HandleAsync(message, context, ct);
        };
    }

    public bool TryGet(string type, out Func<IServiceProvider, string, JobContext, CancellationToken, Task> handler) =>
        handlers.TryGetValue(type, out handler!);
}

public static class JobServiceExtensions
{
    public static IServiceCollection AddJobHandler<TMessage, THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler<TMessage>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobRegistration(r => r.Register<TMessage, THandler>()));
        return services;
    }

    public static IServiceCollection AddRecurringTask<TTask>(this IServiceCollection services)
        where TTask : class, IRecurringTask
    {
        services.AddSingleton<IRecurringTask, TTask>();
        return services;
    }
}

public sealed record JobRegistration(Action<JobRegistry> Apply);
