using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Lnemis.Platform.Api;

/// <summary>
/// Cookie-authenticated unsafe API requests must carry the anti-forgery header (double-submit of
/// the XSRF-TOKEN cookie, bound to the signed-in user). Bearer-token clients are not exposed to
/// cross-site requests and are exempt, and so are endpoints marked <c>DisableAntiforgery()</c>
/// that authenticate each request by its signature (a payment gateway's callback).
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    private static readonly PathString[] Exempt = ["/api/v1/oauth/token"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !Exempt.Any(p => request.Path.StartsWithSegments(p))
            && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false })
        {
            await antiforgery.ValidateRequestAsync(context);
        }

        await next(context);
    }

    /// <summary>Issues a fresh token pair for the current user: the HttpOnly cookie and the readable XSRF-TOKEN cookie.</summary>
    public static void IssueToken(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(CookieName, tokens.RequestToken ?? "", new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }
}
