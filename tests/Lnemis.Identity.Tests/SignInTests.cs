using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Tests;

public sealed class SignInTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task RightPassword_SignsIn_AndIsAudited()
    {
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var client = factory.CreateTestClient();

        Assert.Equal("signedIn", await Given.SignInAsync(client, user));

        var me = await client.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal(user.Email, me["email"]!.GetValue<string>());
        Assert.Contains("sign-in", await AccessEventsAsync(user.Id));
    }

    [Fact]
    public async Task WrongPassword_AndUnknownEmail_LookAlike_AndAreAudited()
    {
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var client = factory.CreateTestClient();

        var wrong = await (await client.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = "Not-The-Password-123" }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await (await client.PostAsync("/api/v1/auth/sign-in", new { email = "nobody-" + user.Email, password = "Not-The-Password-123" }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(wrong["title"]!.GetValue<string>(), unknown["title"]!.GetValue<string>());
        Assert.Equal(wrong["detail"]!.GetValue<string>(), unknown["detail"]!.GetValue<string>());
        Assert.Contains("sign-in-failed", await AccessEventsAsync(user.Id));
        await (await client.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, await given.AreaAsync());
        using var client = factory.CreateTestClient();

        for (var i = 1; i < 5; i++)
        {
            await (await client.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = $"Wrong-Password-{i}-xyz" }))
                .ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await (await client.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = "Wrong-Password-5-xyz" }))
            .ReadProblemAsync(HttpStatusCode.Locked);
        Assert.Contains("minute", locked["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await (await client.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = user.Password }))
            .ReadProblemAsync(HttpStatusCode.Locked);
        Assert.Contains("locked-out", await AccessEventsAsync(user.Id));
    }

    [Fact]
    public async Task EmptyFields_AreValidationProblems_FieldByField()
    {
        using var client = factory.CreateTestClient();
        var problem = await (await client.PostAsync("/api/v1/auth/sign-in", new { email = "", password = "" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["email"]);
        Assert.NotNull(problem["errors"]!["password"]);
    }

    [Fact]
    public async Task DeactivatedUser_CannotSignIn_AndLosesOpenSessions()
    {
        var area = await given.AreaAsync();
        var (userClient, user) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);

        await (await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);

        await (await userClient.GetAsync("/api/v1/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        using var fresh = factory.CreateTestClient();
        await (await fresh.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = user.Password }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);

        await (await admin.PostAsync($"/api/v1/users/{user.Id}/activate")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("signedIn", await Given.SignInAsync(fresh, user));
    }

    private Task<List<string>> AccessEventsAsync(Guid userId) => factory.WithDbAsync(db =>
        db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EntityType == nameof(User) && r.EntityId == userId.ToString())
            .Select(r => r.Action).ToListAsync());
}
