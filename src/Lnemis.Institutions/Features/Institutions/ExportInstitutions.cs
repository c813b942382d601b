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

namespace Lnemis.Institutions.Features.Institutions;

/// <summary>The filtered institution list as CSV or XLSX (?format=csv|xlsx), streamed, every row the caller may see.</summary>
public static class ExportInstitutions
{
    private static readonly ExportColumn<Row>[] Columns =
    [
        new("code", r => r.Code),
        new("name", r => r.Name),
        new("type", r => r.Type.ToString()),
        new("ownership", r => r.Ownership.ToString()),
        new("status", r => r.Status.ToString()),
        new("levels", r => r.Levels),
        new("area_code", r => r.AreaCode),
        new("area_name", r => r.AreaName),
        new("latitude", r => r.Latitude),
        new("longitude", r => r.Longitude),
        new("address", r => r.Address),
        new("phone", r => r.Phone),
        new("email", r => r.Email),
        new("classrooms_usable", r => r.ClassroomsUsable),
        new("classrooms_unusable", r => r.ClassroomsUnusable),
        new("water", r => r.HasWater),
        new("electricity", r => r.HasElectricity),
        new("internet", r => r.HasInternet),
        new("toilets_male", r => r.ToiletsMale),
        new("toilets_female", r => r.ToiletsFemale),
        new("toilets_shared", r => r.ToiletsShared),
        new("shift", r => r.Shift.ToString()),
    ];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/institutions/export", HandleAsync).RequirePermission(InstitutionPermissions.Read).WithTags("Institutions");

    internal static async Task<IResult> HandleAsync([AsParameters] InstitutionFilter filter, string? format, ReplicaDbContext db, CancellationToken ct)
    {
        var (query, errors) = await filter.ApplyAsync(db, ct);
        var parsed = TabularExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // Area labels come from a separate query (see AreaLabelsAsync); every area fits in memory.
        var areas = await db.AreaLabelsAsync(null, ct);
        var rows = query.OrderBy(i => i.Code)
            .Select(i => new Row(
                i.Code, i.Name, i.Type, i.Ownership, i.Status, i.Levels, i.AreaId, null, null,
                i.Latitude, i.Longitude, i.Address, i.Phone, i.Email, i.ClassroomsUsable, i.ClassroomsUnusable,
                i.HasWater, i.HasElectricity, i.HasInternet, i.ToiletsMale, i.ToiletsFemale, i.ToiletsShared, i.Shift))
            .AsAsyncEnumerable()
            .Select(r => r with { AreaCode = areas.GetValueOrDefault(r.AreaId).Code, AreaName = areas.GetValueOrDefault(r.AreaId).Name });
        return TabularExport.Result(rows, Columns, parsed!.Value, "institutions");
    }

    internal sealed record Row(
        string Code, string Name, InstitutionType Type, Ownership Ownership, InstitutionStatus Status, string Levels, Guid AreaId,
        string? AreaCode, string? AreaName, double? Latitude, double? Longitude, string? Address, string? Phone, string? Email,
        int ClassroomsUsable, int ClassroomsUnusable, bool HasWater, bool HasElectricity, bool HasInternet,
        int ToiletsMale, int ToiletsFemale, int ToiletsShared, Shift Shift);
}
