using System.Globalization;
using Shared.Crypto;

namespace Lucairn;

/// <summary>The recipe's small value rules (lucairn-chain spec §5 helpers, §6).</summary>
internal static class ChainValues
{
    /// <summary>The longest integer token: <c>18446744073709551615</c>.</summary>
    private const int IntegerMaxDigits = 20;

    /// <summary>Go's <c>unicode.IsSpace</c> set: the one whitespace set for "blank" tests.</summary>
    private static readonly char[] Space =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
        '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
    ];

    /// <summary>Trims the recipe's whitespace set.</summary>
    internal static string TrimSpace(string text) => text.Trim(Space);

    /// <summary>An integer token (<c>0</c> or <c>[1-9][0-9]*</c>, ≤ 20 digits) within [0, max].</summary>
    internal static bool TryUnsignedToken(string? text, ulong max, out ulong value)
    {
        value = 0;
        if (text is null || text.Length is 0 or > IntegerMaxDigits || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }

    /// <summary>A JSON number node written as an integer token within [0, max].</summary>
    internal static bool TryInteger(StrictJsonNode? node, ulong max, out ulong value)
    {
        value = 0;
        return node is { Kind: StrictJsonKind.Number } && TryUnsignedToken(node.Text, max, out value);
    }

    /// <summary>A typed copy's unsigned integer: absent/null is 0, a decimal string or an integer token.</summary>
    internal static bool TryTypedUnsigned(StrictJsonNode? node, out ulong value)
    {
        value = 0;
        if (StrictJsonNode.IsNullish(node))
        {
            return true;
        }

        return node!.Kind == StrictJsonKind.String ? TryUnsignedToken(node.Text, ulong.MaxValue, out value) : TryInteger(node, ulong.MaxValue, out value);
    }

    /// <summary>A JSON number rounded to float32; beyond float64 or ±Inf as a float32 never matches.</summary>
    internal static bool TryFloat32(StrictJsonNode? node, bool zeroIfAbsent, out float value)
    {
        value = 0;
        if (StrictJsonNode.IsNullish(node) && zeroIfAbsent)
        {
            // Go reads a missing key and a JSON null alike (nil).
            return true;
        }

        if (node is not { Kind: StrictJsonKind.Number } || !TryFloat32Lexeme(node.Text!, out value))
        {
            return false;
        }

        return true;
    }

    /// <summary>The float32 rule on a number lexeme.</summary>
    internal static bool TryFloat32Lexeme(string lexeme, out float value)
    {
        value = 0;
        if (!double.TryParse(lexeme, NumberStyles.Float, CultureInfo.InvariantCulture, out double wide) || double.IsInfinity(wide))
        {
            return false;
        }

        value = (float)wide;
        return !float.IsInfinity(value);
    }

    /// <summary>Canonical padded standard base64; absent or null is empty bytes.</summary>
    internal static bool TryBase64(StrictJsonNode? node, out byte[] bytes)
    {
        bytes = [];
        if (StrictJsonNode.IsNullish(node))
        {
            return true;
        }

        if (node!.Kind != StrictJsonKind.String || !StrictBase64.TryDecode(node.Text, out byte[]? decoded))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }

    /// <summary>A string or absent/null (as empty).</summary>
    internal static bool TryOptionalString(StrictJsonNode? node, out string text)
    {
        text = string.Empty;
        if (StrictJsonNode.IsNullish(node))
        {
            return true;
        }

        if (node!.Kind != StrictJsonKind.String)
        {
            return false;
        }

        text = node.Text!;
        return true;
    }

    /// <summary>A list of strings, absent/null as empty.</summary>
    internal static bool TryStringList(StrictJsonNode? node, out List<string> list)
    {
        list = [];
        if (StrictJsonNode.IsNullish(node))
        {
            return true;
        }

        if (node!.Items is not { } items)
        {
            return false;
        }

        foreach (StrictJsonNode item in items)
        {
            if (item.Kind != StrictJsonKind.String)
            {
                return false;
            }

            list.Add(item.Text!);
        }

        return true;
    }

    /// <summary>Exactly 64 lowercase hex characters.</summary>
    internal static bool IsLowerHex64(string text)
    {
        if (text.Length != 64)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SHA-256 as lowercase hex.</summary>
    internal static string Sha256Hex(byte[] data) => Hashes.Sha256Hex(data);

    /// <summary>Bytes as lowercase hex.</summary>
    internal static string LowerHex(byte[] data) => Hex.Encode(data);

    /// <summary>ASCII a–z upper-cased only.</summary>
    internal static string AsciiUpper(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }
    });
}
