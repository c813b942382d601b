using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

/// <summary>
/// A level of education (pre-primary, primary, lower secondary …) mapped to ISCED 2011, with the
/// official entrance age and duration in years that the UIS indicators use.
/// </summary>
public sealed class EducationLevel : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>ISCED 2011 level, 0 (early childhood) to 8 (doctoral).</summary>
    public int IscedLevel { get; set; }

    public int EntranceAge { get; set; }
    public int DurationYears { get; set; }

    /// <summary>Position in the system (pre-primary first).</summary>
    public int Sequence { get; set; }

    public long Version { get; set; }
    public List<Grade> Grades { get; set; } = [];
}

/// <summary>A grade of a level, in order; the official age of a grade is the level's entrance age plus its position.</summary>
public sealed class Grade : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public Guid LevelId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>1 for the first grade of the level.</summary>
    public int Sequence { get; set; }

    public long Version { get; set; }
}

/// <summary>A school year (e.g. 2026, or 2026/27) with its terms.</summary>
public sealed class AcademicYear : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public List<Term> Terms { get; set; } = [];
    public long Version { get; set; }
}

public sealed class Term
{
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}
