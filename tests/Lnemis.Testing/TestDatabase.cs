using Npgsql;

namespace Lnemis.Testing;

/// <summary>
/// The database a test class runs against: LNEMIS_TEST_DB=sqlite (default, a temp file) or
/// postgres (a fresh database on the server named by LNEMIS_TEST_POSTGRES, dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string provider, string connectionString, string directory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        PostgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A fresh folder for the app's data (files, SQLite database).</summary>
    public string Directory { get; }

    private string? PostgresName { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static string Kind => (Environment.GetEnvironmentVariable("LNEMIS_TEST_DB") ?? "sqlite").ToLowerInvariant();

    public static string? PostgresServer => Environment.GetEnvironmentVariable("LNEMIS_TEST_POSTGRES");

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lnemis-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        if (Kind != "postgres")
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "lnemis.db")};Default Timeout=30", directory, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("LNEMIS_TEST_DB=postgres needs LNEMIS_TEST_POSTGRES (a connection string to a test server).");
        var name = "lnemis_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        return new TestDatabase("Postgres", cs, directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping process; the temp folder is cleaned by the OS.
        }
    }
}
