using Lnemis.Identity;
using Lnemis.Identity.Domain;
using Lnemis.Institutions;
using Lnemis.Platform.Access;

namespace Lnemis.Server;

/// <summary>A small fictional country to try the system with: areas, an administrator, a district officer.</summary>
internal static class DemoData
{
    public const string AdminEmail = "admin@lnemis.local";
    public const string AdminPassword = "Demo-Admin-Password-2026";
    public const string OfficerEmail = "officer@lnemis.local";
    public const string OfficerPassword = "Demo-Officer-Password-2026";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<CurrentActor>().SetSystem();
        var country = await InstitutionsCommands.EnsureAreaAsync(services, "LN", "Lnemia", null, ct);
        var north = await InstitutionsCommands.EnsureAreaAsync(services, "LN-N", "Northern County", country, ct);
        var south = await InstitutionsCommands.EnsureAreaAsync(services, "LN-S", "Southern County", country, ct);
        var riverside = await InstitutionsCommands.EnsureAreaAsync(services, "LN-N-01", "Riverside District", north, ct);
        await InstitutionsCommands.EnsureAreaAsync(services, "LN-N-02", "Hillcrest District", north, ct);
        await InstitutionsCommands.EnsureAreaAsync(services, "LN-S-01", "Lakeside District", south, ct);
        await InstitutionsCommands.EnsureAreaAsync(services, "LN-S-02", "Stonebridge District", south, ct);

        await IdentityCommands.CreateUserAsync(services, AdminEmail, "Demo Administrator", AdminPassword,
            RoleCatalog.SystemAdministrator, ScopeKind.Country, null, AccessScope.CountryPath, "National", ct);
        await IdentityCommands.CreateUserAsync(services, OfficerEmail, "Riverside District Officer", OfficerPassword,
            RoleCatalog.AreaOfficer, ScopeKind.Area, riverside.Id, riverside.Path, riverside.Name, ct);
    }
}
