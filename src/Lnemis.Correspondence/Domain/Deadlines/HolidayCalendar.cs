namespace Lnemis.Correspondence.Domain.Deadlines;

/// <summary>A public holiday: the day it is observed (a substitute day where the date itself falls on a weekend).</summary>
public sealed record Holiday(DateOnly Date, string Title, string Notes = "", bool Bunting = false);

/// <summary>
/// A named set of public holidays: a gov.uk division ("england-and-wales", "scotland",
/// "northern-ireland"), a country code, or a union of others. Holidays are data, imported
/// (<see cref="BankHolidaysJson"/>) and editable per region, never computed in code. A calendar
/// knows which years it has data for, so a deadline counted into a year nobody loaded says so
/// instead of silently treating every weekday as a working day.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly SortedDictionary<DateOnly, Holiday> byDate = [];

    public HolidayCalendar(string name, IEnumerable<Holiday> holidays, IEnumerable<int>? years = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        foreach (var holiday in holidays)
        {
            if (!byDate.TryAdd(holiday.Date, holiday))
            {
                throw new ArgumentException($"Holiday calendar '{name}' has two holidays on {holiday.Date:yyyy-MM-dd}.", nameof(holidays));
            }
        }
        Years = new SortedSet<int>(years ?? byDate.Keys.Select(d => d.Year));
    }

    public string Name { get; }

    public IReadOnlyCollection<Holiday> Holidays => byDate.Values;

    /// <summary>The years this calendar has holiday data for.</summary>
    public IReadOnlySet<int> Years { get; }

    public bool Covers(int year) => Years.Contains(year);

    public bool TryGetHoliday(DateOnly date, out Holiday holiday) => byDate.TryGetValue(date, out holiday!);

    public bool IsHoliday(DateOnly date) => byDate.ContainsKey(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary>
    /// Every holiday of every calendar (FOI counts the holidays of all UK divisions). A date that
    /// is a holiday in several keeps one entry, its different titles joined; the union covers only
    /// the years that all of its calendars cover.
    /// </summary>
    public static HolidayCalendar Union(string name, IEnumerable<HolidayCalendar> calendars)
    {
        var list = calendars.ToList();
        if (list.Count == 1 && list[0].Name == name)
        {
            return list[0];
        }
        var holidays = list
            .SelectMany(c => c.Holidays)
            .GroupBy(h => h.Date)
            .Select(g => new Holiday(
                g.Key,
                string.Join(" / ", g.Select(h => h.Title).Distinct(StringComparer.Ordinal)),
                string.Join(" / ", g.Select(h => h.Notes).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)),
                g.Any(h => h.Bunting)));
        IEnumerable<int> years = list.Count == 0 ? [] : list.Skip(1).Aggregate((IEnumerable<int>)list[0].Years, (acc, c) => acc.Intersect(c.Years)).ToList();
        return new HolidayCalendar(name, holidays, years);
    }
}

/// <summary>The holiday calendars a deployment knows, by name.</summary>
public sealed class HolidayCalendars
{
    public const string EnglandAndWales = "england-and-wales";
    public const string Scotland = "scotland";
    public const string NorthernIreland = "northern-ireland";

    /// <summary>The three gov.uk divisions: what UK FOI working days are counted against.</summary>
    public static IReadOnlyList<string> AllUkDivisions { get; } = [EnglandAndWales, Scotland, NorthernIreland];

    private static readonly Lazy<HolidayCalendars> ShippedUk = new(() =>
    {
        using var stream = typeof(HolidayCalendars).Assembly.GetManifestResourceStream("Lnemis.Correspondence.bank-holidays.json")
            ?? throw new InvalidOperationException("The shipped bank-holidays.json resource is missing from Lnemis.Correspondence.");
        return new HolidayCalendars(BankHolidaysJson.Parse(stream));
    });

    private readonly Dictionary<string, HolidayCalendar> byName = new(StringComparer.Ordinal);

    public HolidayCalendars(IEnumerable<HolidayCalendar> calendars)
    {
        foreach (var calendar in calendars)
        {
            if (!byName.TryAdd(calendar.Name, calendar))
            {
                throw new ArgumentException($"Two holiday calendars are named '{calendar.Name}'.", nameof(calendars));
            }
        }
    }

    /// <summary>The UK bank holidays shipped with the module (gov.uk's file for 2025–2027).</summary>
    public static HolidayCalendars Uk => ShippedUk.Value;

    public IReadOnlyCollection<string> Names => byName.Keys;

    public HolidayCalendar this[string name] =>
        byName.TryGetValue(name, out var calendar) ? calendar : throw new KeyNotFoundException($"No holiday calendar is named '{name}' (known: {string.Join(", ", byName.Keys)}).");

    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The union of the named calendars, named after them ("england-and-wales + scotland").</summary>
    public HolidayCalendar Combine(IReadOnlyCollection<string> names) =>
        HolidayCalendar.Union(string.Join(" + ", names), names.Select(n => this[n]));
}
