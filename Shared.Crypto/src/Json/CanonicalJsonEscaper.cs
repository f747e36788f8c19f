using System.Buffers;
using System.Text;

namespace Shared.Crypto;

/// <summary>
/// The canonical string escape, written once for <see cref="CanonicalJsonWriter"/> (token trees)
/// and <see cref="CanonicalJsonObjectWriter"/> (member by member): printable ASCII other than
/// <c>"</c> and <c>\</c> is copied, <c>\b \t \n \f \r \" \\</c> are short escapes, everything
/// else (other control characters, U+007F and up) is a lowercase <c>\uxxxx</c> escape per UTF-16
/// code unit; a lone surrogate is invalid. Quotes are the caller's.
/// </summary>
internal static class CanonicalJsonEscaper
{
    /// <summary>The most bytes one UTF-16 code unit can become (<c>\uxxxx</c>).</summary>
    internal const int MaxBytesPerChar = 6;

    /// <summary>The characters copied as they are: printable ASCII other than <c>"</c> and <c>\</c>.</summary>
    private static readonly SearchValues<char> PlainCharacters = SearchValues.Create(PlainCharacterList());

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>
    /// Escapes as much of <paramref name="text"/> as fits into <paramref name="destination"/>.
    /// Returns <see cref="OperationStatus.Done"/>, <see cref="OperationStatus.DestinationTooSmall"/>
    /// (continue from <paramref name="consumed"/> with more room) or
    /// <see cref="OperationStatus.InvalidData"/> (a lone surrogate at index <paramref name="consumed"/>).
    /// </summary>
    internal static OperationStatus Escape(ReadOnlySpan<char> text, Span<byte> destination, out int consumed, out int written)
    {
        int i = 0, pos = 0;
        while (i < text.Length)
        {
            // Copy the run of plain characters up to the next one that needs an escape in one
            // vectorised search and one narrowing copy (keys and signed values are mostly plain).
            int run = text[i..].IndexOfAnyExcept(PlainCharacters);
            if (run != 0)
            {
                int available = run < 0 ? text.Length - i : run;
                int copied = Math.Min(available, destination.Length - pos);
                if (copied <= 0)
                {
                    break;
                }

                _ = Ascii.FromUtf16(text.Slice(i, copied), destination[pos..], out _);
                pos += copied;
                i += copied;
                if (copied < available)
                {
                    break;
                }

                continue;
            }

            char c = text[i];
            int needed = ShortEscape(c) != 0 ? 2 : char.IsHighSurrogate(c) ? 2 * MaxBytesPerChar : MaxBytesPerChar;
            if (destination.Length - pos < needed)
            {
                break;
            }

            if (ShortEscape(c) is byte letter and not 0)
            {
                destination[pos++] = (byte)'\\';
                destination[pos++] = letter;
                i++;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    consumed = i;
                    written = pos;
                    return OperationStatus.InvalidData;
                }

                WriteUnicodeEscape(destination, ref pos, c);
                WriteUnicodeEscape(destination, ref pos, text[i + 1]);
                i += 2;
            }
            else if (char.IsLowSurrogate(c))
            {
                consumed = i;
                written = pos;
                return OperationStatus.InvalidData;
            }
            else
            {
                WriteUnicodeEscape(destination, ref pos, c);
                i++;
            }
        }

        consumed = i;
        written = pos;
        return i == text.Length ? OperationStatus.Done : OperationStatus.DestinationTooSmall;
    }

    /// <summary>The problem text for a lone surrogate found by <see cref="Escape"/>.</summary>
    internal static string LoneSurrogateProblem(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index])
            ? $"the string has an unpaired high surrogate U+{(int)text[index]:X4} at index {index}"
            : $"the string has an unpaired low surrogate U+{(int)text[index]:X4} at index {index}";

    private static string PlainCharacterList()
    {
        var plain = new StringBuilder(0x5F);
        for (char c = ' '; c < (char)0x7F; c++)
        {
            if (c is not '"' and not '\\')
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    private static byte ShortEscape(char c) => c switch
    {
        '"' => (byte)'"',
        '\\' => (byte)'\\',
        '\b' => (byte)'b',
        '\t' => (byte)'t',
        '\n' => (byte)'n',
        '\f' => (byte)'f',
        '\r' => (byte)'r',
        _ => 0,
    };

    private static void WriteUnicodeEscape(Span<byte> destination, ref int pos, char c)
    {
        destination[pos++] = (byte)'\\';
        destination[pos++] = (byte)'u';
        destination[pos++] = HexDigits[(c >> 12) & 0xF];
        destination[pos++] = HexDigits[(c >> 8) & 0xF];
        destination[pos++] = HexDigits[(c >> 4) & 0xF];
        destination[pos++] = HexDigits[c & 0xF];
    }
}
