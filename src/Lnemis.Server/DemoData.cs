using Lnemis.Identity;
using Lnemis.Identity.Domain;
using Lnemis.Institutions;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;

namespace Lnemis.Server;

/// <summary>A small fictional country to try the system with: areas, the education structure, a few schools, an administrator, a district officer.</summary>
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
        var hillcrest = await InstitutionsCommands.EnsureAreaAsync(services, "LN-N-02", "Hillcrest District", north, ct);
        var lakeside = await InstitutionsCommands.EnsureAreaAsync(services, "LN-S-01", "Lakeside District", south, ct);
        await InstitutionsCommands.EnsureAreaAsync(services, "LN-S-02", "Stonebridge District", south, ct);

        var clock = services.GetRequiredService<TimeProvider>();
        await InstitutionsCommands.EnsureStructureAsync(services, clock.GetUtcNow().Year, ct);
        (string Code, string Name, InstitutionsCommands.AreaRef Area, InstitutionType Type, string[] Levels, double Lat, double Lon)[] schools =
        [
            ("RS-0001", "Riverside Primary School", riverside, InstitutionType.Primary, ["PRIMARY"], -1.2921, 36.8219),
            ("RS-0002", "St. Mary's Girls' Secondary", riverside, InstitutionType.Secondary, ["LOWERSEC", "UPPERSEC"], -1.3005, 36.8301),
            ("RS-0003", "Riverside Early Learning Centre", riverside, InstitutionType.PrePrimary, ["PREPRIMARY"], -1.2870, 36.8150),
            ("HC-0001", "Hillcrest Combined School", hillcrest, InstitutionType.Combined, ["PRIMARY", "LOWERSEC"], -0.9152, 36.4401),
            ("LK-0001", "Lakeside Vocational Institute", lakeside, InstitutionType.Vocational, ["UPPERSEC"], -3.0104, 38.1202),
        ];
        foreach (var school in schools)
        {
            await InstitutionsCommands.EnsureInstitutionAsync(services, school.Code, school.Name, school.Area, school.Type, school.Levels, school.Lat, school.Lon, ct);
        }

        await InstitutionsCommands.EnsureCensusRoundAsync(services, clock.GetUtcNow().Year, ct);

        await IdentityCommands.CreateUserAsync(services, AdminEmail, "Demo Administrator", AdminPassword,
            RoleCatalog.SystemAdministrator, ScopeKind.Country, null, AccessScope.CountryPath, "National", ct);
        await IdentityCommands.CreateUserAsync(services, OfficerEmail, "Riverside District Officer", OfficerPassword,
            RoleCatalog.AreaOfficer, ScopeKind.Area, riverside.Id, riverside.Path, riverside.Name, ct);
    }
}
