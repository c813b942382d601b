using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

/// <summary>The yearly census of one academic year: when returns are due and when reminders go out.</summary>
public sealed class CensusRound : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public Guid AcademicYearId { get; set; }
    public required string Name { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>Days before the deadline on which institutions without a submitted return are reminded, e.g. "14 7 1".</summary>
    public string ReminderDays { get; set; } = "14 7 1";

    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<int> ReminderDayList =>
        ReminderDays.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}

public enum CensusReturnStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

public enum CheckSeverity
{
    Warning,
    Blocker,
}

/// <summary>
/// One institution's return for a census round: the figures the registry cannot derive (entered
/// by the school), the counts derived from its individual records (frozen when submitted), the
/// data-quality findings, and the review. Approved returns are locked and feed analytics.
/// </summary>
public sealed class CensusReturn : IAudited, IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid InstitutionId { get; set; }
    public required string ScopePath { get; set; }
    public CensusReturnStatus Status { get; set; }
    public CensusFigures Figures { get; set; } = new();

    /// <summary>Counts derived from the registry at submission (enrolment by grade, sex and age; staff).</summary>
    public List<CensusCount> Counts { get; set; } = [];

    /// <summary>Findings of the data-quality checks at the last submission.</summary>
    public List<CensusFinding> Findings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>What the school reports that the registry does not hold (or holds as of another date).</summary>
public sealed class CensusFigures
{
    public int ClassroomsUsable { get; set; }
    public int ClassroomsUnusable { get; set; }
    public int Desks { get; set; }
    public int ToiletsMale { get; set; }
    public int ToiletsFemale { get; set; }
    public int ToiletsShared { get; set; }
    public bool HasWater { get; set; }
    public bool HasElectricity { get; set; }
    public bool HasInternet { get; set; }
    public int Textbooks { get; set; }

    /// <summary>Teachers paid by others (parents, community) and not in the staff registry.</summary>
    public int VolunteerTeachers { get; set; }

    public string? Remarks { get; set; }
}

/// <summary>A derived count: "enrolment" by grade, sex and age (with repeaters), or "teachers"/"non-teaching" by sex.</summary>
public sealed class CensusCount
{
    public required string Measure { get; set; }
    public string? GradeCode { get; set; }
    public string Sex { get; set; } = "";
    public int? Age { get; set; }
    public int Value { get; set; }
    public int Repeaters { get; set; }
    public int Qualified { get; set; }
}

public sealed class CensusFinding
{
    public required string Check { get; set; }
    public CheckSeverity Severity { get; set; }
    public required string Message { get; set; }

    /// <summary>Learner numbers (or other codes) the finding is about, at most a few dozen.</summary>
    public List<string> Subjects { get; set; } = [];
}

/// <summary>The review trail of a return: submitted, returned with comments, approved, reopened.</summary>
public sealed class CensusReturnEvent : IAudited
{
    public Guid Id { get; set; }
    public Guid ReturnId { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A reminder sent for an institution in a round, so that each goes out once.</summary>
public sealed class CensusReminder
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid InstitutionId { get; set; }
    public int DaysBefore { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
