using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Tests;

public sealed class TokenTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task PersonalToken_ActsAsTheUser_UntilRevoked_AndIsShownOnce()
    {
        var area = await given.AreaAsync();
        var (client, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var created = await (await client.PostAsync("/api/v1/account/tokens", new { name = "nightly export", expiresInDays = 30 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var token = created["token"]!.GetValue<string>();
        Assert.StartsWith("lnp_", token, StringComparison.Ordinal);

        using var bearer = Bearer(token);
        var me = await (await bearer.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.Email, me["email"]!.GetValue<string>());
        var areas = await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(areas["items"]!.AsArray(), a => a!["id"]!.GetValue<Guid>() == area.Id);

        var listed = (await client.GetJsonAsync("/api/v1/account/tokens")).AsArray();
        var entry = Assert.Single(listed, t => t!["id"]!.GetValue<Guid>() == created["id"]!.GetValue<Guid>())!;
        Assert.DoesNotContain(token, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(token[..8], entry["prefix"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/account/tokens/{created["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task PersonalToken_OfADeactivatedUser_IsRefused()
    {
        var area = await given.AreaAsync();
        var (client, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var token = (await (await client.PostAsync("/api/v1/account/tokens", new { name = "sync", expiresInDays = 30 }))
            .ReadJsonAsync(HttpStatusCode.Created))["token"]!.GetValue<string>();
        using var bearer = Bearer(token);
        await (await bearer.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MadeUpToken_IsRefused()
    {
        using var bearer = Bearer("lnp_" + new string('a', 40));
        var response = await bearer.GetAsync("/api/v1/areas");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ClientCredentials_GiveATokenLimitedToTheClientsScopesAndPlace()
    {
        var parent = await given.AreaAsync();
        var inside = await given.AreaAsync(parent);
        var outside = await given.AreaAsync();
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var client = await (await admin.PostAsync("/api/v1/clients", new { name = "Statistics bureau", scopes = new[] { "areas.read" }, scopeKind = "Area", scopeId = parent.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var clientId = client["clientId"]!.GetValue<string>();
        var secret = client["clientSecret"]!.GetValue<string>();

        using var http = factory.CreateClient();
        var denied = await TokenAsync(http, clientId, secret + "x", null);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("invalid_client", (await denied.ReadJsonAsync(HttpStatusCode.Unauthorized))["error"]!.GetValue<string>());
        var tooMuch = await TokenAsync(http, clientId, secret, "areas.manage");
        Assert.Equal("invalid_scope", (await tooMuch.ReadJsonAsync(HttpStatusCode.BadRequest))["error"]!.GetValue<string>());

        var issued = await (await TokenAsync(http, clientId, secret, "areas.read")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Bearer", issued["token_type"]!.GetValue<string>());
        Assert.True(issued["expires_in"]!.GetValue<int>() > 0);
        var clientGuid = client["id"]!.GetValue<Guid>().ToString();
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditRecord>().AnyAsync(r => r.EntityType == nameof(ApiClient) && r.EntityId == clientGuid && r.Action == "client-token-issued")));

        using var bearer = Bearer(issued["access_token"]!.GetValue<string>());
        var areas = await (await bearer.GetAsync("/api/v1/areas?pageSize=200")).ReadJsonAsync(HttpStatusCode.OK);
        var ids = areas["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(inside.Id, ids);
        Assert.DoesNotContain(outside.Id, ids);
        await (await bearer.GetAsync($"/api/v1/areas/{outside.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await bearer.PostAsync("/api/v1/areas", JsonBody(new JsonObject { ["code"] = Given.Unique("X"), ["name"] = "No" })))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await bearer.GetAsync("/api/v1/users")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClientScopes_CannotExceedWhatTheCreatorHolds()
    {
        var area = await given.AreaAsync();
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        await (await officer.PostAsync("/api/v1/clients", new { name = "Mine", scopes = new[] { "areas.read" }, scopeKind = "Area", scopeId = area.Id }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var unknown = await (await admin.PostAsync("/api/v1/clients", new { name = "Bad", scopes = new[] { "everything" }, scopeKind = "Country" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]);
    }

    [Fact]
    public async Task TokenEndpoint_RefusesOtherGrantTypesAndJson()
    {
        using var http = factory.CreateClient();
        var json = await http.PostAsync("/api/v1/oauth/token", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal("invalid_request", (await json.ReadJsonAsync(HttpStatusCode.BadRequest))["error"]!.GetValue<string>());
        var password = await http.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
        Assert.Equal("unsupported_grant_type", (await password.ReadJsonAsync(HttpStatusCode.BadRequest))["error"]!.GetValue<string>());
    }

    private HttpClient Bearer(string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent JsonBody(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient http, string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        return await http.SendAsync(request);
    }
}
