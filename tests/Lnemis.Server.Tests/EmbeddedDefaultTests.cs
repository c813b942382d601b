using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Lnemis.Server.Tests;

/// <summary>`dotnet run` with no configuration: SQLite under the data folder, migrated and seeded once.</summary>
public sealed class EmbeddedDefaultTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "lnemis-embedded-" + Guid.NewGuid().ToString("N")[..10]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [SqliteRunFact]
    public async Task FirstStart_MigratesSeedsAndPrintsTheSignIn_AndTheNextStartDoesNotSeedAgain()
    {
        var env = new Dictionary<string, string?> { ["Lnemis__DataDirectory"] = dataDirectory };

        await using (var first = await ServerProcess.StartAsync(env))
        {
            await WaitForAsync(() => first.Output.Contains("LNEMIS is running", StringComparison.Ordinal));
            Assert.Contains("admin@lnemis.local", first.Output, StringComparison.Ordinal);
            Assert.Contains("Demo data seeded", first.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "lnemis.db")));
            Assert.Equal("signedIn", await SignInAsync(first, "officer@lnemis.local", "Demo-Officer-Password-2026"));
            await first.StopAsync();
        }

        await using var second = await ServerProcess.StartAsync(env);
        await WaitForAsync(() => second.Output.Contains("LNEMIS is running", StringComparison.Ordinal));
        Assert.DoesNotContain("Demo data seeded", second.Output, StringComparison.Ordinal);
        Assert.Equal("signedIn", await SignInAsync(second, "officer@lnemis.local", "Demo-Officer-Password-2026"));
    }

    private static async Task<string> SignInAsync(ServerProcess server, string email, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        await http.GetAsync("/api/v1/antiforgery");
        var xsrf = cookies.GetCookies(server.BaseAddress)["XSRF-TOKEN"]!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-XSRF-TOKEN", xsrf);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["status"]!.GetValue<string>();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
