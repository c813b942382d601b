using Lnemis.Correspondence;
using Lnemis.Documents;
using Lnemis.Identity;
using Lnemis.Institutions;
using Lnemis.Integrations;
using Lnemis.Notifications;
using Lnemis.Platform;
using Lnemis.Platform.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Lnemis.Server;

/// <summary>
/// The one executable: serves in a role (all, web, worker) or runs a command (migrate, seed-demo,
/// users create-admin, tokens create, audit verify, documents rotate-keys).
/// </summary>
public static class LnemisHost
{
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--role"] = "Lnemis:Role",
        ["--data"] = "Lnemis:DataDirectory",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var command = Commands.Find(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command is null ? args : [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(command is null ? args : [], SwitchMappings);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        var options = builder.AddPlatformModule();
        if (command is not null)
        {
            options.Role = "cli";
        }

        builder.Services.AddIdentityModule(options);
        builder.Services.AddInstitutionsModule();
        builder.Services.AddCorrespondenceModule();
        builder.Services.AddIntegrationsModule();
        builder.Services.AddNotificationsModule();
        builder.Services.AddDocumentsModule();

        var app = builder.Build();
        if (command is not null)
        {
            return await command.RunAsync(app.Services, args);
        }

        await Startup.PrepareDatabaseAsync(app.Services, options);
        ConfigurePipeline(app, options);
        app.Lifetime.ApplicationStarted.Register(() => Startup.PrintBanner(app, options));
        await app.RunAsync();
        return 0;
    }

    private static void ConfigurePipeline(WebApplication app, LnemisOptions options)
    {
        var webRoot = options.RunsWeb ? WebApp.FindRoot(options, app.Environment) : null;
        app.UsePlatform(options, webRoot is null ? null : new PhysicalFileProvider(webRoot));
        app.MapOperationsEndpoints();
        if (!options.RunsWeb)
        {
            return;
        }

        var api = app.MapGroup("/api/v1");
        api.MapPlatformEndpoints();
        api.MapIdentityEndpoints();
        api.MapInstitutionsEndpoints();
        api.MapCorrespondenceEndpoints();
        api.MapIntegrationsEndpoints();
        api.MapNotificationsEndpoints();
        api.MapDocumentsEndpoints();
        WebApp.MapFallback(app, webRoot);
    }
}
