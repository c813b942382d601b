using System.Net;
using Lnemis.Identity.Auth;
using Lnemis.Identity.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Identity.Tests;

public sealed class MfaTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Administrator_MustEnrol_BeforeReachingTheApi()
    {
        var user = await given.UserAsync(RoleCatalog.SystemAdministrator);
        using var client = factory.CreateTestClient();

        Assert.Equal("mfaEnrolmentRequired", await Given.SignInAsync(client, user));
        var me = await client.GetJsonAsync("/api/v1/auth/me");
        Assert.True(me["mfaEnrolmentRequired"]!.GetValue<bool>());
        Assert.False(me["mfaEnabled"]!.GetValue<bool>());
        Assert.True((await client.GetAsync("/api/v1/areas")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);

        var setup = await (await client.PostAsync("/api/v1/account/mfa/setup")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("data:image/png;base64,", setup["qrCodeDataUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", setup["authenticatorUri"]!.GetValue<string>(), StringComparison.Ordinal);
        user.SharedKey = setup["sharedKey"]!.GetValue<string>();

        var wrong = await (await client.PostAsync("/api/v1/account/mfa/enable", new { code = "000000" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrong["errors"]!["code"]);

        var enabled = await (await client.PostAsync("/api/v1/account/mfa/enable", new { code = user.NextCode() })).ReadJsonAsync(HttpStatusCode.OK);
        var codes = enabled["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.True(codes.Count >= 8);
        Assert.Equal(codes.Count, codes.Distinct().Count());

        await (await client.GetAsync("/api/v1/areas")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(AccessAudit.MfaEnabled, await EventsAsync(user.Id));
        var stored = await factory.WithDbAsync(db => db.Set<RecoveryCode>().AsNoTracking().Where(c => c.UserId == user.Id).Select(c => c.CodeHash).ToListAsync());
        Assert.DoesNotContain(codes[0], stored); // kept as hashes only
    }

    [Fact]
    public async Task NextSignIn_AsksForACode_AndRefusesWrongOrReplayedCodes()
    {
        var (first, user) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        first.Dispose();

        using var client = factory.CreateTestClient();
        Assert.Equal("mfaRequired", await Given.SignInAsync(client, user));
        var me = await client.GetJsonAsync("/api/v1/auth/me");
        Assert.True(me["mfaRequired"]!.GetValue<bool>());
        Assert.True((await client.GetAsync("/api/v1/users")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);

        await (await client.PostAsync("/api/v1/auth/mfa", new { code = "123456" })).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var code = user.NextCode();
        var passed = await (await client.PostAsync("/api/v1/auth/mfa", new { code })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("signedIn", passed["status"]!.GetValue<string>());
        await (await client.GetAsync("/api/v1/users")).ReadJsonAsync(HttpStatusCode.OK);

        // The same code a second time (another browser, within its 30 s) is refused.
        using var other = factory.CreateTestClient();
        Assert.Equal("mfaRequired", await Given.SignInAsync(other, user));
        await (await other.PostAsync("/api/v1/auth/mfa", new { code })).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var events = await EventsAsync(user.Id);
        Assert.Contains(AccessAudit.MfaFailed, events);
        Assert.Contains(AccessAudit.MfaPassed, events);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        var user = await given.UserAsync(RoleCatalog.SystemAdministrator);
        using var enrol = factory.CreateTestClient();
        await Given.SignInAsync(enrol, user);
        var codes = await Given.EnrolMfaAsync(enrol, user);

        using var client = factory.CreateTestClient();
        Assert.Equal("mfaRequired", await Given.SignInAsync(client, user));
        await (await client.PostAsync("/api/v1/auth/mfa", new { recoveryCode = codes[0] })).ReadJsonAsync(HttpStatusCode.OK);

        using var again = factory.CreateTestClient();
        Assert.Equal("mfaRequired", await Given.SignInAsync(again, user));
        await (await again.PostAsync("/api/v1/auth/mfa", new { recoveryCode = codes[0] })).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await again.PostAsync("/api/v1/auth/mfa", new { recoveryCode = codes[1] })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(AccessAudit.RecoveryCodeUsed, await EventsAsync(user.Id));
    }

    [Fact]
    public async Task CodeAndRecoveryCode_TogetherOrNeither_IsAFieldProblem()
    {
        var (first, user) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        first.Dispose();
        using var client = factory.CreateTestClient();
        await Given.SignInAsync(client, user);

        var neither = await (await client.PostAsync("/api/v1/auth/mfa", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(neither["errors"]!["code"]);
    }

    private Task<List<string>> EventsAsync(Guid userId) => factory.WithDbAsync(db =>
        db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EntityType == nameof(User) && r.EntityId == userId.ToString())
            .Select(r => r.Action).ToListAsync());
}
