using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Holidays;

public sealed record HolidayCalendarView(Guid Id, string Code, string Name, string? Region, int Holidays);

public sealed record HolidayView(DateOnly Date, string Title, string Notes, bool Bunting, HolidaySource Source, DateTimeOffset UpdatedAt)
{
    public static HolidayView From(PublicHoliday h) => new(h.Date, h.Title, h.Notes, h.Bunting, h.Source, h.UpdatedAt);
}

/// <summary>What the holiday endpoints share: the refusal for non-administrators, finding a calendar and a holiday by their keys.</summary>
internal static class HolidayEndpoints
{
    public const string Tag = "Holiday calendars";

    public static IResult NotAdministrator() =>
        Problems.Forbidden("Only correspondence administrators with national scope change holiday calendars.");

    public static Task<PublicHolidayCalendar?> FindCalendarAsync(LnemisDbContext db, string code, CancellationToken ct) =>
        db.HolidayCalendars().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The holiday of calendar <paramref name="code"/> on <paramref name="date"/> (tracked), or the problem to answer.</summary>
    public static async Task<(PublicHoliday? Holiday, IResult? Problem)> FindHolidayAsync(LnemisDbContext db, string code, string date, CancellationToken ct)
    {
        if (!TryParseDate(date, out var day))
        {
            return (null, Problems.Field("date", "Give the date as yyyy-MM-dd."));
        }

        if (await FindCalendarAsync(db, code, ct) is not { } calendar)
        {
            return (null, Problems.NotFound("The holiday calendar"));
        }

        var holiday = await db.PublicHolidays().FirstOrDefaultAsync(h => h.CalendarId == calendar.Id && h.Date == day, ct);
        return holiday is null ? (null, Problems.NotFound("The holiday")) : (holiday, null);
    }
}
