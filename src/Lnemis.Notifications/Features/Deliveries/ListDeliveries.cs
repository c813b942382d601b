using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.Deliveries;

/// <summary>Deliveries newest first, by status (e.g. ?status=Failed for the failures), channel, event or request.</summary>
public static class ListDeliveries
{
    public sealed record DeliveryView(
        Guid Id, Guid RequestId, string Event, Channel Channel, Guid? UserId, string Address, string? Subject, DeliveryStatus Status,
        int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? ProviderReference, string? LastError);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/deliveries", HandleAsync).RequirePermission(NotificationPermissions.Read).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(
        ReplicaDbContext db, DeliveryStatus? status, Channel? channel, string? @event, Guid? requestId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Deliveries().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (channel is { } c)
        {
            query = query.Where(d => d.Channel == c);
        }

        if (!string.IsNullOrWhiteSpace(@event))
        {
            query = query.Where(d => d.Event == @event);
        }

        if (requestId is { } r)
        {
            query = query.Where(d => d.RequestId == r);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => new DeliveryView(
                d.Id, d.RequestId, d.Event, d.Channel, d.UserId, d.Address, d.Subject, d.Status,
                d.Attempts, d.CreatedAt, d.NextAttemptAt, d.SentAt, d.ProviderReference, d.LastError)),
            PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
