using Lnemis.Notifications.Data;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Features.Inbox;

/// <summary>
/// The signed-in person's in-app notifications: the list (newest first, ?unread=true for the unread
/// ones), the unread count for the bell, and marking one or all read. Only one's own are reachable.
/// </summary>
public static class Inbox
{
    public sealed record NotificationView(Guid Id, string Event, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public sealed record UnreadCount(int Count);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications/inbox", ListAsync).RequireAuthorization().WithTags("Notifications");
        api.MapGet("/notifications/inbox/unread-count", CountAsync).RequireAuthorization().WithTags("Notifications");
        api.MapPost("/notifications/inbox/{id:guid}/read", MarkReadAsync).RequireAuthorization().WithTags("Notifications");
        api.MapPost("/notifications/inbox/read-all", MarkAllReadAsync).RequireAuthorization().WithTags("Notifications");
    }

    internal static async Task<IResult> ListAsync(CurrentActor actor, LnemisDbContext db, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        if (actor.UserId is not { } user)
        {
            return OnlyPeople();
        }

        var query = db.InAppNotifications().AsNoTracking().Where(n => n.UserId == user);
        if (unread == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new NotificationView(n.Id, n.Event, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)),
            PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }

    internal static async Task<IResult> CountAsync(CurrentActor actor, LnemisDbContext db, CancellationToken ct) =>
        actor.UserId is { } user
            ? TypedResults.Ok(new UnreadCount(await db.InAppNotifications().CountAsync(n => n.UserId == user && n.ReadAt == null, ct)))
            : OnlyPeople();

    internal static async Task<IResult> MarkReadAsync(Guid id, CurrentActor actor, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (actor.UserId is not { } user)
        {
            return OnlyPeople();
        }

        var now = clock.GetUtcNow();
        var notification = await db.InAppNotifications().AsNoTracking().Where(n => n.Id == id && n.UserId == user)
            .Select(n => new { n.ReadAt }).FirstOrDefaultAsync(ct);
        if (notification is null)
        {
            return Problems.NotFound("The notification");
        }

        if (notification.ReadAt is null)
        {
            await db.InAppNotifications().Where(n => n.Id == id && n.UserId == user && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }

        return TypedResults.NoContent();
    }

    internal static async Task<IResult> MarkAllReadAsync(CurrentActor actor, LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (actor.UserId is not { } user)
        {
            return OnlyPeople();
        }

        var now = clock.GetUtcNow();
        var marked = await db.InAppNotifications().Where(n => n.UserId == user && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return TypedResults.Ok(new { marked });
    }

    internal static IResult OnlyPeople() => TypedResults.Problem(statusCode: 400, title: "Only people have notifications.");
}
