using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lnemis.Testing;

namespace Lnemis.Server.Tests;

/// <summary>The operator commands, run as processes against a fresh database.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private Dictionary<string, string?> Env => ServerProcess.EnvironmentFor(database);

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Migrate_AppliesEverything_AndIsIdempotent()
    {
        var first = await ServerProcess.RunAsync(Env, "migrate");
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("up to date", first.StdOut, StringComparison.Ordinal);
        var second = await ServerProcess.RunAsync(Env, "migrate");
        Assert.True(second.ExitCode == 0, second.StdErr + second.StdOut);

        var verify = await ServerProcess.RunAsync(Env, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.StdErr + verify.StdOut);
        Assert.Contains("intact", verify.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_RefusesAWeakPassword_ThenWorks_AndTokensAuthenticate()
    {
        await ServerProcess.RunAsync(Env, "migrate");
        var weak = await ServerProcess.RunAsync(Env, "users", "create-admin", "--email", "ops@ministry.example", "--password", "password1234");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("common", weak.StdErr, StringComparison.Ordinal);
        var missing = await ServerProcess.RunAsync(Env, "users", "create-admin", "--email", "ops@ministry.example");
        Assert.NotEqual(0, missing.ExitCode);

        var created = await ServerProcess.RunAsync(Env, "users", "create-admin", "--email", "ops@ministry.example", "--password", Given.Password);
        Assert.True(created.ExitCode == 0, created.StdErr + created.StdOut);
        var again = await ServerProcess.RunAsync(Env, "users", "create-admin", "--email", "ops@ministry.example", "--password", Given.Password);
        Assert.NotEqual(0, again.ExitCode);

        var token = await ServerProcess.RunAsync(Env, "tokens", "create", "--user", "ops@ministry.example", "--name", "backup script", "--expires", "7");
        Assert.True(token.ExitCode == 0, token.StdErr + token.StdOut);
        var secret = Assert.Single(token.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("lnp_", StringComparison.Ordinal));
        var unknown = await ServerProcess.RunAsync(Env, "tokens", "create", "--user", "nobody@ministry.example", "--name", "x");
        Assert.NotEqual(0, unknown.ExitCode);
        var badDays = await ServerProcess.RunAsync(Env, "tokens", "create", "--user", "ops@ministry.example", "--name", "x", "--expires", "soon");
        Assert.NotEqual(0, badDays.ExitCode);
        // Several users in one command: one token per user, in order; one unknown address makes none.
        var two = await ServerProcess.RunAsync(Env, "tokens", "create", "--user", "ops@ministry.example", "--user", "ops@ministry.example", "--name", "harness");
        Assert.True(two.ExitCode == 0, two.StdErr + two.StdOut);
        var secrets = two.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("lnp_", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, secrets.Distinct().Count());
        var mixed = await ServerProcess.RunAsync(Env, "tokens", "create", "--user", "ops@ministry.example", "--user", "nobody@ministry.example", "--name", "half");
        Assert.NotEqual(0, mixed.ExitCode);
        Assert.DoesNotContain("lnp_", mixed.StdOut, StringComparison.Ordinal);

        await using var server = await ServerProcess.StartAsync(Env);
        using var bearer = server.Client(secret);
        var me = JsonNode.Parse(await bearer.GetStringAsync("/api/v1/auth/me"))!;
        Assert.Equal("ops@ministry.example", me["email"]!.GetValue<string>());

        // The administrator signs in with the password and is asked to set up MFA first.
        using var browser = server.Client();
        var antiforgery = await browser.GetAsync("/api/v1/antiforgery");
        var cookies = antiforgery.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { email = "ops@ministry.example", password = Given.Password }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        request.Headers.Add("X-XSRF-TOKEN", cookies.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal))["XSRF-TOKEN=".Length..]);
        var signIn = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("mfaEnrolmentRequired", JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_PrintsTheUsage()
    {
        var help = await ServerProcess.RunAsync(Env, "help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("tokens create --user EMAIL [--user EMAIL …] --name NAME", help.StdErr + help.StdOut, StringComparison.Ordinal);
        var wrong = await ServerProcess.RunAsync(Env, "users", "delete-everyone");
        Assert.Equal(2, wrong.ExitCode);
    }
}
