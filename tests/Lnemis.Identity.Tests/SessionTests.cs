using System.Net;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lnemis.Identity.Tests;

/// <summary>A server whose clock the test moves.</summary>
public sealed class ClockedFactory : LnemisFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class SessionTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task IdleSession_Ends_ButUseKeepsItAlive()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(25)); // 50 minutes after sign-in, 25 after the last request
        await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await (await client.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryBrowserSession()
    {
        var area = await given.AreaAsync();
        var (laptop, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        using var phone = factory.CreateTestClient();
        Assert.Equal("signedIn", await Given.SignInAsync(phone, user));

        var response = await laptop.PostAsync("/api/v1/auth/sign-out-everywhere");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await (await phone.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await laptop.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(AccessAudit.SignOutEverywhere, await EventsAsync(user.Id));
    }

    [Fact]
    public async Task SignOut_EndsOnlyThisBrowser_AndTheOldCookieIsDead()
    {
        var (laptop, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var phone = factory.CreateTestClient();
        await Given.SignInAsync(phone, user);
        var stolenCookie = laptop.Cookies.GetCookieHeader(laptop.Http.BaseAddress!);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsync("/api/v1/auth/sign-out")).StatusCode);

        await (await laptop.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await phone.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        replay.Headers.Add("Cookie", stolenCookie);
        using var raw = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await raw.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_ChecksTheOldOne_AppliesThePolicy_AndEndsOtherSessions()
    {
        var (laptop, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var phone = factory.CreateTestClient();
        await Given.SignInAsync(phone, user);

        var wrongOld = await (await laptop.PostAsync("/api/v1/account/password", new { currentPassword = "not-it-at-all", newPassword = "Another-Long-Passphrase-7" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongOld["errors"]!["currentPassword"]);
        var weak = await (await laptop.PostAsync("/api/v1/account/password", new { currentPassword = user.Password, newPassword = "Password1234!" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("common", weak["errors"]!["newPassword"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsync("/api/v1/account/password", new { currentPassword = user.Password, newPassword = "Another-Long-Passphrase-7" })).StatusCode);
        await (await laptop.GetAsync("/api/v1/auth/me")).ReadJsonAsync(HttpStatusCode.OK);
        await (await phone.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        using var fresh = factory.CreateTestClient();
        Assert.Equal("signedIn", await Given.SignInAsync(fresh, user, "Another-Long-Passphrase-7"));
        Assert.Contains(AccessAudit.PasswordChanged, await EventsAsync(user.Id));
    }

    [Fact]
    public async Task CookieRequests_WithoutTheAntiforgeryHeader_AreRefused()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());

        client.SendAntiforgery = false;
        await (await client.PostAsync("/api/v1/account/tokens", new { name = "script" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        client.SendAntiforgery = true;
        await (await client.PostAsync("/api/v1/account/tokens", new { name = "script" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    private Task<List<string>> EventsAsync(Guid userId) => factory.WithDbAsync(db =>
        db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EntityType == nameof(User) && r.EntityId == userId.ToString())
            .Select(r => r.Action).ToListAsync());
}
