using System.Diagnostics;
using System.Globalization;
using Lnemis.Identity;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Server;

/// <summary>
/// `Lnemis.Server seed --scale small|district|national [--seed N] [--today YYYY-MM-DD] [--only MODULE]`: fills an
/// empty database with a fictional country through every module's <see cref="ISeedContributor"/>,
/// then adds the demo administrator and a district officer of the first district. The same seed
/// and day give the same data. Prints rows and rows/s per table.
/// </summary>
internal static class Seed
{
    public static Task<int> RunAsync(IServiceProvider services, SeedProfile profile, int seed, DateOnly today, TextWriter log, CancellationToken ct) =>
        RunAsync(services, profile, seed, today, log, only: null, ct);

    /// <summary>With <paramref name="only"/> (a module's seed name, e.g. correspondence), only that module's part is seeded.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, SeedProfile profile, int seed, DateOnly today, TextWriter log, string? only, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var options = services.GetRequiredService<IOptions<LnemisOptions>>().Value;
        if (options.Database.AutoMigrate ?? options.Database.Provider == DatabaseProvider.Sqlite)
        {
            await DatabaseRegistration.MigrateAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger("Lnemis.Migrate"), ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await log.WriteLineAsync("The database has pending migrations: run `Lnemis.Server migrate` first.");
            return 1;
        }

        // A load killed while its indexes were suspended left their definitions behind: make them again first.
        await SuspendedIndexes.RestorePendingAsync(db, log, ct);

        var context = new SeedContext(services, profile, seed, today, log);
        var contributors = services.GetServices<ISeedContributor>().OrderBy(c => c.Order).ToList();
        if (only is not null)
        {
            var known = string.Join(", ", contributors.Select(c => c.Name));
            contributors = contributors.Where(c => string.Equals(c.Name, only, StringComparison.OrdinalIgnoreCase)).ToList();
            if (contributors.Count == 0)
            {
                await log.WriteLineAsync($"Not seeded: --only takes one of {known}.");
                return 1;
            }
        }

        foreach (var contributor in contributors)
        {
            if (await contributor.RefusalAsync(context, ct) is { } refusal)
            {
                await log.WriteLineAsync($"Not seeded ({contributor.Name}): {refusal}");
                return 1;
            }
        }

        if (await IdentityCommands.AnyUserAsync(services, ct))
        {
            await log.WriteLineAsync("Not seeded: users exist already; seed into an empty database.");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Seeding scale {profile.Scale} (seed {seed}, today {today:yyyy-MM-dd}) into {options.Database.Provider}"));
        db.RowAuditSuppressed = true;
        foreach (var contributor in contributors)
        {
            await log.WriteLineAsync($"{contributor.Name}:");
            await contributor.SeedAsync(context, ct);
        }

        db.RowAuditSuppressed = false;
        await AddUsersAsync(services, context, ct);
        var rows = context.Loads.Sum(l => l.Rows);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Seeded {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s ({rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} rows/s overall)."));
        await log.WriteLineAsync($"Sign in as {DemoData.AdminEmail} / {DemoData.AdminPassword}, or {DemoData.OfficerEmail} / {DemoData.OfficerPassword} (a district officer).");
        return 0;
    }

    private static async Task AddUsersAsync(IServiceProvider services, SeedContext context, CancellationToken ct)
    {
        await IdentityCommands.CreateUserAsync(services, DemoData.AdminEmail, "Demo Administrator", DemoData.AdminPassword,
            RoleCatalog.SystemAdministrator, ScopeKind.Country, null, AccessScope.CountryPath, "National", ct);
        if (context.Shared.TryGetValue("institutions.districts", out var value) && value is List<(Guid Id, string Path, string Name)> { Count: > 0 } districts)
        {
            var first = districts[0];
            await IdentityCommands.CreateUserAsync(services, DemoData.OfficerEmail, $"{first.Name} Officer", DemoData.OfficerPassword,
                RoleCatalog.AreaOfficer, ScopeKind.Area, first.Id, first.Path, first.Name, ct);
        }
    }
}
