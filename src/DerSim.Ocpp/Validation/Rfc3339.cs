namespace DerSim.Ocpp.Validation;

/// <summary>
/// The date-time production of RFC 3339 §5.6, which the OCPP schemas' <c>format: date-time</c> names (JSON Schema
/// draft-06 §8.3.1): <c>YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)</c>, a real calendar date, hours 00–23, seconds up to 60 (leap second),
/// "T" and "Z" in either case (§5.6 NOTE). A date alone or a time without an offset is not a date-time.
/// </summary>
internal static class Rfc3339
{
    /// <summary>Whether <paramref name="text"/> (UTF-8, no JSON escapes) is an RFC 3339 date-time.</summary>
    public static bool IsDateTime(ReadOnlySpan<byte> text)
    {
        // full-date "T" partial-time: 19 characters at least.
        if (text.Length < 20
            || !Digits(text, 0, 4, out var year) || text[4] != '-' || !Digits(text, 5, 2, out var month) || text[7] != '-'
            || !Digits(text, 8, 2, out var day) || (text[10] | 0x20) != 't'
            || !Digits(text, 11, 2, out var hour) || text[13] != ':' || !Digits(text, 14, 2, out var minute) || text[16] != ':'
            || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var at = 19;
        if (text[at] == '.')
        {
            var start = ++at;
            while (at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                at++;
            }

            if (at == start)
            {
                return false;
            }
        }

        var offset = text[at..];
        if (offset.Length == 1)
        {
            return (offset[0] | 0x20) == 'z';
        }

        return offset.Length == 6 && offset[0] is (byte)'+' or (byte)'-'
            && Digits(offset, 1, 2, out var offsetHour) && offset[3] == ':' && Digits(offset, 4, 2, out var offsetMinute)
            && offsetHour <= 23 && offsetMinute <= 59;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static int DaysIn(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;
}
