using FluentValidation;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>Renames a holiday or changes its notes; it becomes a manual entry (a later import of the same date overwrites it).</summary>
public static class UpdateHoliday
{
    public sealed record Request(string Title, string? Notes);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Notes).MaximumLength(500);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/holiday-calendars/{code}/holidays/{date}", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).Validate<Request>().WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(string code, string date, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
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

        holiday.Title = request.Title.Trim();
        holiday.Notes = request.Notes?.Trim() ?? "";
        holiday.Source = HolidaySource.Manual;
        holiday.UpdatedAt = clock.GetUtcNow();
        await HolidayCalendarStore.SaveAsync(db, ct);
        return TypedResults.Ok(HolidayView.From(holiday));
    }
}
