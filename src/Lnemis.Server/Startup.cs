using Lnemis.Identity;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lnemis.Server;

internal static class Startup
{
    /// <summary>The embedded default migrates and seeds demo data once; production does neither at start-up.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, LnemisOptions options)
    {
        var embedded = options.Database.Provider == DatabaseProvider.Sqlite;
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Lnemis.Startup");
        if (options.Database.AutoMigrate ?? embedded)
        {
            await DatabaseRegistration.MigrateAsync(scope.ServiceProvider.GetRequiredService<LnemisDbContext>(), logger);
        }

        if ((options.Database.SeedDemoData ?? embedded) && !await IdentityCommands.AnyUserAsync(scope.ServiceProvider, CancellationToken.None))
        {
            await DemoData.SeedAsync(scope.ServiceProvider, CancellationToken.None);
            logger.LogInformation("Demo data seeded");
        }
    }

    public static void PrintBanner(WebApplication app, LnemisOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? LnemisHost.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"  LNEMIS is running ({options.Role} role, {options.Database.Provider}) at {url}");
        if (options.Database.Provider == DatabaseProvider.Sqlite && (options.Database.SeedDemoData ?? true))
        {
            Console.WriteLine($"  Sign in as {DemoData.AdminEmail} / {DemoData.AdminPassword} (you will be asked to set up MFA),");
            Console.WriteLine($"  or as {DemoData.OfficerEmail} / {DemoData.OfficerPassword} (district officer).");
        }

        Console.WriteLine($"  API reference: {url}/scalar   Health: {url}/health/ready   Metrics: {url}/metrics");
        Console.WriteLine();
    }
}
