using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>Removes a holiday from a calendar (deadlines counted from then on treat the day as a working day).</summary>
public static class DeleteHoliday
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/holiday-calendars/{code}/holidays/{date}", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(string code, string date, LnemisDbContext db, CurrentActor actor, CancellationToken ct)
    {
        if (!HolidayCalendarStore.MayChange(actor))
        {
            return HolidayEndpoints.NotAdministrator();
        }

        var (holiday, problem) = await HolidayEndpoints.FindHolidayAsync(db, code, date, ct);
        if (holiday is null)
        {
            return problem!;
        }

        db.PublicHolidays().Remove(holiday);
        await HolidayCalendarStore.SaveAsync(db, ct);
        return TypedResults.NoContent();
    }
}
