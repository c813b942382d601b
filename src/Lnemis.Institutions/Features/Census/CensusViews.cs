using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Census;

public static class CensusPermissions
{
    public const string Read = "census.read";
    public const string Submit = "census.submit";
    public const string Review = "census.review";
    public const string Manage = "census.manage";
}

public static class CensusEvents
{
    public const string Submitted = "census.submitted";
    public const string Returned = "census.returned";
    public const string Approved = "census.approved";
    public const string ReminderDue = "census.reminder_due";
}

public sealed record CensusRoundView(
    Guid Id, Guid AcademicYearId, string AcademicYearCode, string Name, DateOnly OpensOn, DateOnly Deadline, IReadOnlyList<int> ReminderDays, long Version);

public sealed record CensusReturnSummary(
    Guid Id, Guid RoundId, Guid InstitutionId, string InstitutionCode, string InstitutionName, CensusReturnStatus Status,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, int Warnings, int Blockers, long Version);

public sealed record CensusEventView(string Action, string? Comment, Guid? ActorId, DateTimeOffset At);

public sealed record CensusFindingView(string Check, CheckSeverity Severity, string Message, IReadOnlyList<string> Subjects);

public sealed record CensusCountView(string Measure, string? GradeCode, string Sex, int? Age, int Value, int Repeaters, int Qualified);

public sealed record CensusReturnDetail(
    Guid Id, Guid RoundId, Guid InstitutionId, string InstitutionCode, string InstitutionName, CensusReturnStatus Status, bool Locked,
    CensusFigures Figures, IReadOnlyList<CensusCountView> Counts, IReadOnlyList<CensusFindingView> Findings, IReadOnlyList<CensusEventView> History,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, long Version);

/// <summary>A comment with a review action; required when returning or reopening.</summary>
public sealed record CensusComment(string? Comment);

public sealed class CensusFiguresValidator : AbstractValidator<CensusFigures>
{
    public CensusFiguresValidator()
    {
        RuleFor(f => f.ClassroomsUsable).InclusiveBetween(0, 10_000);
        RuleFor(f => f.ClassroomsUnusable).InclusiveBetween(0, 10_000);
        RuleFor(f => f.Desks).InclusiveBetween(0, 1_000_000);
        RuleFor(f => f.ToiletsMale).InclusiveBetween(0, 10_000);
        RuleFor(f => f.ToiletsFemale).InclusiveBetween(0, 10_000);
        RuleFor(f => f.ToiletsShared).InclusiveBetween(0, 10_000);
        RuleFor(f => f.Textbooks).InclusiveBetween(0, 10_000_000);
        RuleFor(f => f.VolunteerTeachers).InclusiveBetween(0, 10_000);
        RuleFor(f => f.Remarks).MaximumLength(2000);
    }
}

internal static class CensusMapping
{
    public static CensusRoundView View(CensusRound round, string yearCode) =>
        new(round.Id, round.AcademicYearId, yearCode, round.Name, round.OpensOn, round.Deadline, round.ReminderDayList, round.Version);

    public static bool IsLocked(CensusReturn r) => r.Status == CensusReturnStatus.Approved;

    public static bool IsEditable(CensusReturn r) => r.Status is CensusReturnStatus.Draft or CensusReturnStatus.Returned;

    public static async Task<CensusReturnDetail> DetailAsync(LnemisDbContext db, CensusReturn r, CancellationToken ct)
    {
        var institution = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(i => i.Id == r.InstitutionId).Select(i => new { i.Code, i.Name }).FirstAsync(ct);
        var history = await db.CensusReturnEvents().AsNoTracking().Where(e => e.ReturnId == r.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new CensusEventView(e.Action, e.Comment, e.ActorId, e.At)).ToListAsync(ct);
        return new CensusReturnDetail(
            r.Id, r.RoundId, r.InstitutionId, institution.Code, institution.Name, r.Status, IsLocked(r), r.Figures,
            r.Counts.Select(c => new CensusCountView(c.Measure, c.GradeCode, c.Sex, c.Age, c.Value, c.Repeaters, c.Qualified)).ToList(),
            r.Findings.Select(FindingView).ToList(),
            history, r.CreatedAt, r.SubmittedAt, r.ReviewedAt, r.Version);
    }

    /// <summary>The code of the return's institution, wherever it lies (for event payloads).</summary>
    public static Task<string> InstitutionCodeAsync(LnemisDbContext db, CensusReturn r, CancellationToken ct) =>
        db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).Where(i => i.Id == r.InstitutionId).Select(i => i.Code).FirstAsync(ct);

    public static CensusFindingView FindingView(CensusFinding f) => new(f.Check, f.Severity, f.Message, f.Subjects);

    public static void Record(LnemisDbContext db, CensusReturn r, string action, string? comment, Guid? actorId, DateTimeOffset at) =>
        db.CensusReturnEvents().Add(new CensusReturnEvent
        {
            Id = Guid.CreateVersion7(),
            ReturnId = r.Id,
            Action = action,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ActorId = actorId,
            At = at,
        });

    public static object EventData(CensusReturn r, string institutionCode) => new
    {
        r.Id,
        r.RoundId,
        r.InstitutionId,
        InstitutionCode = institutionCode,
        Status = r.Status.ToString(),
        Warnings = r.Findings.Count(f => f.Severity == CheckSeverity.Warning),
    };
}
