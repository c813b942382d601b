using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

public enum InstitutionType
{
    PrePrimary,
    Primary,
    Secondary,
    Combined,
    Vocational,
    SpecialNeeds,
    Tertiary,
}

public enum Ownership
{
    Public,
    Private,
    FaithBased,
    Community,
}

public enum InstitutionStatus
{
    Open,
    Closed,
    Merged,
}

public enum Shift
{
    Single,
    Double,
    Triple,
}

/// <summary>
/// A school or other institution, in one leaf area. Its scope path is the area's path plus its
/// own id, so a grant on the area covers it and a grant on the institution covers only it (and,
/// later, its learners and staff). Closing or merging keeps the record and its history.
/// </summary>
public sealed class Institution : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }

    /// <summary>Issued by the ministry; unique, upper case.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public InstitutionType Type { get; set; }
    public Ownership Ownership { get; set; }

    /// <summary>Codes of the education levels offered, space-separated (e.g. "PRIMARY LOWERSEC").</summary>
    public string Levels { get; set; } = "";

    public InstitutionStatus Status { get; set; }
    public Guid? SuccessorId { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
    public string? StatusReason { get; set; }

    public Guid AreaId { get; set; }
    public required string ScopePath { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public int ClassroomsUsable { get; set; }
    public int ClassroomsUnusable { get; set; }
    public bool HasWater { get; set; }
    public bool HasElectricity { get; set; }
    public bool HasInternet { get; set; }
    public int ToiletsMale { get; set; }
    public int ToiletsFemale { get; set; }
    public int ToiletsShared { get; set; }
    public Shift Shift { get; set; }

    /// <summary>Lower-case code and name, without accents: what the search box matches.</summary>
    [NotAudited]
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }

    public static string PathFor(string areaPath, Guid id) => areaPath + id.ToString("N") + "/";

    /// <summary>The scope path of the institution's area (its own path without the last segment).</summary>
    public static string AreaPathOf(string scopePath) => scopePath[..(scopePath.TrimEnd('/').LastIndexOf('/') + 1)];

    public IReadOnlyList<string> LevelCodes => Levels.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A change of status (closed, merged, reopened): the history a closed school keeps.</summary>
public sealed class InstitutionStatusChange : IAudited
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public InstitutionStatus From { get; set; }
    public InstitutionStatus To { get; set; }
    public Guid? SuccessorId { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public required string Reason { get; set; }
    public Guid? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
