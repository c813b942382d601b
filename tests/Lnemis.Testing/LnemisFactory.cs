using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Lnemis.Testing;

/// <summary>
/// The whole server in memory, on the database chosen by LNEMIS_TEST_DB, migrated and empty.
/// One per test class (IClassFixture); tests create the data they need with unique names.
/// </summary>
public class LnemisFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;
    private readonly bool ownsDatabase = true;

    public LnemisFactory()
    {
    }

    /// <summary>A second server on another factory's database (restarts, several instances).</summary>
    protected LnemisFactory(TestDatabase shared)
    {
        database = shared;
        ownsDatabase = false;
    }

    /// <summary>A second server on an existing database (xunit fixtures need a single public constructor).</summary>
    public static LnemisFactory On(TestDatabase shared) => new(shared);

    public TestDatabase Database => database ?? throw new InvalidOperationException("The factory is not initialised.");

    /// <summary>Extra configuration (keys like "Lnemis:Api:RateLimitPerIp").</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Extra service registrations for a test class (fakes, test job handlers).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        database ??= await TestDatabase.CreateAsync();
        // Building the host migrates the database (AutoMigrate=true below).
        _ = Services;
        await Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null && ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Lnemis:DataDirectory", Database.Directory);
        builder.UseSetting("Lnemis:Database:Provider", Database.Provider);
        builder.UseSetting("Lnemis:Database:Primary", Database.ConnectionString);
        builder.UseSetting("Lnemis:Database:AutoMigrate", "true");
        builder.UseSetting("Lnemis:Database:SeedDemoData", "false");
        builder.UseSetting("Lnemis:Jobs:PollMilliseconds", "100");
        builder.UseSetting("Lnemis:Api:RateLimitPerClient", "100000");
        builder.UseSetting("Lnemis:Api:RateLimitPerIp", "100000");
        builder.UseSetting("Lnemis:Api:SignInRateLimitPerIp", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(ConfigureServices);
    }

    /// <summary>A client with its own cookie jar that sends the anti-forgery header like the web app does.</summary>
    public TestClient CreateTestClient() => new(Server.CreateHandler(), Server.BaseAddress);

    /// <summary>Runs <paramref name="work"/> in a service scope acting as the system (seeding, checks).</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
        return await work(scope.ServiceProvider);
    }

    public Task AsSystemAsync(Func<IServiceProvider, Task> work) => AsSystemAsync(async sp =>
    {
        await work(sp);
        return true;
    });

    public Task<T> WithDbAsync<T>(Func<LnemisDbContext, Task<T>> work) =>
        AsSystemAsync(sp => work(sp.GetRequiredService<LnemisDbContext>()));
}
