using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lnemis.Correspondence.Domain.Deadlines;

/// <summary>The input is not in gov.uk's bank-holidays.json format; <see cref="Path"/> names the bad field.</summary>
public sealed class BankHolidaysFormatException(string path, string message, Exception? inner = null)
    : FormatException($"bank-holidays.json: {path}: {message}", inner)
{
    /// <summary>JSON path of the offending field, e.g. <c>$['scotland'].events[3].date</c>.</summary>
    public string Path { get; } = path;
}

/// <summary>
/// Reads and writes gov.uk's bank-holidays.json:
/// <c>{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","date":"2025-01-01","notes":"","bunting":true}]}, ...}</c>.
/// Each top-level property becomes one <see cref="HolidayCalendar"/> named after it; other
/// regions can be written in the same shape with their own names (e.g. a country code).
/// </summary>
public static class BankHolidaysJson
{
    public static IReadOnlyList<HolidayCalendar> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    public static IReadOnlyList<HolidayCalendar> Parse(Stream json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    public static string Write(IEnumerable<HolidayCalendar> calendars)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var calendar in calendars)
            {
                writer.WriteStartObject(calendar.Name);
                writer.WriteString("division", calendar.Name);
                writer.WriteStartArray("events");
                foreach (var holiday in calendar.Holidays)
                {
                    writer.WriteStartObject();
                    writer.WriteString("title", holiday.Title);
                    writer.WriteString("date", holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    writer.WriteString("notes", holiday.Notes);
                    writer.WriteBoolean("bunting", holiday.Bunting);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static BankHolidaysFormatException NotJson(JsonException e) =>
        new(e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);

    private static List<HolidayCalendar> Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$", "an object of divisions");
        var calendars = new List<HolidayCalendar>();
        foreach (var division in root.EnumerateObject())
        {
            var path = $"$['{division.Name}']";
            if (string.IsNullOrWhiteSpace(division.Name))
            {
                throw new BankHolidaysFormatException(path, "a division needs a name.");
            }
            Expect(division.Value, JsonValueKind.Object, path, "an object with \"division\" and \"events\"");
            if (division.Value.TryGetProperty("division", out var name))
            {
                Expect(name, JsonValueKind.String, path + ".division", "a string");
                if (name.GetString() != division.Name)
                {
                    throw new BankHolidaysFormatException(path + ".division", $"is '{name.GetString()}' but the division is listed as '{division.Name}'.");
                }
            }
            if (!division.Value.TryGetProperty("events", out var events))
            {
                throw new BankHolidaysFormatException(path + ".events", "is missing.");
            }
            Expect(events, JsonValueKind.Array, path + ".events", "an array of holidays");
            var holidays = new List<Holiday>();
            var seen = new HashSet<DateOnly>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                var itemPath = $"{path}.events[{index++}]";
                var holiday = ReadHoliday(item, itemPath);
                if (!seen.Add(holiday.Date))
                {
                    throw new BankHolidaysFormatException(itemPath + ".date", $"{holiday.Date:yyyy-MM-dd} is listed twice in '{division.Name}'.");
                }
                holidays.Add(holiday);
            }
            calendars.Add(new HolidayCalendar(division.Name, holidays));
        }
        return calendars;
    }

    private static Holiday ReadHoliday(JsonElement item, string path)
    {
        Expect(item, JsonValueKind.Object, path, "an object with \"title\" and \"date\"");
        if (!item.TryGetProperty("title", out var title))
        {
            throw new BankHolidaysFormatException(path + ".title", "is missing.");
        }
        Expect(title, JsonValueKind.String, path + ".title", "a string");
        if (string.IsNullOrWhiteSpace(title.GetString()))
        {
            throw new BankHolidaysFormatException(path + ".title", "is empty.");
        }
        if (!item.TryGetProperty("date", out var date))
        {
            throw new BankHolidaysFormatException(path + ".date", "is missing.");
        }
        Expect(date, JsonValueKind.String, path + ".date", "a date string (yyyy-MM-dd)");
        if (!DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new BankHolidaysFormatException(path + ".date", $"'{date.GetString()}' is not a date in the form yyyy-MM-dd.");
        }
        var notes = "";
        if (item.TryGetProperty("notes", out var notesElement))
        {
            Expect(notesElement, JsonValueKind.String, path + ".notes", "a string");
            notes = notesElement.GetString()!;
        }
        var bunting = false;
        if (item.TryGetProperty("bunting", out var buntingElement))
        {
            if (buntingElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new BankHolidaysFormatException(path + ".bunting", $"should be true or false, not {Describe(buntingElement)}.");
            }
            bunting = buntingElement.GetBoolean();
        }
        return new Holiday(day, title.GetString()!, notes, bunting);
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new BankHolidaysFormatException(path, $"should be {what}, not {Describe(element)}.");
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };
}
