using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>Adds a holiday to a calendar by hand (a country outside gov.uk's file, a one-off bank holiday).</summary>
public static class AddHoliday
{
    public sealed record Request(DateOnly Date, string Title, string? Notes);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Date).NotEqual(default(DateOnly)).WithMessage("Give the date the holiday is observed.");
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Notes).MaximumLength(500);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/holiday-calendars/{code}/holidays", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(string code, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!HolidayCalendarStore.MayChange(actor))
        {
            return HolidayEndpoints.NotAdministrator();
        }

        if (await HolidayEndpoints.FindCalendarAsync(db, code, ct) is not { } calendar)
        {
            return Problems.NotFound("The holiday calendar");
        }

        if (await db.PublicHolidays().AnyAsync(h => h.CalendarId == calendar.Id && h.Date == request.Date, ct))
        {
            return Problems.Field("date", "The calendar has a holiday on this date already; change that one instead.");
        }

        var holiday = new PublicHoliday
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendar.Id,
            Date = request.Date,
            Title = request.Title.Trim(),
            Notes = request.Notes?.Trim() ?? "",
            Source = HolidaySource.Manual,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.PublicHolidays().Add(holiday);
        await HolidayCalendarStore.SaveAsync(db, ct);
        return TypedResults.Created($"/api/v1/holiday-calendars/{calendar.Code}/holidays/{holiday.Date:yyyy-MM-dd}", HolidayView.From(holiday));
    }
}
