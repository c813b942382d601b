using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

public enum TeamKind
{
    BusinessGroup,
    Directorate,
    BusinessUnit,
}

/// <summary>
/// A node of the correspondence organisation: business group → directorate → business unit. Units
/// play a role on cases (manager, responder, approver; an approver unit clears one clearance step).
/// Its <see cref="ScopePath"/> ("/{group}/{directorate}/{unit}/") is where grants hang; a case sits
/// on its business group's path, so everyone granted in the group can find it.
/// </summary>
public sealed class Team : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>What the unit does on cases; null for business groups and directorates.</summary>
    public CaseRole? Role { get; set; }

    /// <summary>The clearance step an approver unit clears (e.g. "disclosure").</summary>
    public string? ClearanceStep { get; set; }

    public required string ScopePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while the team is deactivated: it keeps its history but is offered for nothing new.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }

    public static string PathFor(Team? parent, Guid id) => (parent?.ScopePath ?? "/") + id.ToString("N") + "/";

    /// <summary>The path of the business group a team belongs to (the first segment of its path).</summary>
    public static string GroupPathOf(string teamPath) => "/" + teamPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/";
}

/// <summary>A user's membership of a team, with the role they play on the team's cases.</summary>
public sealed class TeamMember : IAudited, IScoped
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }

    /// <summary>An Identity user id (not a foreign key: modules do not share tables).</summary>
    public Guid UserId { get; set; }

    public CaseRole Role { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while the membership is deactivated: the user then plays no role on the team's cases.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
