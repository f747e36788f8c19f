namespace Shared.Crypto;

/// <summary>
/// Strict hexadecimal codec. <see cref="Encode(ReadOnlySpan{byte})"/> writes lowercase;
/// <see cref="Decode(string, string)"/> accepts lowercase only (the canonical form every
/// vendor hash uses) and <see cref="DecodeAnyCase(string, string)"/> also accepts uppercase.
/// Neither accepts whitespace, a <c>0x</c> prefix or an odd number of digits.
/// </summary>
public static class Hex
{
    /// <summary>Encodes bytes as lowercase hex.</summary>
    /// <param name="data">The bytes to encode.</param>
    /// <returns>Two lowercase hex digits per byte.</returns>
    public static string Encode(ReadOnlySpan<byte> data)
    {
#if NET9_0_OR_GREATER
        return Convert.ToHexStringLower(data);
#else
        return string.Create(data.Length * 2, data.ToArray(), static (chars, bytes) =>
        {
            const string Digits = "0123456789abcdef";
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }
        });
#endif
    }

    /// <summary>Decodes strict lowercase hex.</summary>
    /// <param name="hex">The text to decode.</param>
    /// <param name="paramName">The name reported in the error (the caller's parameter).</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="CryptoFormatException">The text is null, has an odd length, or holds a character other than 0-9 and a-f.</exception>
    public static byte[] Decode(string hex, string paramName = "hex") => DecodeCore(hex, allowUpper: false, paramName);

    /// <summary>Decodes hex in either case (but not mixed with anything else).</summary>
    /// <param name="hex">The text to decode.</param>
    /// <param name="paramName">The name reported in the error (the caller's parameter).</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="CryptoFormatException">The text is null, has an odd length, or holds a non-hex character.</exception>
    public static byte[] DecodeAnyCase(string hex, string paramName = "hex") => DecodeCore(hex, allowUpper: true, paramName);

    /// <summary>Tries to decode strict lowercase hex.</summary>
    /// <param name="hex">The text to decode; null gives false.</param>
    /// <param name="bytes">The decoded bytes, or null when the text is not strict lowercase hex.</param>
    /// <returns>Whether the text was strict lowercase hex.</returns>
    public static bool TryDecode(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null || FindProblem(hex, allowUpper: false) is not null)
        {
            return false;
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }

    /// <summary>Whether the text is strict lowercase hex of exactly <paramref name="byteLength"/> bytes.</summary>
    /// <param name="hex">The text to test; null gives false.</param>
    /// <param name="byteLength">The number of bytes the text must encode.</param>
    /// <returns>True for exactly <c>2 × byteLength</c> characters from 0-9 and a-f.</returns>
    public static bool IsLowercaseHex(string? hex, int byteLength) =>
        hex is not null && hex.Length == byteLength * 2 && FindProblem(hex, allowUpper: false) is null;

    private static byte[] DecodeCore(string hex, bool allowUpper, string paramName)
    {
        if (hex is null)
        {
            throw new CryptoFormatException($"{paramName}: expected hex text, got null.");
        }

        string? problem = FindProblem(hex, allowUpper);
        if (problem is not null)
        {
            throw new CryptoFormatException($"{paramName}: {problem}");
        }

        return Convert.FromHexString(hex);
    }

    private static string? FindProblem(string hex, bool allowUpper)
    {
        if (hex.Length % 2 != 0)
        {
            return $"hex text has an odd number of digits ({hex.Length}).";
        }

        for (int i = 0; i < hex.Length; i++)
        {
            char c = hex[i];
            bool ok = c is >= '0' and <= '9' or >= 'a' and <= 'f' || (allowUpper && c is >= 'A' and <= 'F');
            if (!ok)
            {
                string allowed = allowUpper ? "0-9, a-f, A-F" : "lowercase 0-9 and a-f";
                return $"invalid hex character at index {i} (only {allowed} allowed).";
            }
        }

        return null;
    }
}
