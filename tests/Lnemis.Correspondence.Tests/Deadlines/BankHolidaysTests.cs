using Lnemis.Correspondence.Domain.Deadlines;

namespace Lnemis.Correspondence.Tests.Deadlines;

public sealed class BankHolidaysTests
{
    private static readonly HolidayCalendars Uk = HolidayCalendars.Uk;

    private static DateOnly[] Dates(string division, int year) =>
        Uk[division].Holidays.Where(h => h.Date.Year == year).Select(h => h.Date).ToArray();

    private static DateOnly[] Days(int year, params (int Month, int Day)[] days) => days.Select(d => new DateOnly(year, d.Month, d.Day)).ToArray();

    [Fact]
    public void ShippedFile_HasTheThreeDivisions_For2025To2027()
    {
        Assert.Equal(HolidayCalendars.AllUkDivisions.Order(), Uk.Names.Order());
        foreach (var division in HolidayCalendars.AllUkDivisions)
        {
            Assert.Equal([2025, 2026, 2027], Uk[division].Years);
        }
    }

    [Fact]
    public void ShippedFile_EnglandAndWales_MatchesGovUk()
    {
        // 2026: Boxing Day (Sat 26 Dec) is observed on Mon 28 Dec.
        // 2027: Christmas (Sat) and Boxing Day (Sun) are observed on Mon 27 and Tue 28 Dec.
        Assert.Equal(Days(2025, (1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)), Dates("england-and-wales", 2025));
        Assert.Equal(Days(2026, (1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)), Dates("england-and-wales", 2026));
        Assert.Equal(Days(2027, (1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)), Dates("england-and-wales", 2027));
    }

    [Fact]
    public void ShippedFile_Scotland_Has2ndJanuary_StAndrews_AndAnAugustSummerHoliday_ButNoEasterMonday()
    {
        // 2025: St Andrew's Day (Sun 30 Nov) observed Mon 1 Dec; summer holiday = first Monday in August.
        // 2027: 2 Jan is a Saturday, so observed Mon 4 Jan; 1 Aug is a Sunday, so the summer holiday is Mon 2 Aug.
        Assert.Equal(Days(2025, (1, 1), (1, 2), (4, 18), (5, 5), (5, 26), (8, 4), (12, 1), (12, 25), (12, 26)), Dates("scotland", 2025));
        Assert.Equal(Days(2026, (1, 1), (1, 2), (4, 3), (5, 4), (5, 25), (8, 3), (11, 30), (12, 25), (12, 28)), Dates("scotland", 2026));
        Assert.Equal(Days(2027, (1, 1), (1, 4), (3, 26), (5, 3), (5, 31), (8, 2), (11, 30), (12, 27), (12, 28)), Dates("scotland", 2027));
        Assert.True(Uk["scotland"].TryGetHoliday(new DateOnly(2027, 1, 4), out var substitute));
        Assert.Equal("Substitute day", substitute.Notes);
    }

    [Fact]
    public void ShippedFile_NorthernIreland_HasStPatricksDay_AndTheBoyne_WithSubstitutes()
    {
        // Battle of the Boyne: Sat 12 Jul 2025 -> Mon 14 Jul; Sun 12 Jul 2026 -> Mon 13 Jul; Mon 12 Jul 2027 itself.
        Assert.Equal(Days(2025, (1, 1), (3, 17), (4, 18), (4, 21), (5, 5), (5, 26), (7, 14), (8, 25), (12, 25), (12, 26)), Dates("northern-ireland", 2025));
        Assert.Equal(Days(2026, (1, 1), (3, 17), (4, 3), (4, 6), (5, 4), (5, 25), (7, 13), (8, 31), (12, 25), (12, 28)), Dates("northern-ireland", 2026));
        Assert.Equal(Days(2027, (1, 1), (3, 17), (3, 26), (3, 29), (5, 3), (5, 31), (7, 12), (8, 30), (12, 27), (12, 28)), Dates("northern-ireland", 2027));
    }

    [Fact]
    public void ShippedFile_EveryHolidayIsObservedOnAWeekday()
    {
        // Substitute days are in the file itself, so a holiday on a weekend would be a data error.
        Assert.All(Uk.Names.SelectMany(n => Uk[n].Holidays), h => Assert.False(HolidayCalendar.IsWeekend(h.Date), $"{h.Title} {h.Date}"));
    }

