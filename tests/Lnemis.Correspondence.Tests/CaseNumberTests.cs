using Lnemis.Correspondence.Domain;

namespace Lnemis.Correspondence.Tests;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData(2026, 3, 19, 1, "260319001")]
    [InlineData(2026, 3, 19, 42, "260319042")]
    [InlineData(2027, 12, 31, 999, "271231999")]
    [InlineData(2028, 2, 29, 1000, "2802291000")]
    public void Format_IsYYMMDDThenTheDaysSequence(int year, int month, int day, int sequence, string expected)
    {
        Assert.Equal(expected, CaseNumber.Format(new DateOnly(year, month, day), sequence));
        var parsed = CaseNumber.Parse(expected);
        Assert.Equal(new DateOnly(year, month, day), parsed.ReceivedDate);
        Assert.Equal(sequence, parsed.Sequence);
    }

    [Fact]
    public void Format_SequenceBelow1_OrYearOutside2000s_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Format(new DateOnly(2026, 3, 19), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Format(new DateOnly(1999, 12, 31), 1));
    }

    [Theory]
    [InlineData("", "expected YYMMDD followed by a sequence")]
    [InlineData("26031901", "expected YYMMDD followed by a sequence")]
    [InlineData("26031900A", "expected YYMMDD followed by a sequence")]
    [InlineData("260230001", "'260230' is not a date")]
    [InlineData("270229001", "'270229' is not a date")]
    [InlineData("260319000", "the sequence '000' must be a number from 001")]
    [InlineData("2603190001", "leading zeros beyond three digits (write 260319001)")]
    public void Parse_Invalid_SaysWhy(string text, string message)
    {
        Assert.False(CaseNumber.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CaseNumber.Parse(text));
    }

    [Fact]
    public void Numbers_SortByReceivedDayThenSequence()
    {
        string[] numbers = [CaseNumber.Format(new DateOnly(2026, 3, 20), 1), CaseNumber.Format(new DateOnly(2026, 3, 19), 2), CaseNumber.Format(new DateOnly(2026, 3, 19), 1)];

        Assert.Equal(["260319001", "260319002", "260320001"], numbers.Order(StringComparer.Ordinal));
    }
}
