using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

public enum EnrolmentStatus
{
    Enrolled,
    Promoted,
    TransferredOut,
    Withdrawn,
    Graduated,
}

/// <summary>
/// A learner in a grade at an institution for an academic year. Ending it (promotion, transfer,
/// withdrawal, graduation) keeps the row: the history of a learner is the list of their enrolments.
/// At most one enrolment of a learner is Enrolled in a year.
/// </summary>
public sealed class Enrolment : IAudited, IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid LearnerId { get; set; }
    public Guid AcademicYearId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid GradeId { get; set; }
    public bool Repeater { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }

    /// <summary>The year-end promotion that created this enrolment (to undo it as a batch).</summary>
    public Guid? CreatedByPromotion { get; set; }

    /// <summary>The year-end promotion that ended this enrolment.</summary>
    public Guid? EndedByPromotion { get; set; }

    public required string ScopePath { get; set; }
    public long Version { get; set; }
}
