using System.Runtime.CompilerServices;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Enrolments;

/// <summary>The filtered enrolment list as CSV or XLSX (?format=csv|xlsx), streamed, with learner, year, school and grade labels.</summary>
public static class ExportEnrolments
{
    private static readonly ExportColumn<Row>[] Columns =
    [
        new("learner_number", r => r.Enrolment.LearnerNumber),
        new("given_name", r => r.Enrolment.GivenName),
        new("family_name", r => r.Enrolment.FamilyName),
        new("academic_year", r => r.Year),
        new("institution_code", r => r.School.Code),
        new("institution_name", r => r.School.Name),
        new("grade", r => r.Grade),
        new("repeater", r => r.Enrolment.Repeater),
        new("status", r => r.Enrolment.Status.ToString()),
        new("starts_on", r => r.Enrolment.StartsOn),
        new("ended_on", r => r.Enrolment.EndedOn),
        new("end_reason", r => r.Enrolment.EndReason),
    ];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enrolments/export", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Enrolments");

    internal static async Task<IResult> HandleAsync([AsParameters] EnrolmentFilter filter, string? format, ReplicaDbContext db, LnemisDbContext primary, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        var parsed = TabularExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var schools = await db.InstitutionLabelsAsync(null, ct);
        var grades = await db.Grades().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Code, ct);
        var years = await db.AcademicYears().AsNoTracking().ToDictionaryAsync(y => y.Id, y => y.Code, ct);

        var rows = ReadAsync(query, primary, ct)
            .Select(e => new Row(e, years.GetValueOrDefault(e.AcademicYearId), schools.GetValueOrDefault(e.InstitutionId), grades.GetValueOrDefault(e.GradeId)));
        return TabularExport.Result(rows, Columns, parsed!.Value, "enrolments");
    }

    /// <summary>
    /// Streams the enrolments and names their learners a batch at a time with a query of its own, on
    /// the primary connection (the replica's is busy streaming): an enrolment the caller may see names
    /// its learner even after a transfer took the learner out of the caller's area, and lifting the
    /// learner's scope filter inside a join would lift the enrolments' filter too.
    /// </summary>
    private static async IAsyncEnumerable<Exported> ReadAsync(
        IQueryable<Enrolment> query, LnemisDbContext names, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = query.OrderBy(e => e.AcademicYearId).ThenBy(e => e.InstitutionId).ThenBy(e => e.GradeId).ThenBy(e => e.Id)
            .Select(e => new Exported("", "", "", e.LearnerId, e.AcademicYearId, e.InstitutionId, e.GradeId, e.Repeater, e.Status, e.StartsOn, e.EndedOn, e.EndReason))
            .AsAsyncEnumerable();
        await foreach (var batch in rows.Chunk(2000).WithCancellation(ct))
        {
            var ids = batch.Select(e => e.LearnerId).Distinct().ToList();
            var learners = await names.Learners().IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.Id))
                .Select(l => new { l.Id, l.LearnerNumber, l.GivenName, l.FamilyName }).ToDictionaryAsync(l => l.Id, ct);
            foreach (var e in batch)
            {
                var l = learners.GetValueOrDefault(e.LearnerId);
                yield return e with { LearnerNumber = l?.LearnerNumber ?? "", GivenName = l?.GivenName ?? "", FamilyName = l?.FamilyName ?? "" };
            }
        }
    }

    internal sealed record Exported(
        string LearnerNumber, string GivenName, string FamilyName, Guid LearnerId, Guid AcademicYearId, Guid InstitutionId, Guid GradeId,
        bool Repeater, EnrolmentStatus Status, DateOnly StartsOn, DateOnly? EndedOn, string? EndReason);

    internal sealed record Row(Exported Enrolment, string? Year, (string Code, string Name) School, string? Grade);
}
