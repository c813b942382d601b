using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.DevMailbox;

/// <summary>
/// The dev mailbox: every e-mail and SMS the embedded default "sent", newest first. Mapped only
/// while the dev mailbox is a configured provider, so a production setup has no such endpoint.
/// </summary>
public static class ListDevMailbox
{
    public sealed record MessageView(Guid Id, Guid MessageId, Channel Channel, string To, string? Subject, string Body, DateTimeOffset CreatedAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/dev/mailbox", HandleAsync).RequirePermission(NotificationPermissions.Read).WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.DevMailbox().AsQueryable();
        if (!string.IsNullOrWhiteSpace(to))
        {
            query = query.Where(m => m.To == to.Trim());
        }

        var result = await query.ToCappedPageAsync(
            q => q.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new MessageView(m.Id, m.MessageId, m.Channel, m.To, m.Subject, m.Body, m.CreatedAt)),
            PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
