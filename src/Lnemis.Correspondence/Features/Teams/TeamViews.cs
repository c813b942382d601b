using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Correspondence.Features.Teams;

public sealed record TeamView(Guid Id, string Code, string Name, TeamKind Kind, Guid? ParentId, CaseRole? Role, string? ClearanceStep, long Version, bool Active)
{
    public static TeamView From(Team t) => new(t.Id, t.Code, t.Name, t.Kind, t.ParentId, t.Role, t.ClearanceStep, t.Version, t.DeactivatedAt == null);
}

/// <summary>A membership; <paramref name="Name"/> is the user's display name where the answer looks it up (a team's detail).</summary>
public sealed record TeamMemberView(Guid Id, Guid TeamId, Guid UserId, CaseRole Role, bool Active, string? Name = null)
{
    public static TeamMemberView From(TeamMember m) => new(m.Id, m.TeamId, m.UserId, m.Role, m.DeactivatedAt == null);
}

public sealed record TeamDetail(TeamView Team, IReadOnlyList<TeamMemberView> Members);

/// <summary>The module's permission names; roles get them in the identity module's RoleCatalog.</summary>
public static class CorrespondencePermissions
{
    public const string CasesRead = "cases.read";
    public const string CasesManage = "cases.manage";
    public const string CasesRespond = "cases.respond";
    public const string CasesApprove = "cases.approve";
    public const string TeamsRead = "teams.read";
    public const string TeamsManage = "teams.manage";
    public const string Reports = "cases.reports";
    public const string Retention = "cases.retention";

    /// <summary>Edit the letter templates (national: held at the country level).</summary>
    public const string LettersManage = "letters.manage";

    /// <summary>The permission a case role needs, where the case is, to act on it.</summary>
    public static string For(CaseRole role) => role switch
    {
        CaseRole.Manager => CasesManage,
        CaseRole.Responder => CasesRespond,
        _ => CasesApprove,
    };

    /// <summary>Every clearance step some workflow knows: what an approver unit may clear.</summary>
    public static IReadOnlySet<string> ClearanceSteps { get; } =
        WorkflowDefinitions.All.SelectMany(d => d.ClearanceSteps).ToHashSet(StringComparer.Ordinal);
}
