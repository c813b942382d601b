using FluentValidation;
using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Outbound;
using Lnemis.Integrations.Webhooks;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Integrations.Features.Webhooks;

/// <summary>
/// Subscribes a URL to event types at a place in the scope tree (the caller's own place by
/// default). The URL must reach a public address (SSRF guard). The signing secret is in the
/// answer, and never again.
/// </summary>
public static class CreateSubscription
{
    public sealed record Request(string Name, string Url, string[] EventTypes, string? ScopePath);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            SubscriptionRules.Url(RuleFor(r => r.Url));
            SubscriptionRules.EventTypes(RuleFor(r => r.EventTypes), RuleForEach(r => r.EventTypes));
            When(r => r.ScopePath is not null, () => SubscriptionRules.ScopePath(RuleFor(r => r.ScopePath)));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/subscriptions", HandleAsync).RequirePermission(IntegrationPermissions.WebhooksManage).Validate<Request>().WithTags("Webhooks");

    internal static async Task<IResult> HandleAsync(
        Request request, LnemisDbContext db, CurrentActor actor, OutboundGuard guard, WebhookSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var scopePath = request.ScopePath ?? actor.Access.PathsFor(IntegrationPermissions.WebhooksManage).FirstOrDefault() ?? AccessScope.CountryPath;
        if (!actor.Access.Covers(IntegrationPermissions.WebhooksManage, scopePath))
        {
            return Problems.Field("scopePath", "You can only subscribe to events of places where you manage webhooks.");
        }

        if (await guard.RefusalAsync(request.Url.Trim(), ct) is { } refusal)
        {
            return Problems.Field("url", refusal);
        }

        var secret = WebhookSecrets.New();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Url = request.Url.Trim(),
            EventTypes = SubscriptionRules.JoinEventTypes(request.EventTypes),
            ScopePath = scopePath,
            SecretProtected = secrets.Protect(secret),
            CreatedBy = actor.Email ?? actor.ClientId ?? "system",
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions().Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/subscriptions/{subscription.Id}", new CreatedSubscription(SubscriptionView.From(subscription), secret));
    }
}
