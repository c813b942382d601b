// Identity: users, roles granted at scopes, MFA, browser sessions, personal access tokens, API
// clients (OAuth2 client credentials) and the access audit. Other modules see only the
// CurrentActor/AccessScope the platform fills from it.
using FluentValidation;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Data;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Account;
using Lnemis.Identity.Features.Auth;
using Lnemis.Identity.Features.Tokens;
using Lnemis.Identity.Features.Users;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Identity;

public static class IdentityModule
{
    public const string MfaPendingPolicy = "mfa-pending";
    public const string EnrolmentPolicy = "mfa-enrolment";
    public const string AnyStagePolicy = "any-stage";
    private const string SelectorScheme = "cookie-or-bearer";

    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new IdentityModel();

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, LnemisOptions options)
    {
        services.AddSingleton(Model);
        services.AddScoped<IAccessResolver, AccessResolver>();
        services.AddSingleton<AccessCache>();
        services.AddScoped<RequestAccessCache>();
        services.AddScoped<IUserDirectory, Features.Users.UserDirectory>();
        services.AddScoped<Platform.Data.ISeedUsers, Seeding.SeedUsers>();
        services.AddScoped<SessionService>();
        services.AddSingleton<TotpService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddValidatorsFromAssemblyContaining<SignIn.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddRecurringTask<SessionCleanup>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "lnemis.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(options.Security.SessionAbsoluteHours);
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = SessionService.ValidateAsync;
                o.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => StageOf(c) is null or SessionStage.Full).Build())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => StageOf(c) is null or SessionStage.Full).Build())
            .AddPolicy(MfaPendingPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => StageOf(c) == SessionStage.MfaPending))
            .AddPolicy(EnrolmentPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => StageOf(c) is null or SessionStage.Full or SessionStage.Enrolment))
            .AddPolicy(AnyStagePolicy, p => p.RequireAuthenticatedUser());
        return services;
    }

    private static string? StageOf(AuthorizationHandlerContext context) => context.User.FindFirst(LnemisClaims.Stage)?.Value;

    public static void MapIdentityEndpoints(this IEndpointRouteBuilder api)
    {
        SignIn.Map(api);
        CompleteMfa.Map(api);
        SignOut.Map(api);
        GetMe.Map(api);
        GetProfile.Map(api);
        UpdateProfile.Map(api);
        SetPhoneNumber.Map(api);
        ChangePassword.Map(api);
        SetUpMfa.Map(api);
        EnableMfa.Map(api);
        RenewRecoveryCodes.Map(api);
        PersonalAccessTokens.Map(api);
        ListUsers.Map(api);
        GetUser.Map(api);
        CreateUser.Map(api);
        SetUserActive.Map(api);
        GrantRole.Map(api);
        RevokeGrant.Map(api);
        ListRoles.Map(api);
        ApiClients.Map(api);
        IssueClientToken.Map(api);
    }
}

/// <summary>Deletes sessions a day after they ended, and expired tokens after a month.</summary>
internal sealed class SessionCleanup(TimeProvider clock) : IRecurringTask
{
    public string Name => "identity-session-cleanup";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var dayAgo = clock.GetUtcNow().AddDays(-1);
        var monthAgo = clock.GetUtcNow().AddDays(-30);
        await db.Sessions().Where(s => s.ExpiresAt < dayAgo || s.RevokedAt < dayAgo).ExecuteDeleteAsync(ct);
        await db.AccessTokens().Where(t => t.ExpiresAt < monthAgo || t.RevokedAt < monthAgo).ExecuteDeleteAsync(ct);
    }
}
