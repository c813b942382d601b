using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>A calendar's holidays in date order, optionally of one year.</summary>
public static class ListHolidays
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/holiday-calendars/{code}/holidays", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsRead).WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(string code, ReplicaDbContext db, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (year is < 1900 or > 2200)
        {
            return Problems.Field("year", "Give a year between 1900 and 2200.");
        }

        if (await HolidayEndpoints.FindCalendarAsync(db, code, ct) is not { } calendar)
        {
            return Problems.NotFound("The holiday calendar");
        }

        var query = db.PublicHolidays().Where(h => h.CalendarId == calendar.Id);
        if (year is { } y)
        {
            query = query.Where(h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31));
        }

        var result = await query.OrderBy(h => h.Date)
            .Select(h => new HolidayView(h.Date, h.Title, h.Notes, h.Bunting, h.Source, h.UpdatedAt))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
