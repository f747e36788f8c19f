using System.Globalization;

namespace Lucairn;

/// <summary>
/// Step 5a: the one timestamp grammar <c>YYYY-MM-DDTHH:MM:SS[.1–9 digits](Z|±HH:MM)</c> (ASCII
/// digits, upper-case <c>T</c>/<c>Z</c>), offset hours ≤ 23 and minutes ≤ 59, a real date and time
/// (no leap second, no 24:00), year 1–9999 before and after converting to UTC; the result is the
/// UTC instant in Go's RFC3339Nano form (trailing fraction zeros dropped, <c>Z</c>).
/// </summary>
internal static class ChainIssuedAt
{
    internal static bool TryNormalize(string text, out string normalized)
    {
        normalized = string.Empty;
        if (text.Length < 20 || !Shape(text, out int end, out string fraction))
        {
            return false;
        }

        int offsetMinutes = 0;
        if (end == text.Length - 1 && text[end] == 'Z')
        {
        }
        else if (end == text.Length - 6 && text[end] is '+' or '-' && text[end + 3] == ':'
            && Digits(text, end + 1, 2, out int hours) && Digits(text, end + 4, 2, out int minutes))
        {
            if (hours > 23 || minutes > 59)
            {
                return false;
            }

            offsetMinutes = (text[end] == '-' ? -1 : 1) * ((hours * 60) + minutes);
        }
        else
        {
            return false;
        }

        _ = Digits(text, 0, 4, out int year);
        _ = Digits(text, 5, 2, out int month);
        _ = Digits(text, 8, 2, out int day);
        _ = Digits(text, 11, 2, out int hour);
        _ = Digits(text, 14, 2, out int minute);
        _ = Digits(text, 17, 2, out int second);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        DateTime utc;
        try
        {
            utc = wallClock.AddMinutes(-offsetMinutes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        string trimmed = fraction.TrimEnd('0');
        normalized = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (trimmed.Length == 0 ? string.Empty : "." + trimmed) + "Z";
        return true;
    }

    /// <summary>Checks <c>YYYY-MM-DDTHH:MM:SS[.d{1,9}]</c> and returns where the zone starts.</summary>
    private static bool Shape(string text, out int end, out string fraction)
    {
        end = 19;
        fraction = string.Empty;
        if (!IssuedAt.IsSecondsPart(text))
        {
            return false;
        }

        if (text[19] != '.')
        {
            return true;
        }

        int start = 20, i2 = 20;
        while (i2 < text.Length && char.IsAsciiDigit(text[i2]))
        {
            i2++;
        }

        int count = i2 - start;
        if (count is < 1 or > 9)
        {
            return false;
        }

        fraction = text[start..i2];
        end = i2;
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
