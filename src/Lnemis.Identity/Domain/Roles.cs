using Lnemis.Platform.Access;

namespace Lnemis.Identity.Domain;

/// <summary>Permission names of the Identity module and the registry roles that the modules check.</summary>
public static class IdentityPermissions
{
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string ClientsManage = "clients.manage";
}

public sealed record RoleDefinition(string Name, string Description, IReadOnlySet<string> Permissions, IReadOnlyList<ScopeKind> ScopeKinds, bool RequiresMfa);

/// <summary>
/// The roles of the platform. A role is granted at a scope; what it permits applies only there.
/// Module permissions are named here (not in the modules) so that one table shows who may do what.
/// </summary>
public static class RoleCatalog
{
    public const string SystemAdministrator = "SystemAdministrator";
    public const string UserAdministrator = "UserAdministrator";
    public const string AreaOfficer = "AreaOfficer";
    public const string HeadTeacher = "HeadTeacher";
    public const string DataClerk = "DataClerk";
    public const string Planner = "Planner";
    public const string Viewer = "Viewer";
    public const string CorrespondenceAdministrator = "CorrespondenceAdministrator";
    public const string CaseManager = "CaseManager";
    public const string CaseResponder = "CaseResponder";
    public const string CaseApprover = "CaseApprover";

    private static readonly string[] RegistryRead = ["areas.read", "institutions.read", "learners.read", "staff.read", "census.read"];
    private static readonly string[] RegistryWrite = ["institutions.manage", "learners.manage", "staff.manage"];

    // Correspondence roles are granted at a business group (cases sit on their group's path) or
    // nationally; what a user does on a case also needs a team membership (manager, responder, approver unit).
    private static readonly string[] Correspondence = ["cases.read", "cases.manage", "cases.respond", "cases.approve", "teams.read", "teams.manage", "cases.reports", "cases.retention", "letters.manage"];

    // Webhook subscriptions and payments (the Integrations module).
    private static readonly string[] Integrations = ["webhooks.manage", "payments.read", "payments.manage"];

    // Documents: OFFICIAL ones are read with documents.read; OFFICIAL-SENSITIVE ones also need
    // documents.read-sensitive where they sit (correspondence files, personal data).
    private const string DocumentsRead = "documents.read";
    private const string DocumentsReadSensitive = "documents.read-sensitive";
    private const string DocumentsManage = "documents.manage";

    public static IReadOnlyList<RoleDefinition> All { get; } =
    [
        new(SystemAdministrator, "Runs the platform: every permission, nationally.",
            Set([IdentityPermissions.UsersRead, IdentityPermissions.UsersManage, IdentityPermissions.ClientsManage,
                PlatformPermissions.AuditRead, PlatformPermissions.JobsRead, PlatformPermissions.JobsManage,
                "notifications.read", "notifications.manage",
                "areas.manage", "structure.manage", "analytics.read", "census.manage", "census.review", "census.submit", .. RegistryRead, .. RegistryWrite, .. Correspondence,
                .. Integrations, DocumentsRead, DocumentsReadSensitive, DocumentsManage]),
            [ScopeKind.Country], RequiresMfa: true),
        new(UserAdministrator, "Manages users and their roles within the scope.",
            Set([IdentityPermissions.UsersRead, IdentityPermissions.UsersManage, "areas.read"]),
            [ScopeKind.Country, ScopeKind.Area], RequiresMfa: true),
        new(AreaOfficer, "District or county officer: reads and edits the registry of the area.",
            Set([.. RegistryRead, .. RegistryWrite, IdentityPermissions.UsersRead, "census.submit", "census.review", DocumentsRead, DocumentsManage]),
            [ScopeKind.Country, ScopeKind.Area], RequiresMfa: false),
        new(HeadTeacher, "Runs one institution's records and census return.",
            Set([.. RegistryRead, .. RegistryWrite, "census.submit", DocumentsRead, DocumentsManage]),
            [ScopeKind.Institution], RequiresMfa: false),
        new(DataClerk, "Enters and imports registry data.",
            Set([.. RegistryRead, "learners.manage", "staff.manage", "census.submit", DocumentsRead]),
            [ScopeKind.Area, ScopeKind.Institution], RequiresMfa: false),
        new(Planner, "Reads the registry and analytics for planning.",
            Set([.. RegistryRead, "analytics.read", DocumentsRead]),
            [ScopeKind.Country, ScopeKind.Area], RequiresMfa: false),
        new(Viewer, "Reads the registry.",
            Set(RegistryRead),
            [ScopeKind.Country, ScopeKind.Area, ScopeKind.Institution, ScopeKind.Team], RequiresMfa: false),
        new(CorrespondenceAdministrator, "Sets up correspondence teams and their members; reads the reports; decides retention (anonymise, dispose, legal hold); edits the letter templates.",
            Set(["teams.read", "teams.manage", "cases.read", "cases.reports", "cases.retention", "letters.manage"]),
            [ScopeKind.Country, ScopeKind.Team], RequiresMfa: true),
        new(CaseManager, "Triages correspondence: logs, assigns, flags for clearance, extends, closes.",
            Set(["cases.read", "cases.manage", "teams.read", "cases.reports", DocumentsRead, DocumentsReadSensitive, DocumentsManage]),
            [ScopeKind.Country, ScopeKind.Team], RequiresMfa: false),
        new(CaseResponder, "Drafts and sends responses to correspondence.",
            Set(["cases.read", "cases.respond", "teams.read", DocumentsRead, DocumentsReadSensitive, DocumentsManage]),
            [ScopeKind.Country, ScopeKind.Team], RequiresMfa: false),
        new(CaseApprover, "Clears responses at a clearance step (disclosure, press office, private office).",
            Set(["cases.read", "cases.approve", "teams.read", DocumentsRead, DocumentsReadSensitive]),
            [ScopeKind.Country, ScopeKind.Team], RequiresMfa: false),
    ];

    public static RoleDefinition? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    public static IReadOnlySet<string> PermissionsOf(string role) => Find(role)?.Permissions ?? new HashSet<string>();

    public static bool RequiresMfa(IEnumerable<string> roles) => roles.Any(r => Find(r)?.RequiresMfa == true);

    public static IReadOnlySet<string> AllPermissions { get; } = All.SelectMany(r => r.Permissions).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Set(IEnumerable<string> permissions) => permissions.ToHashSet(StringComparer.Ordinal);
}
