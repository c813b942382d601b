using Lnemis.Testing;

namespace Lnemis.Server.Tests;

/// <summary>What an operator does first on a new database: migrate, create an administrator, make a token for scripts.</summary>
internal static class Operator
{
    public const string AdminEmail = "ops@ministry.example";

    public static async Task<string> BootstrapAsync(IReadOnlyDictionary<string, string?> env)
    {
        await MustAsync(env, "migrate");
        await MustAsync(env, "users", "create-admin", "--email", AdminEmail, "--password", Given.Password);
        var output = await MustAsync(env, "tokens", "create", "--user", AdminEmail, "--name", "test script");
        return output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("lnp_", StringComparison.Ordinal));
    }

    public static async Task<string> MustAsync(IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var (code, stdout, stderr) = await ServerProcess.RunAsync(env, args);
        return code == 0 ? stdout : throw new Xunit.Sdk.XunitException($"`{string.Join(' ', args)}` exited with {code}:\n{stderr}\n{stdout}");
    }
}
