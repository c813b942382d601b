using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lnemis.Correspondence.Domain;

/// <summary>
/// A case's number: the received date as YYMMDD followed by the day's sequence, at least three
/// digits (260319001 is the first case received on 19 March 2026). Past 999 cases a day the
/// sequence simply grows a digit (2603191000) rather than wrapping, so numbers stay unique and
/// still sort by day. Years are 2000–2099.
/// </summary>
public readonly record struct CaseNumber
{
    public DateOnly ReceivedDate { get; }
    public int Sequence { get; }

    public CaseNumber(DateOnly receivedDate, int sequence)
    {
        if (receivedDate.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedDate), receivedDate, "Case numbers cover received dates in 2000–2099.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ReceivedDate = receivedDate;
        Sequence = sequence;
    }

    public static string Format(DateOnly receivedDate, int sequence) => new CaseNumber(receivedDate, sequence).ToString();

    public override string ToString() =>
        ReceivedDate.ToString("yyMMdd", CultureInfo.InvariantCulture) + Sequence.ToString("D3", CultureInfo.InvariantCulture);

    public static CaseNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out CaseNumber number) => TryParse(text, out number, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out CaseNumber number, out string error)
    {
        number = default;
        if (string.IsNullOrEmpty(text) || text.Length < 9 || !text.All(char.IsAsciiDigit))
        {
            error = $"'{text}' is not a case number: expected YYMMDD followed by a sequence of at least three digits, e.g. 260319001.";
            return false;
        }
        if (!DateOnly.TryParseExact("20" + text[..6], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"'{text}' is not a case number: '{text[..6]}' is not a date (YYMMDD).";
            return false;
        }
        var sequence = text[6..];
        if (sequence.Length > 9 || !int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            error = $"'{text}' is not a case number: the sequence '{sequence}' must be a number from 001.";
            return false;
        }
        number = new CaseNumber(date, value);
        if (number.ToString() != text)
        {
            // 2603190001 would parse as sequence 1 but is not how sequence 1 is written.
            error = $"'{text}' is not a case number: the sequence has leading zeros beyond three digits (write {number}).";
            number = default;
            return false;
        }
        error = "";
        return true;
    }
}
