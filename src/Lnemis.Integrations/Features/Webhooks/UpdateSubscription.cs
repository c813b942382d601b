using FluentValidation;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Outbound;
using Lnemis.Integrations.Webhooks;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Features.Webhooks;

/// <summary>
/// Changes a subscription: only the fields given change. A new URL passes the SSRF guard again; a new
/// place must lie where the caller manages webhooks; <c>rotateSecret</c> replaces the signing secret
/// and shows the new one in this answer only. <c>version</c> (optional) refuses a stale edit (409).
/// Audited with before and after (the secret itself never).
/// </summary>
public static class UpdateSubscription
{
    public sealed record Request(string? Name, string? Url, string[]? EventTypes, string? ScopePath, string? Description, bool? RotateSecret, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            When(r => r.Name is not null, () => RuleFor(r => r.Name).NotEmpty().MaximumLength(200));
            When(r => r.Url is not null, () => SubscriptionRules.Url(RuleFor(r => r.Url)));
            When(r => r.EventTypes is not null, () => SubscriptionRules.EventTypes(RuleFor(r => r.EventTypes), RuleForEach(r => r.EventTypes!)));
            When(r => r.ScopePath is not null, () => SubscriptionRules.ScopePath(RuleFor(r => r.ScopePath)));
            RuleFor(r => r.Description).MaximumLength(1000);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPatch("/webhooks/subscriptions/{id:guid}", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).Validate<Request>().WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(
        Guid id, Request request, LnemisDbContext db, CurrentActor actor, OutboundGuard guard, WebhookSecrets secrets, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return Problems.NotFound("The subscription");
        }

        if (request.Version is { } version && version != subscription.Version)
        {
            return Problems.Conflict("The subscription was changed by someone else; reload it and try again.");
        }

        if (request.ScopePath is not null && !actor.Access.Covers(IntegrationPermissions.WebhooksManage, request.ScopePath))
        {
            return Problems.Field("scopePath", "You can only subscribe to events of places where you manage webhooks.");
        }

        if (request.Url is not null && await guard.RefusalAsync(request.Url.Trim(), ct) is { } refusal)
        {
            return Problems.Field("url", refusal);
        }

        subscription.Name = request.Name?.Trim() ?? subscription.Name;
        subscription.Url = request.Url?.Trim() ?? subscription.Url;
        subscription.EventTypes = request.EventTypes is null ? subscription.EventTypes : SubscriptionRules.JoinEventTypes(request.EventTypes);
        subscription.ScopePath = request.ScopePath ?? subscription.ScopePath;
        if (request.Description is not null)
        {
            subscription.Description = request.Description.Trim() is { Length: > 0 } description ? description : null;
        }

        string? secret = null;
        if (request.RotateSecret == true)
        {
            secret = WebhookSecrets.New();
            subscription.SecretProtected = secrets.Protect(secret);
            // The secret is not audited as a value; that it changed, and by whom, is.
            db.AddAudit(new Lnemis.Platform.Audit.PendingAudit("webhook.secret-rotated", nameof(Domain.WebhookSubscription), subscription.Id.ToString(), null));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UpdatedSubscription(SubscriptionView.From(subscription), secret));
    }
}
