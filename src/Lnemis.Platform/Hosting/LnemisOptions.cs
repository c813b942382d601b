namespace Lnemis.Platform.Hosting;

/// <summary>All configuration of the platform, bound from the "Lnemis" section (env: Lnemis__...).</summary>
public sealed class LnemisOptions
{
    public const string Section = "Lnemis";

    /// <summary>Folder for the embedded database, local files and keys (embedded default).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>all | web | worker.</summary>
    public string Role { get; set; } = "all";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>StackExchange.Redis configuration string; empty means in-process cache only.</summary>
    public string? Redis { get; set; }

    public WebOptions Web { get; set; } = new();
    public ApiOptions Api { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public JobOptions Jobs { get; set; } = new();
    public DiagnosticsOptions Diagnostics { get; set; } = new();

    public bool RunsWeb => Role is "all" or "web";
    public bool RunsJobs => Role is "all" or "worker";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string of the primary; for SQLite defaults to {DataDirectory}/lnemis.db.</summary>
    public string? Primary { get; set; }

    /// <summary>Connection string of a read replica; reads that tolerate lag use it when set.</summary>
    public string? Replica { get; set; }

    /// <summary>Apply migrations at start-up. Defaults to true only for the embedded SQLite database.</summary>
    public bool? AutoMigrate { get; set; }

    /// <summary>Seed demo data once at start-up (embedded default).</summary>
    public bool? SeedDemoData { get; set; }
}

public sealed class WebOptions
{
    /// <summary>Folder with the built web app (index.html); defaults to src/web/dist found upwards from the app.</summary>
    public string? Root { get; set; }

    /// <summary>Origins allowed by CORS; empty means CORS is off.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

public sealed class ApiOptions
{
    /// <summary>Largest request body accepted by JSON endpoints.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per minute for one signed-in user or API client.</summary>
    public int RateLimitPerClient { get; set; } = 600;

    /// <summary>Requests per minute for one anonymous IP address.</summary>
    public int RateLimitPerIp { get; set; } = 300;

    /// <summary>Sign-in attempts per minute for one IP address.</summary>
    public int SignInRateLimitPerIp { get; set; } = 20;
}

public sealed class SecurityOptions
{
    public int SessionIdleMinutes { get; set; } = 30;
    public int SessionAbsoluteHours { get; set; } = 12;
    public int LockoutThreshold { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int ClientTokenMinutes { get; set; } = 60;

    /// <summary>
    /// How long a web node may reuse a resolved token or a caller's grants while nothing about
    /// access changed (0 turns the copies off). Needs Redis when several nodes serve (ADR 0030).
    /// </summary>
    public int AccessCacheSeconds { get; set; } = 30;
}

public sealed class JobOptions
{
    public int PollMilliseconds { get; set; } = 1000;
    public int BatchSize { get; set; } = 20;
    public int LeaseSeconds { get; set; } = 300;
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Recurring tasks (by name) this process does not run: to keep one on some workers only, or for a
    /// benchmark on freshly generated data, where the first deadline-reminder sweep would send a
    /// national backlog a live system sent over weeks.
    /// </summary>
    public string[] PausedTasks { get; set; } = [];
}

public sealed class DiagnosticsOptions
{
    /// <summary>Adds a Server-Timing header (identity, SQL statements and time, total) to every answer.</summary>
    public bool ServerTiming { get; set; }
}
