using System.Net;
using Lnemis.Testing;

namespace Lnemis.Platform.Tests;

public sealed class OperationsTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    [Fact]
    public async Task Liveness_AndReadiness_Answer()
    {
        var client = factory.CreateTestClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.Contains(ready["checks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "database" && c["status"]!.GetValue<string>() == "Healthy");
    }

    [Fact]
    public async Task Metrics_ExposeRequestsLatencyAndJobs()
    {
        var client = factory.CreateTestClient();
        await client.GetAsync("/api/v1/roles");
        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("http_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
        Assert.Contains("lnemis_jobs_pending", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_CarryTheRequestId()
    {
        var response = await factory.CreateTestClient().GetAsync("/api/v1/users");
        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(problem["requestId"]?.GetValue<string>()));
    }
}
