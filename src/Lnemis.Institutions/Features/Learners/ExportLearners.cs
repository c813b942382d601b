using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Lnemis.Platform.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Learners;

/// <summary>
/// The filtered learner list as CSV or XLSX (?format=csv|xlsx), streamed, every row the caller may
/// see. National ids and guardians' contacts are not exported (they have their own audited reads).
/// </summary>
public static class ExportLearners
{
    private static readonly ExportColumn<Row>[] Columns =
    [
        new("learner_number", r => r.Learner.LearnerNumber),
        new("given_name", r => r.Learner.GivenName),
        new("family_name", r => r.Learner.FamilyName),
        new("other_names", r => r.Learner.OtherNames),
        new("sex", r => r.Learner.Sex.ToString()),
        new("date_of_birth", r => r.Learner.DateOfBirth),
        new("has_birth_certificate", r => r.Learner.HasBirthCertificate),
        new("special_needs", r => r.Learner.SpecialNeeds),
        new("institution_code", r => r.School.Code),
        new("institution_name", r => r.School.Name),
        new("admission_number", r => r.Learner.AdmissionNumber),
        new("status", r => r.Learner.Status.ToString()),
    ];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learners/export", HandleAsync).RequirePermission(LearnerPermissions.Read).WithTags("Learners");

    internal static async Task<IResult> HandleAsync([AsParameters] LearnerFilter filter, string? format, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        var parsed = TabularExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var schools = await db.InstitutionLabelsAsync(null, ct);
        var rows = query.OrderBy(l => l.FamilyName).ThenBy(l => l.GivenName).ThenBy(l => l.LearnerNumber)
            .Select(l => new Exported(l.LearnerNumber, l.GivenName, l.FamilyName, l.OtherNames, l.Sex, l.DateOfBirth, l.HasBirthCertificate, l.SpecialNeeds, l.InstitutionId, l.AdmissionNumber, l.Status))
            .AsAsyncEnumerable()
            .Select(l => new Row(l, schools.GetValueOrDefault(l.InstitutionId)));
        return TabularExport.Result(rows, Columns, parsed!.Value, "learners");
    }

    internal sealed record Exported(
        string LearnerNumber, string GivenName, string FamilyName, string? OtherNames, Sex Sex, DateOnly DateOfBirth, bool HasBirthCertificate,
        string SpecialNeeds, Guid InstitutionId, string? AdmissionNumber, LearnerStatus Status);

    internal sealed record Row(Exported Learner, (string Code, string Name) School);
}
