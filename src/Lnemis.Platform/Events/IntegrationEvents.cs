using System.Text.Json;
using Lnemis.Platform.Jobs;
using Microsoft.Extensions.Logging;

namespace Lnemis.Platform.Events;

/// <summary>
/// Something that happened in a module that other systems may subscribe to (institution.created,
/// learner.transferred, census.approved …). Carries a stable id so a receiver can drop a repeat,
/// and the scope path of the record so subscriptions can be limited to a place.
/// </summary>
public sealed record IntegrationEvent(Guid Id, string Type, string SubjectId, string? ScopePath, DateTimeOffset OccurredAt, JsonElement Data);

/// <summary>Receives every published event from the outbox (the webhook module is one). Must tolerate repeats of the same event id.</summary>
public interface IIntegrationEventSubscriber
{
    Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken ct);
}

/// <summary>
/// Publishes events through the transactional outbox: the event is stored by the caller's next
/// SaveChanges, in the same transaction as the change, so it is never lost nor sent for a change
/// that was rolled back. Only catalogued event types, with the catalogue's payload shape, are published.
/// </summary>
public sealed class EventPublisher(Outbox outbox, TimeProvider clock, IntegrationEventCatalogue catalogue)
{
    public Guid Publish(string type, Guid subjectId, string? scopePath, object data)
    {
        var id = Guid.CreateVersion7();
        var payload = JsonSerializer.SerializeToElement(data, JobRegistry.Json);
        catalogue.Check(type, payload);
        outbox.Enqueue(new IntegrationEvent(id, type, subjectId.ToString(), scopePath, clock.GetUtcNow(), payload));
        return id;
    }
}

/// <summary>Hands each event to every subscriber; a failing subscriber makes the job retry (subscribers must be idempotent).</summary>
internal sealed class IntegrationEventDispatcher(IEnumerable<IIntegrationEventSubscriber> subscribers, ILogger<IntegrationEventDispatcher> logger)
    : IJobHandler<IntegrationEvent>
{
    public async Task HandleAsync(IntegrationEvent message, JobContext context, CancellationToken ct)
    {
        var count = 0;
        foreach (var subscriber in subscribers)
        {
            await subscriber.HandleAsync(message, ct);
            count++;
        }

        logger.LogDebug("Event {Type} {EventId} delivered to {Count} subscriber(s)", message.Type, message.Id, count);
    }
}
