namespace Lnemis.Notifications.Sending;

/// <summary>A daily window (local time in a zone) in which SMS wait; it may span midnight (21:00–07:00).</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    /// <summary>The configured default, or null when none is set.</summary>
    public static QuietHours? From(SmsOptions sms)
    {
        if (string.IsNullOrWhiteSpace(sms.QuietHoursStart) || string.IsNullOrWhiteSpace(sms.QuietHoursEnd))
        {
            return null;
        }

        return new QuietHours(TimeOnly.Parse(sms.QuietHoursStart, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(sms.QuietHoursEnd, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(sms.TimeZone));
    }

    /// <summary>When the window that holds <paramref name="now"/> ends, or null when <paramref name="now"/> is outside it.</summary>
    public DateTimeOffset? EndOfWindowAt(DateTimeOffset now)
    {
        if (Start == End)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= End)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(End, DateTimeKind.Unspecified);
        return new DateTimeOffset(endLocal, Zone.GetUtcOffset(endLocal));
    }
}
