using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lnemis.Platform.Access;

/// <summary>Claim types the platform's principals carry.</summary>
public static class LnemisClaims
{
    public const string UserId = "sub";
    public const string Email = "email";
    public const string ClientId = "client_id";
    public const string SessionId = "sid";
    public const string Stage = "stage";
    public const string Scope = "scope";
    public const string AuthenticationMethod = "amr";
}

/// <summary>Turns a signed-in principal into what it may do where (implemented by the Identity module).</summary>
public interface IAccessResolver
{
    Task<AccessScope> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct);
}

/// <summary>
/// Fills <see cref="CurrentActor"/> for the request and opens the log scope that puts the request id
/// and user id on every log line.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next, ILogger<ActorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, CurrentActor actor, IAccessResolver resolver)
    {
        var requestId = context.TraceIdentifier;
        actor.RequestId = requestId;
        context.Response.Headers["X-Request-Id"] = requestId;

        var principal = context.User;
        actor.SetAnonymous();
        if (principal.Identity?.IsAuthenticated == true)
        {
            var scope = await resolver.ResolveAsync(principal, context.RequestAborted);
            if (Guid.TryParse(principal.FindFirstValue(LnemisClaims.UserId), out var userId))
            {
                actor.SetUser(userId, principal.FindFirstValue(LnemisClaims.Email) ?? "", scope);
            }
            else if (principal.FindFirstValue(LnemisClaims.ClientId) is { } clientId)
            {
                actor.SetClient(clientId, scope);
            }
        }

        Observability.RequestCost.Mark("identity");
        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = requestId, ["UserId"] = actor.UserId?.ToString() ?? actor.ClientId }))
        {
            await next(context);
        }
    }
}
