using Lnemis.Platform.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lnemis.Platform.Data;

public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "Lnemis.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Lnemis.Migrations.Postgres";
    public const string HistoryTable = "__ef_migrations_history";

    public static string PrimaryConnectionString(LnemisOptions options) =>
        options.Database.Primary is { Length: > 0 } cs
            ? cs
            : options.Database.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(Path.GetFullPath(options.DataDirectory), "lnemis.db"),
                    DefaultTimeout = 30,
                }.ToString()
                : throw new InvalidOperationException("Lnemis:Database:Primary is required for PostgreSQL.");

    /// <summary>Configures EF Core for the chosen provider; shared by the app, the CLI and design-time tools.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(WithoutJit(connectionString), npgsql =>
            {
                npgsql.MigrationsAssembly(PostgresMigrationsAssembly);
                npgsql.MigrationsHistoryTable(HistoryTable, "platform");
            });
            builder.AddInterceptors(PreparedStatements.Interceptor.Instance);
        }
        else
        {
            builder.UseSqlite(connectionString, sqlite =>
            {
                sqlite.MigrationsAssembly(SqliteMigrationsAssembly);
                sqlite.MigrationsHistoryTable(HistoryTable);
            });
        }

        builder.UseSnakeCaseNamingConvention();
        // Migrations are applied by the migrate command (or at start-up in the embedded default);
        // a model that has moved on from them is a build mistake a test catches, not a runtime one.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the app's sessions unless the connection string
    /// sets its own options: on short queries JIT costs more than it saves (measured 40+ ms on a
    /// 2 ms list query, docs/performance.md). Behind a pooler that refuses startup options, set
    /// <c>Options=</c> (empty) and <c>jit = off</c> in postgresql.conf instead.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options is null && !connectionString.Contains("Options", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    public static IServiceCollection AddLnemisDatabase(this IServiceCollection services, LnemisOptions options)
    {
        var provider = options.Database.Provider;
        var primary = PrimaryConnectionString(options);
        var replica = options.Database.Replica is { Length: > 0 } r ? r : primary;

        services.AddDbContext<LnemisDbContext>(b =>
        {
            Configure(b, provider, primary);
            AddDiagnostics(b, options);
        });
        services.AddDbContext<ReplicaDbContext>(b =>
        {
            Configure(b, provider, replica);
            AddDiagnostics(b, options);
            b.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        return services;
    }

    private static void AddDiagnostics(DbContextOptionsBuilder builder, LnemisOptions options)
    {
        if (options.Diagnostics.ServerTiming)
        {
            builder.AddInterceptors(Observability.SqlCostInterceptor.Instance);
        }
    }

    /// <summary>Applies every pending migration; on SQLite also switches the file to WAL journaling.</summary>
    public static async Task MigrateAsync(LnemisDbContext db, ILogger logger, CancellationToken ct = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        logger.LogInformation("Applying {Count} migration(s) to {Provider}", pending.Count, db.Provider);
        // Building an index over a national table takes minutes, not the 30 s a request may.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(6));
        await db.Database.MigrateAsync(ct);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
