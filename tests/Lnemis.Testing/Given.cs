using System.Net;
using Lnemis.Correspondence;
using Lnemis.Identity;
using Lnemis.Institutions;
using Lnemis.Platform.Access;
using OtpNet;

namespace Lnemis.Testing;

/// <summary>Builds the data a test needs, each piece with unique names so tests never share leftovers.</summary>
public sealed class Given(LnemisFactory factory)
{
    public const string Password = "Correct-Horse-Battery-Staple-42";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant();

    public Task<InstitutionsCommands.AreaRef> AreaAsync(InstitutionsCommands.AreaRef? parent = null, string? name = null) =>
        factory.AsSystemAsync(sp => InstitutionsCommands.EnsureAreaAsync(sp, Unique("AREA"), name ?? Unique("Area"), parent, CancellationToken.None));

    /// <summary>An open primary school in the area (which must be a leaf), with coordinates.</summary>
    public Task<InstitutionsCommands.InstitutionRef> InstitutionAsync(InstitutionsCommands.AreaRef area, string? name = null) =>
        factory.AsSystemAsync(sp => InstitutionsCommands.EnsureInstitutionAsync(
            sp, Unique("SCH"), name ?? Unique("School"), area, Institutions.Domain.InstitutionType.Primary, ["PRIMARY"], -1.5, 36.5, CancellationToken.None));

    /// <summary>A learner registered at the institution (written directly, no duplicate check); returns the id.</summary>
    public Task<Guid> LearnerAsync(InstitutionsCommands.InstitutionRef institution, string? familyName = null) =>
        factory.AsSystemAsync(sp => InstitutionsCommands.AddLearnerAsync(
            sp, institution, "Test", familyName ?? Unique("Learner"), Institutions.Domain.Sex.Female, new DateOnly(2016, 5, 17), CancellationToken.None));

    /// <summary>The standard levels and this year's academic year (idempotent).</summary>
    public Task StructureAsync() =>
        factory.AsSystemAsync(sp => InstitutionsCommands.EnsureStructureAsync(sp, DateTime.UtcNow.Year, CancellationToken.None));

    /// <summary>A user holding <paramref name="role"/> at the area (or nationally when null).</summary>
    public async Task<TestUser> UserAsync(string role, InstitutionsCommands.AreaRef? area = null)
    {
        if (area is null)
        {
            return await UserAtAsync(role, ScopeKind.Country, null, AccessScope.CountryPath, "National");
        }

        return await UserAtAsync(role, ScopeKind.Area, area.Id, area.Path, area.Name);
    }

    /// <summary>A user holding <paramref name="role"/> at an institution (head teacher, clerk).</summary>
    public Task<TestUser> UserAtAsync(string role, InstitutionsCommands.InstitutionRef institution) =>
        UserAtAsync(role, ScopeKind.Institution, institution.Id, institution.Path, institution.Name);

    /// <summary>A user holding <paramref name="role"/> at a correspondence team (usually a business group).</summary>
    public Task<TestUser> UserAtAsync(string role, CorrespondenceCommands.TeamRef team) =>
        UserAtAsync(role, ScopeKind.Team, team.Id, team.Path, team.Name);

    private async Task<TestUser> UserAtAsync(string role, ScopeKind kind, Guid? scopeId, string path, string scopeName)
    {
        var email = $"{Guid.NewGuid():N}@test.lnemis".ToLowerInvariant();
        var id = await factory.AsSystemAsync(sp => IdentityCommands.CreateUserAsync(
            sp, email, "Test " + role, Password, role, kind, scopeId, path, scopeName, CancellationToken.None));
        return new TestUser(id!.Value, email, Password);
    }

    /// <summary>A client signed in as a new user with the role; roles that require MFA get it enrolled.</summary>
    public async Task<(TestClient Client, TestUser User)> SignedInAsync(string role, InstitutionsCommands.AreaRef? area = null)
    {
        var user = await UserAsync(role, area);
        return (await ClientForAsync(user), user);
    }

    /// <summary>A client signed in as the user (MFA enrolled first when the user's roles require it).</summary>
    public async Task<TestClient> ClientForAsync(TestUser user)
    {
        var client = factory.CreateTestClient();
        var status = await SignInAsync(client, user);
        if (status == "mfaEnrolmentRequired")
        {
            await EnrolMfaAsync(client, user);
        }
        else if (status != "signedIn")
        {
            throw new Xunit.Sdk.XunitException($"Unexpected sign-in status {status}");
        }

        return client;
    }

    public static async Task<string> SignInAsync(TestClient client, TestUser user, string? password = null)
    {
        var response = await client.PostAsync("/api/v1/auth/sign-in", new { email = user.Email, password = password ?? user.Password });
        var json = await response.ReadJsonAsync(HttpStatusCode.OK);
        return json["status"]!.GetValue<string>();
    }

    /// <summary>Sets up MFA for the signed-in user and returns the recovery codes.</summary>
    public static async Task<IReadOnlyList<string>> EnrolMfaAsync(TestClient client, TestUser user)
    {
        var setup = await (await client.PostAsync("/api/v1/account/mfa/setup")).ReadJsonAsync(HttpStatusCode.OK);
        user.SharedKey = setup["sharedKey"]!.GetValue<string>();
        var enabled = await (await client.PostAsync("/api/v1/account/mfa/enable", new { code = user.NextCode() })).ReadJsonAsync(HttpStatusCode.OK);
        return enabled["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }
}

public sealed class TestUser(Guid id, string email, string password)
{
    private long lastStep;

    public Guid Id { get; } = id;
    public string Email { get; } = email;
    public string Password { get; } = password;
    public string? SharedKey { get; set; }

    /// <summary>
    /// A valid TOTP code that has not been used yet: the current step, or the next one when the
    /// current was used (the server accepts one step of drift, and refuses a replayed step).
    /// </summary>
    public string NextCode()
    {
        var totp = new Totp(Base32Encoding.ToBytes(SharedKey ?? throw new InvalidOperationException("MFA is not set up.")));
        var now = DateTime.UtcNow;
        var step = (long)(now - DateTime.UnixEpoch).TotalSeconds / 30;
        step = Math.Max(step, lastStep + 1);
        lastStep = step;
        return totp.ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
    }
}
