// Platform: the shared kernel every module plugs into. It owns the unit of work and its audit
// chain, the jobs/outbox, idempotency, caching, API conventions (problem details, paging, limits,
// rate limits, security headers, anti-forgery), health and metrics.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Caching;
using Lnemis.Platform.Data;
using Lnemis.Platform.Features.Audit;
using Lnemis.Platform.Features.Jobs;
using Lnemis.Platform.Hosting;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Observability;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;
using Scalar.AspNetCore;
using StackExchange.Redis;

namespace Lnemis.Platform;

public static class PlatformModule
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Reads the options and registers the platform's services; returns the options for the host to branch on.</summary>
    public static LnemisOptions AddPlatformModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(LnemisOptions.Section).Get<LnemisOptions>() ?? new LnemisOptions();
        services.AddOptions<LnemisOptions>().BindConfiguration(LnemisOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentActor>();
        services.AddSingleton<AccessVersion>();
        services.AddLnemisDatabase(options);

        services.AddScoped<Outbox>();
        services.AddScoped<Events.EventPublisher>();
        services.AddSingleton<Events.IntegrationEventCatalogue>();
        services.AddScoped<Notifications.Notifier>();
        services.AddJobHandler<Events.IntegrationEvent, Events.IntegrationEventDispatcher>();
        services.AddScoped<AuditLog>();
        services.AddSingleton(sp =>
        {
            var registry = new JobRegistry();
            foreach (var registration in sp.GetServices<JobRegistration>())
            {
                registration.Apply(registry);
            }

            return registry;
        });
        services.AddRecurringTask<PlatformCleanup>();
        if (options.RunsJobs)
        {
            services.AddHostedService<JobWorker>();
        }

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Escape <, >, & and quotes so stored text can never be sniffed or spliced as HTML.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Default;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryMiddleware.HeaderName;
            o.Cookie.Name = "lnemis.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddDataProtection().SetApplicationName("lnemis").PersistKeysToDbContext<LnemisDbContext>();

        AddCaching(services, options);
        AddHealth(services, options);
        AddRateLimits(services, options);

        services.AddOpenApi("v1");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("lnemis"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddSource("Npgsql");
                if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                {
                    t.AddOtlpExporter();
                }
            });

        if (options.Web.CorsOrigins.Length > 0)
        {
            services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins(options.Web.CorsOrigins).AllowCredentials().AllowAnyHeader().AllowAnyMethod()));
        }

        return options;
    }

    private static void AddCaching(IServiceCollection services, LnemisOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            var configuration = ConfigurationOptions.Parse(options.Redis);
            configuration.AbortOnConnectFail = false;
            configuration.ConnectTimeout = 2000;
            configuration.SyncTimeout = 2000;
            configuration.AsyncTimeout = 2000;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
            services.AddSingleton(sp =>
            {
                var redis = sp.GetRequiredService<IConnectionMultiplexer>();
                var inner = new RedisCache(Options.Create(new RedisCacheOptions
                {
                    InstanceName = "lnemis:",
                    ConnectionMultiplexerFactory = () => Task.FromResult(redis),
                }));
                return new ResilientDistributedCache(inner, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResilientDistributedCache>>());
            });
            services.Replace(ServiceDescriptor.Singleton<IDistributedCache>(sp => sp.GetRequiredService<ResilientDistributedCache>()));
        }

        // Without Redis: an in-process cache (one process holds web and worker in the embedded default).
        services.AddDistributedMemoryCache();
        services.AddHybridCache(o => o.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(1) });
    }

    private static void AddHealth(IServiceCollection services, LnemisOptions options)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            checks.AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["ready"]);
        }
    }

    private static void AddRateLimits(IServiceCollection services, LnemisOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many requests", detail: "Slow down and retry after the number of seconds in Retry-After.")
                    .ExecuteAsync(context.HttpContext);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var user = context.User;
                var caller = user.FindFirst(LnemisClaims.UserId)?.Value ?? user.FindFirst(LnemisClaims.ClientId)?.Value;
                return caller is not null
                    ? PerMinute($"caller:{caller}", options.Api.RateLimitPerClient)
                    : PerMinute($"ip:{context.Connection.RemoteIpAddress}", options.Api.RateLimitPerIp);
            });
            o.AddPolicy(SignInRateLimit, context => PerMinute($"sign-in:{context.Connection.RemoteIpAddress}", options.Api.SignInRateLimitPerIp));
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>The platform's request pipeline, in order. Authentication comes from the Identity module's services.</summary>
    public static void UsePlatform(this WebApplication app, LnemisOptions options, IFileProvider? webApp)
    {
        if (options.Diagnostics.ServerTiming)
        {
            app.UseMiddleware<RequestCostMiddleware>();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHsts();
        if (webApp is not null)
        {
            // The web app's files are public (the sign-in page is one of them); the API behind them is not.
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webApp });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = webApp,
                OnPrepareResponse = c =>
                {
                    var name = c.File.Name;
                    c.Context.Response.Headers.CacheControl = name is "index.html" or "sw.js" or "manifest.webmanifest" || name.StartsWith("workbox-", StringComparison.Ordinal)
                        ? "no-cache"
                        : "public, max-age=31536000, immutable";
                },
            });
        }

        app.UseRouting();
        app.UseHttpMetrics();
        if (options.Web.CorsOrigins.Length > 0)
        {
            app.UseCors();
        }

        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<AntiforgeryMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
    }

    /// <summary>Health, metrics and API documents: served by every role.</summary>
    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapMetrics("/metrics").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
    }

    public static void MapPlatformEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
        {
            AntiforgeryMiddleware.IssueToken(antiforgery, context);
            return TypedResults.NoContent();
        }).AllowAnonymous().WithTags("Identity");
        ListJobs.Map(api);
        RetryJob.Map(api);
        ListAuditRecords.Map(api);
        VerifyAuditChain.Map(api);
    }
}
