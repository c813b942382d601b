using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>
/// Imports a file in gov.uk's bank-holidays.json format, sent as the request body or as the
/// "file" part of a form. Each division is a calendar (created when new); holidays are upserted by
/// calendar and date, so importing the same file again changes nothing. A file that is not in the
/// format is refused whole, with the JSON path of the first bad field.
/// </summary>
public static class ImportHolidays
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/holiday-calendars/import", HandleAsync).RequirePermission(CorrespondencePermissions.TeamsManage).WithTags(HolidayEndpoints.Tag);

    internal static async Task<IResult> HandleAsync(HttpRequest http, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!HolidayCalendarStore.MayChange(actor))
        {
            return HolidayEndpoints.NotAdministrator();
        }

        IReadOnlyList<HolidayCalendar> calendars;
        try
        {
            calendars = await ReadAsync(http, ct);
        }
        catch (BankHolidaysFormatException e)
        {
            return Problems.Field("file", e.Message);
        }

        if (calendars.Count == 0)
        {
            return Problems.Field("file", "The file holds no divisions.");
        }

        if (calendars.FirstOrDefault(c => !CreateHolidayCalendar.IsCode(c.Name)) is { } bad)
        {
            return Problems.Field("file", $"bank-holidays.json: $['{bad.Name}']: a division name must be lower-case letters, digits and dashes (at most 50).");
        }

        var result = await HolidayCalendarStore.UpsertAsync(db, calendars, clock.GetUtcNow(), ct);
        await HolidayCalendarStore.SaveAsync(db, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<IReadOnlyList<HolidayCalendar>> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                throw new BankHolidaysFormatException("$", "send the file as the form's \"file\" part.");
            }

            await using var upload = file.OpenReadStream();
            return BankHolidaysJson.Parse(upload);
        }

        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
        {
            throw new BankHolidaysFormatException("$", "the file is empty.");
        }

        body.Position = 0;
        return BankHolidaysJson.Parse(body);
    }
}
