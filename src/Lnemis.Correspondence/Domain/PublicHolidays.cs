using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>Where a holiday came from: an imported gov.uk-format file (or the shipped copy), or an administrator's entry.</summary>
public enum HolidaySource
{
    Import,
    Manual,
}

/// <summary>
/// A holiday calendar kept as data: a gov.uk division ("england-and-wales") or a country or region
/// entered by hand. Deadline rules name calendars by <see cref="Code"/>.
/// </summary>
public sealed class PublicHolidayCalendar : IAudited
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Region { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One public holiday of a calendar (one per calendar and date).</summary>
public sealed class PublicHoliday : IAudited
{
    public Guid Id { get; set; }
    public Guid CalendarId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string Notes { get; set; } = "";
    public bool Bunting { get; set; }
    public HolidaySource Source { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A single row whose <see cref="Revision"/> moves on with every change to the calendars: each
/// server instance compares it with the revision it cached before counting a deadline.
/// </summary>
public sealed class HolidayCalendarStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public long Revision { get; set; }
}