    [Fact]
    public void Union_HasTheHolidaysOfEveryDivision_AndCoversTheYearsTheyAllCover()
    {
        var all = Uk.Combine(HolidayCalendars.AllUkDivisions);
        Assert.True(all.IsHoliday(new DateOnly(2026, 1, 2)));   // Scotland only
        Assert.True(all.IsHoliday(new DateOnly(2026, 3, 17)));  // Northern Ireland only
        Assert.True(all.IsHoliday(new DateOnly(2026, 4, 6)));   // not Scotland
        Assert.True(all.IsHoliday(new DateOnly(2026, 8, 3)));   // Scotland's summer holiday
        Assert.True(all.IsHoliday(new DateOnly(2026, 8, 31)));  // everyone else's
        Assert.False(all.IsWorkingDay(new DateOnly(2026, 3, 21))); // a Saturday
        Assert.True(all.IsWorkingDay(new DateOnly(2026, 3, 18)));
        Assert.True(all.Covers(2027));
        Assert.False(all.Covers(2028));

        var partial = HolidayCalendar.Union("mixed", [Uk["scotland"], new HolidayCalendar("x", [new Holiday(new DateOnly(2026, 6, 1), "X day")])]);
        Assert.Equal([2026], partial.Years);
    }

    [Fact]
    public void Union_SameDateWithDifferentTitles_KeepsOneHolidayWithBothTitles()
    {
        var a = new HolidayCalendar("a", [new Holiday(new DateOnly(2026, 5, 1), "Labour Day")]);
        var b = new HolidayCalendar("b", [new Holiday(new DateOnly(2026, 5, 1), "Workers' Day")]);

        var union = HolidayCalendar.Union("a+b", [a, b]);

        Assert.Equal("Labour Day / Workers' Day", Assert.Single(union.Holidays).Title);
    }

    [Fact]
    public void Parse_AnotherRegionInTheSameFormat_IsACalendarOfItsOwn()
    {
        // Holidays are data: a deployment outside the UK loads its own, named e.g. by country code.
        var calendars = BankHolidaysJson.Parse("""
            {"ls":{"division":"ls","events":[{"title":"Moshoeshoe Day","date":"2026-03-11","notes":"","bunting":false},{"title":"Heroes' Day","date":"2026-04-04"}]}}
            """);

        var ls = Assert.Single(calendars);
        Assert.Equal("ls", ls.Name);
        Assert.True(ls.IsHoliday(new DateOnly(2026, 3, 11)));
        Assert.Equal("Heroes' Day", ls.Holidays.Last().Title);
        Assert.Equal("", ls.Holidays.Last().Notes);
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameCalendars()
    {
        var written = BankHolidaysJson.Write(HolidayCalendars.AllUkDivisions.Select(n => Uk[n]));

        var read = BankHolidaysJson.Parse(written);

        Assert.Equal(HolidayCalendars.AllUkDivisions, read.Select(c => c.Name));
        foreach (var calendar in read)
        {
            Assert.Equal(Uk[calendar.Name].Holidays, calendar.Holidays);
        }
        Assert.Contains("New Year’s Day", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[]""", "$", "should be an object of divisions, not an array")]
    [InlineData("""{"scotland":{"division":"scotland"}}""", "$['scotland'].events", "is missing")]
    [InlineData("""{"scotland":{"division":"scotland","events":{}}}""", "$['scotland'].events", "should be an array of holidays")]
    [InlineData("""{"scotland":{"division":"wales","events":[]}}""", "$['scotland'].division", "is 'wales' but the division is listed as 'scotland'")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":"2026-01-01"},{"title":"B","date":"2026-13-01"}]}}""", "$['england-and-wales'].events[1].date", "'2026-13-01' is not a date in the form yyyy-MM-dd")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":"01/01/2026"}]}}""", "$['england-and-wales'].events[0].date", "is not a date")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":20260101}]}}""", "$['england-and-wales'].events[0].date", "should be a date string")]
    [InlineData("""{"england-and-wales":{"events":[{"date":"2026-01-01"}]}}""", "$['england-and-wales'].events[0].title", "is missing")]
    [InlineData("""{"england-and-wales":{"events":[{"title":" ","date":"2026-01-01"}]}}""", "$['england-and-wales'].events[0].title", "is empty")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":"2026-01-01","bunting":"yes"}]}}""", "$['england-and-wales'].events[0].bunting", "should be true or false")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":"2026-01-01","notes":null}]}}""", "$['england-and-wales'].events[0].notes", "should be a string, not null")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"A","date":"2026-01-01"},{"title":"B","date":"2026-01-01"}]}}""", "$['england-and-wales'].events[1].date", "2026-01-01 is listed twice")]
    [InlineData("""{"england-and-wales":{"events":[7]}}""", "$['england-and-wales'].events[0]", "should be an object")]
    public void Parse_MalformedInput_NamesThePathOfTheBadField(string json, string path, string message)
    {
        var error = Assert.Throws<BankHolidaysFormatException>(() => BankHolidaysJson.Parse(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bank-holidays.json: {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        using var stream = new MemoryStream("{\"scotland\": {\"events\": [}"u8.ToArray());

        var error = Assert.Throws<BankHolidaysFormatException>(() => BankHolidaysJson.Parse(stream));

        Assert.Contains("not valid JSON (line 1", error.Message, StringComparison.Ordinal);
    }
}
