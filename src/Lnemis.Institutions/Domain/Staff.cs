using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

public enum StaffCategory
{
    Teaching,
    NonTeaching,
}

/// <summary>
/// A member of staff. Their scope path is their current posting's institution, so the school and
/// its district see them; a transfer moves the path and keeps the posting history.
/// </summary>
public sealed class StaffMember : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The ministry's (payroll) number; unique, upper case.</summary>
    public required string StaffNumber { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public StaffCategory Category { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<Qualification> Qualifications { get; set; } = [];
    public Guid InstitutionId { get; set; }
    public required string ScopePath { get; set; }

    [NotAudited]
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A qualification and the education levels it qualifies the holder to teach.</summary>
public sealed class Qualification
{
    public required string Name { get; set; }
    public int? Year { get; set; }

    /// <summary>Level codes, space-separated.</summary>
    public string Levels { get; set; } = "";
}

/// <summary>A posting of a staff member at an institution, from a date until the next one starts.</summary>
public sealed class Posting : IAudited
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Position { get; set; }

    /// <summary>The level taught (teaching staff), a level code.</summary>
    public string? TeachingLevel { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}
