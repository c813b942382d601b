using System.Text.RegularExpressions;
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

/// <summary>Adds a holiday calendar for a country or region whose holidays are entered by hand (or imported in the gov.uk format under its code).</summary>
public static partial class CreateHolidayCalendar
{
    public sealed record Request(string Code, string Name, string? Region);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().Must(IsCode).WithMessage("Use lower-case letters, digits and dashes (at most 50), e.g. \"ke\" or \"ireland\".");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Region).MaximumLength(100);
        }
    }

    public static bool IsCode(string? code) => code is { Length: > 0 and <= 50 } && CodePattern().IsMatch(code);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/holiday-calendars", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!HolidayCalendarStore.MayChange(actor))
        {
            return HolidayEndpoints.NotAdministrator();
        }

        if (await db.HolidayCalendars().AnyAsync(c => c.Code == request.Code, ct))
        {
            return Problems.Field("code", "A holiday calendar has this code already.");
        }

        var calendar = new PublicHolidayCalendar
        {
            Id = Guid.CreateVersion7(),
            Code = request.Code,
            Name = request.Name.Trim(),
            Region = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.HolidayCalendars().Add(calendar);
        await HolidayCalendarStore.SaveAsync(db, ct);
        return TypedResults.Created($"/api/v1/holiday-calendars/{calendar.Code}/holidays", new HolidayCalendarView(calendar.Id, calendar.Code, calendar.Name, calendar.Region, 0));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
