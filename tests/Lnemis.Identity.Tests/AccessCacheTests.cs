using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Tokens;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Identity.Tests;

/// <summary>A server that reports each request's SQL statements (Server-Timing).</summary>
public sealed class TimedFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lnemis:Diagnostics:ServerTiming"] = "true" };
}

/// <summary>Web nodes sharing one database and one Redis (the second one made by the test).</summary>
public sealed class RedisNodeFactory : LnemisFactory
{
    public RedisNodeFactory()
    {
    }

    private RedisNodeFactory(TestDatabase shared)
        : base(shared)
    {
    }

    public RedisNodeFactory AnotherNode() => new(Database);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Redis"] = Environment.GetEnvironmentVariable(TestServers.RedisVariable) ?? "127.0.0.1:9",
        ["Lnemis:Role"] = "web",
    };
}

/// <summary>
/// A node reuses resolved tokens and grants while nothing about access changed (ADR 0030); every
/// security property still holds at the very next request.
/// </summary>
public sealed class AccessCacheTests(TimedFactory factory) : IClassFixture<TimedFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task RepeatedRequests_WithOneToken_SkipTheTokenAndGrantStatements_UntilAccessChanges()
    {
        var area = await given.AreaAsync();
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, area);
        using var bearer = Bearer(await TokenAsync(user.Id, days: 30));

        var first = await StatementsAsync(bearer, "/api/v1/areas");
        var second = await StatementsAsync(bearer, "/api/v1/areas");
        var third = await StatementsAsync(bearer, "/api/v1/areas");
        // First: token, its last-use stamp, grants, then the list. Then: the list alone.
        Assert.Equal(first - 3, second);
        Assert.Equal(second, third);

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = (await given.AreaAsync()).Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(second + 2, await StatementsAsync(bearer, "/api/v1/areas"));
        Assert.Equal(second, await StatementsAsync(bearer, "/api/v1/areas"));
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce_AfterItWasReused()
    {
        var area = await given.AreaAsync();
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var created = await (await client.PostAsync("/api/v1/account/tokens", new { name = "sync", expiresInDays = 30 })).ReadJsonAsync(HttpStatusCode.Created);
        using var bearer = Bearer(created["token"]!.GetValue<string>());
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/account/tokens/{created["id"]}")).StatusCode);
        await (await bearer.GetAsync("/api/v1/areas")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeactivatedUser_IsRefusedAtOnce_AndReactivationRestoresTheToken()
    {
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var bearer = Bearer(await TokenAsync(user.Id, days: 30));
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/areas")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/activate")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RemovedGrant_StopsCoveringItsPlace_AtOnce_AndGuessedIdsStayHidden()
    {
        var home = await given.AreaAsync();
        var other = await given.AreaAsync();
        var homeSchool = await given.InstitutionAsync(home);
        var otherSchool = await given.InstitutionAsync(other);
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, home);
        using var bearer = Bearer(await TokenAsync(user.Id, days: 30));

        // Another district's school, asked for by id, twice (the second time from the node's copy).
        await (await bearer.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await bearer.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var grant = await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = other.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await bearer.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{user.Id}/grants/{grant["id"]}")).StatusCode);
        await (await bearer.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await bearer.GetAsync($"/api/v1/institutions/{homeSchool.Id}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<int> StatementsAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        await response.ReadJsonAsync(HttpStatusCode.OK);
        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        var match = Regex.Match(timing, "sql;desc=\"(\\d+) statements\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, timing);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<string> TokenAsync(Guid userId, int days) => CachedTokens.CreateAsync(factory, TimeProvider.System, userId, days);

    private HttpClient Bearer(string token) => CachedTokens.Client(factory, token);
}

/// <summary>Kept apart: it moves the server's clock, which the other tests' MFA codes must not see.</summary>
public sealed class ExpiringTokenTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task ExpiredToken_IsRefused_AfterItWasReused()
    {
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var bearer = CachedTokens.Client(factory, await CachedTokens.CreateAsync(factory, factory.Clock, user.Id, days: 1));
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
        await (await bearer.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await (await bearer.GetAsync("/api/v1/areas")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}

internal static class CachedTokens
{
    public static Task<string> CreateAsync(LnemisFactory factory, TimeProvider clock, Guid userId, int days) =>
        factory.AsSystemAsync(async sp => (await PersonalAccessTokens.CreateAsync(
            sp.GetRequiredService<LnemisDbContext>(), clock, userId, "cache test", days, CancellationToken.None)).Token);

    public static HttpClient Client(LnemisFactory factory, string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

/// <summary>Two web nodes on one Redis: a revocation through one is seen by the other at its next request.</summary>
public sealed class AccessCacheAcrossNodesTests(RedisNodeFactory factory) : IClassFixture<RedisNodeFactory>
{
    private readonly Given given = new(factory);

    [RedisServerFact]
    public async Task RevokedTokenAndRemovedGrant_StopWorkingAtOnce_OnEveryNode()
    {
        var home = await given.AreaAsync();
        var other = await given.AreaAsync();
        var otherSchool = await given.InstitutionAsync(other);
        var (client, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, home);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var grant = await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = RoleCatalog.AreaOfficer, scopeKind = "Area", scopeId = other.Id }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var created = await (await client.PostAsync("/api/v1/account/tokens", new { name = "two nodes", expiresInDays = 30 })).ReadJsonAsync(HttpStatusCode.Created);

        await using var second = factory.AnotherNode();
        using var onSecond = CachedTokens.Client(second, created["token"]!.GetValue<string>());
        await (await onSecond.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        await (await onSecond.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadJsonAsync(HttpStatusCode.OK);

        // Through the first node; the second has both the token and the grants in memory.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{user.Id}/grants/{grant["id"]}")).StatusCode);
        await (await onSecond.GetAsync($"/api/v1/institutions/{otherSchool.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await onSecond.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/account/tokens/{created["id"]}")).StatusCode);
        await (await onSecond.GetAsync("/api/v1/areas")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}
