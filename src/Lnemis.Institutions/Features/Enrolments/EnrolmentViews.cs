using Lnemis.Institutions.Domain;

namespace Lnemis.Institutions.Features.Enrolments;

public static class EnrolmentEvents
{
    public const string Transferred = "learner.transferred";
}

public sealed record EnrolmentView(
    Guid Id, Guid LearnerId, Guid AcademicYearId, Guid InstitutionId, Guid GradeId, bool Repeater, EnrolmentStatus Status,
    DateOnly StartsOn, DateOnly? EndedOn, string? EndReason, Guid? CreatedByPromotion, long Version)
{
    /// <summary>Labels for lists (learner number and name, school and grade names); absent from single-record answers.</summary>
    public string? LearnerNumber { get; init; }

    public string? LearnerName { get; init; }

    public string? InstitutionName { get; init; }

    public string? GradeName { get; init; }

    public static EnrolmentView From(Enrolment e) => new(
        e.Id, e.LearnerId, e.AcademicYearId, e.InstitutionId, e.GradeId, e.Repeater, e.Status, e.StartsOn, e.EndedOn, e.EndReason, e.CreatedByPromotion, e.Version);
}
