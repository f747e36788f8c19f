using System.Globalization;

namespace Lucairn;

/// <summary>
/// The witness's <c>issued_at</c> rules: the normalisation applied before signing (spec §8.1)
/// and the RFC 3339 parse of the result (spec §9 step 9). Hand-written rather than a regex so
/// only ASCII digits, upper-case <c>T</c>/<c>Z</c> and no trailing newline are accepted, and so
/// fractions beyond seven digits never pass through <see cref="DateTime"/>.
/// </summary>
internal static class IssuedAt
{
    private const int SecondsLength = 19; // yyyy-MM-ddTHH:mm:ss

    private const int MaxOffsetMinutes = 14 * 60; // the most DateTimeOffset can state

    /// <summary>
    /// Trims trailing zeros from the fraction (dropping a bare dot) and rewrites a numeric offset
    /// to UTC with <c>Z</c>. Text that is not of the form
    /// <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)</c> comes back unchanged.
    /// </summary>
    internal static string Normalize(string text)
    {
        if (!TrySplit(text, out ReadOnlySpan<char> fraction, out int offsetMinutes, out bool zulu))
        {
            return text;
        }

        if (zulu && (fraction.Length == 0 || fraction[^1] != '0'))
        {
            // Already normal: nothing to trim, already UTC (the common case; no new string).
            return text;
        }

        ReadOnlySpan<char> trimmed = fraction.TrimEnd('0');
        string fractionPart = trimmed.Length == 0 ? string.Empty : string.Concat(".", trimmed);
        if (zulu)
        {
            return string.Concat(text.AsSpan(0, SecondsLength), fractionPart, "Z");
        }

        if (!TryParseWallClock(text, out DateTime wallClock) || !TryShift(wallClock, -offsetMinutes, out DateTime utc))
        {
            return text;
        }

        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fractionPart + "Z";
    }

    /// <summary>
    /// Parses RFC 3339 text into an instant with the fraction truncated to microseconds (as the
    /// upstream SDK's <c>datetime</c> does), keeping the stated offset. RFC 3339 and the upstream
    /// SDK allow offsets up to ±23:59, but <see cref="DateTimeOffset"/> holds at most ±14:00: beyond
    /// that the same instant is given in UTC (the served text stays in the result's ISO member).
    /// </summary>
    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!TrySplit(text, out ReadOnlySpan<char> fraction, out int offsetMinutes, out _) || !TryParseWallClock(text, out DateTime wallClock))
        {
            return false;
        }

        long microseconds = 0;
        for (int i = 0; i < 6; i++)
        {
            microseconds = (microseconds * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        try
        {
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            DateTime stated = wallClock.AddTicks(microseconds * 10);
            value = Math.Abs(offsetMinutes) <= MaxOffsetMinutes ? new DateTimeOffset(stated, offset) : new DateTimeOffset(stated - offset, TimeSpan.Zero);
            _ = value.UtcDateTime;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Splits <c>yyyy-MM-ddTHH:mm:ss[.digits](Z|±HH:MM)</c>; offsets must be under 24 hours.</summary>
    private static bool TrySplit(string text, out ReadOnlySpan<char> fraction, out int offsetMinutes, out bool zulu)
    {
        fraction = default;
        offsetMinutes = 0;
        zulu = false;
        if (text.Length < SecondsLength + 1 || !IsSecondsPart(text))
        {
            return false;
        }

        int i = SecondsLength;
        if (text[i] == '.')
        {
            int start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            fraction = text.AsSpan(start, i - start);
        }

        if (i == text.Length - 1 && text[i] == 'Z')
        {
            zulu = true;
            return true;
        }

        if (i == text.Length - 6 && text[i] is '+' or '-' && text[i + 3] == ':'
            && TwoDigits(text, i + 1, out int hours) && TwoDigits(text, i + 4, out int minutes) && hours < 24 && minutes < 60)
        {
            offsetMinutes = (text[i] == '-' ? -1 : 1) * ((hours * 60) + minutes);
            return true;
        }

        return false;
    }

    /// <summary>Whether the first 19 characters are <c>YYYY-MM-DDTHH:MM:SS</c> (ASCII digits); the caller guarantees the length.</summary>
    internal static bool IsSecondsPart(string text)
    {
        for (int i = 0; i < SecondsLength; i++)
        {
            bool ok = i switch
            {
                4 or 7 => text[i] == '-',
                10 => text[i] == 'T',
                13 or 16 => text[i] == ':',
                _ => char.IsAsciiDigit(text[i]),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The calendar value of the (already digit-checked) seconds part; false for an impossible date or time.</summary>
    private static bool TryParseWallClock(string text, out DateTime wallClock)
    {
        int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
        int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            wallClock = default;
            return false;
        }

        wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static int Digits(string text, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    private static bool TryShift(DateTime value, int minutes, out DateTime shifted)
    {
        try
        {
            shifted = value.AddMinutes(minutes);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            shifted = default;
            return false;
        }
    }

    private static bool TwoDigits(string text, int index, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[index]) || !char.IsAsciiDigit(text[index + 1]))
        {
            return false;
        }

        value = ((text[index] - '0') * 10) + (text[index + 1] - '0');
        return true;
    }
}
