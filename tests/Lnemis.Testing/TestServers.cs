using Xunit;

namespace Lnemis.Testing;

/// <summary>
/// Servers the tests need, started by test.sh (scripts/test-servers/s3.sh, clamd.sh), shared by
/// the Documents and Correspondence tests. Run by hand
/// without them, their tests are skipped; under test.sh (LNEMIS_TEST_SCRIPT=1) a missing server
/// fails them loudly instead.
/// </summary>
public static class TestServers
{
    public const string S3Variable = "LNEMIS_TEST_S3";
    public const string ClamdVariable = "LNEMIS_TEST_CLAMD";
    public const string RedisVariable = "LNEMIS_TEST_REDIS";

    public static bool UnderTestScript => Environment.GetEnvironmentVariable("LNEMIS_TEST_SCRIPT") == "1";

    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: test.sh did not start the server these tests need (see its services step).");

    /// <summary>The Documents module's clamd settings for LNEMIS_TEST_CLAMD (host:port); a closed port when it is not set.</summary>
    public static IReadOnlyDictionary<string, string?> ClamdSettings()
    {
        var endpoint = Environment.GetEnvironmentVariable(ClamdVariable) ?? "127.0.0.1:9";
        var colon = endpoint.LastIndexOf(':');
        return new Dictionary<string, string?>
        {
            ["Lnemis:Documents:Clamd:Host"] = endpoint[..colon],
            ["Lnemis:Documents:Clamd:Port"] = endpoint[(colon + 1)..],
        };
    }

    public static string? SkipReason(string variable) =>
        UnderTestScript || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))
            ? null
            : $"{variable} is not set (./test.sh starts the server and sets it).";
}

public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute() => Skip = TestServers.SkipReason(TestServers.S3Variable);
}

public sealed class ClamdFactAttribute : FactAttribute
{
    public ClamdFactAttribute() => Skip = TestServers.SkipReason(TestServers.ClamdVariable);
}

public sealed class RedisServerFactAttribute : FactAttribute
{
    public RedisServerFactAttribute() => Skip = TestServers.SkipReason(TestServers.RedisVariable);
}
