using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Features.Webhooks;

/// <summary>Subscriptions the caller may manage, newest first; disabled ones show why.</summary>
public static class ListSubscriptions
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/subscriptions", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, bool? enabled, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.WebhookSubscriptions().AsNoTracking();
        if (enabled is { } flag)
        {
            query = query.Where(s => s.Enabled == flag);
        }

        var result = await query.ToCappedPageAsync(q => q.OrderByDescending(s => s.CreatedAt), PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(SubscriptionView.From));
    }
}

/// <summary>One subscription.</summary>
public static class GetSubscription
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/subscriptions/{id:guid}", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct) =>
        await db.WebhookSubscriptions().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } subscription
            ? TypedResults.Ok(SubscriptionView.From(subscription))
            : Problems.NotFound("The subscription");
}

/// <summary>The delivery log of a subscription, newest first, optionally of one state.</summary>
public static class ListDeliveries
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/subscriptions/{id:guid}/deliveries", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(Guid id, ReplicaDbContext db, WebhookDeliveryState? state, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions().AnyAsync(s => s.Id == id, ct))
        {
            return Problems.NotFound("The subscription");
        }

        var query = db.WebhookDeliveries().AsNoTracking().Where(d => d.SubscriptionId == id);
        if (state is { } wanted)
        {
            query = query.Where(d => d.State == wanted);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => new DeliveryView(
                d.Id, d.SubscriptionId, d.EventId, d.EventType, d.State, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError)),
            PageRequest.From(page, pageSize),
            ct);
        return TypedResults.Ok(result);
    }
}
