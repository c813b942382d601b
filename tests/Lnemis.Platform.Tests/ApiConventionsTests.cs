using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Platform.Tests;

/// <summary>Bad input of every kind gets a 4xx problem document, never a 500.</summary>
public sealed class ApiConventionsTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private async Task<TestClient> AdminAsync() => (await given.SignedInAsync(RoleCatalog.SystemAdministrator)).Client;

    [Fact]
    public async Task MalformedJson_IsA400Problem()
    {
        var client = await AdminAsync();
        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/areas", "{\"code\": \"X1\", \"name\": ");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
    }

    [Fact]
    public async Task WrongType_NamesTheField()
    {
        var client = await AdminAsync();
        var response = await client.SendRawAsync(HttpMethod.Put, $"/api/v1/areas/{Guid.NewGuid()}", "{\"code\":\"A\",\"name\":\"B\",\"version\":\"not-a-number\"}");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The value has the wrong type.", problem["errors"]!["version"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownField_IsRejected()
    {
        var client = await AdminAsync();
        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/areas", "{\"code\":\"U1\",\"name\":\"N\",\"isAdmin\":true}");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Unknown field.", problem["errors"]!["isAdmin"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidUtf8_IsA400Problem()
    {
        var client = await AdminAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"code\":\"U2\",\"name\":\"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.Http.PostAsync("/api/v1/areas", content);
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OversizeBody_IsA413Problem()
    {
        var client = await AdminAsync();
        var huge = "{\"code\":\"BIG\",\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/areas", huge);
        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OversizeChunkedBody_IsA413Problem()
    {
        var client = await AdminAsync();
        var huge = Encoding.UTF8.GetBytes("{\"code\":\"BIG2\",\"name\":\"" + new string('y', 2 * 1024 * 1024) + "\"}");
        var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/areas") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.Http.SendAsync(request);
        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task MissingBody_IsA400Problem()
    {
        var client = await AdminAsync();
        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/areas", "");
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ValidationErrors_AreFieldByField()
    {
        var client = await AdminAsync();
        var response = await client.PostAsync("/api/v1/areas", new { code = "has spaces!", name = "" });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        // Keys as the JSON names them (camelCase), so a client can put each message next to its field.
        Assert.NotNull(problem["errors"]!["code"]);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.Null(problem["errors"]!["Code"]);
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE institutions_areas;--")]
    [InlineData("<script>alert('x')</script><img src=x onerror=alert(1)>")]
    [InlineData("' OR '1'='1")]
    [InlineData("ünïcödé — 学校 🏫")]
    public async Task InjectionStrings_AreStoredVerbatimAndServedEscaped(string name)
    {
        var client = await AdminAsync();
        var created = await (await client.PostAsync("/api/v1/areas", new { code = Given.Unique("INJ"), name })).ReadJsonAsync(HttpStatusCode.Created);
        var response = await client.GetAsync($"/api/v1/areas/{created["id"]}");
        var raw = await response.Content.ReadAsStringAsync();
        var read = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(name, read["name"]!.GetValue<string>());
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownApiRoute_IsA404Problem()
    {
        var client = factory.CreateTestClient();
        await (await client.GetAsync("/api/v1/no-such-thing")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_IsA401Problem()
    {
        var client = factory.CreateTestClient();
        await (await client.GetAsync("/api/v1/users")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await factory.CreateTestClient().GetAsync("/health/live");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Lists_ArePagedWithTotals()
    {
        var client = await AdminAsync();
        var parent = await given.AreaAsync();
        for (var i = 0; i < 5; i++)
        {
            await given.AreaAsync(parent);
        }

        var page = await client.GetJsonAsync($"/api/v1/areas?parentId={parent.Id}&page=2&pageSize=2");
        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["page"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var doc = await factory.CreateTestClient().GetJsonAsync("/openapi/v1.json");
        Assert.NotNull(doc["paths"]!["/api/v1/users"]);
        Assert.NotNull(doc["paths"]!["/api/v1/areas/{id}"]);
    }
}
