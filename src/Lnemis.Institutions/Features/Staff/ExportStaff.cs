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

namespace Lnemis.Institutions.Features.Staff;

/// <summary>The filtered staff list as CSV or XLSX (?format=csv|xlsx), streamed, every row the caller may see.</summary>
public static class ExportStaff
{
    private static readonly ExportColumn<Row>[] Columns =
    [
        new("staff_number", r => r.Member.StaffNumber),
        new("given_name", r => r.Member.GivenName),
        new("family_name", r => r.Member.FamilyName),
        new("sex", r => r.Member.Sex.ToString()),
        new("date_of_birth", r => r.Member.DateOfBirth),
        new("category", r => r.Member.Category.ToString()),
        new("phone", r => r.Member.Phone),
        new("email", r => r.Member.Email),
        new("institution_code", r => r.School.Code),
        new("institution_name", r => r.School.Name),
    ];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/staff/export", HandleAsync).RequirePermission(StaffPermissions.Read).WithTags("Staff");

    internal static async Task<IResult> HandleAsync([AsParameters] StaffFilter filter, string? format, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        var parsed = TabularExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var schools = await db.InstitutionLabelsAsync(null, ct);
        var rows = query.OrderBy(m => m.FamilyName).ThenBy(m => m.GivenName).ThenBy(m => m.StaffNumber)
            .Select(m => new Exported(m.StaffNumber, m.GivenName, m.FamilyName, m.Sex, m.DateOfBirth, m.Category, m.Phone, m.Email, m.InstitutionId))
            .AsAsyncEnumerable()
            .Select(m => new Row(m, schools.GetValueOrDefault(m.InstitutionId)));
        return TabularExport.Result(rows, Columns, parsed!.Value, "staff");
    }

    internal sealed record Exported(
        string StaffNumber, string GivenName, string FamilyName, Sex Sex, DateOnly DateOfBirth, StaffCategory Category, string? Phone, string? Email, Guid InstitutionId);

    internal sealed record Row(Exported Member, (string Code, string Name) School);
}
