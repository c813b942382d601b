using System.Net;
using Lnemis.Testing;

namespace Lnemis.Platform.Tests;

public sealed class RateLimitedFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Api:RateLimitPerIp"] = "5",
        ["Lnemis:Api:SignInRateLimitPerIp"] = "3",
    };
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task TooManyAnonymousRequests_Get429WithRetryAfter()
    {
        var client = factory.CreateTestClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last = await client.GetAsync("/api/v1/roles");
            if (last.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
        }

        await last!.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task HealthChecks_AreNotRateLimited()
    {
        var client = factory.CreateTestClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
    }
}
