using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Features.Deliveries;

/// <summary>Puts a failed delivery back in the queue with fresh attempts (same message id); audited.</summary>
public static class RetryDelivery
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/deliveries/{id:guid}/retry", HandleAsync).RequirePermission(NotificationPermissions.Manage).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var delivery = await db.Deliveries().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
        {
            return Problems.NotFound("The delivery");
        }

        if (delivery.Status != DeliveryStatus.Failed)
        {
            return Problems.Conflict($"Only failed deliveries are retried; this one is {delivery.Status}.");
        }

        delivery.Status = DeliveryStatus.Queued;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow();
        db.AddAudit(new PendingAudit(AuditActions.Update, "notifications.delivery", id.ToString(), """{"action":"retry"}"""));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
