using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>The holiday calendars, by code, with how many holidays each holds.</summary>
public static class ListHolidayCalendars
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/holiday-calendars", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsRead).WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await db.HolidayCalendars()
            .OrderBy(c => c.Code)
            .Select(c => new HolidayCalendarView(c.Id, c.Code, c.Name, c.Region, db.PublicHolidays().Count(h => h.CalendarId == c.Id)))
            .ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result);
    }
}
