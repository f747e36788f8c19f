namespace Shared.Crypto;

/// <summary>
/// Strict standard base64 (RFC 4648 §4): the alphabet <c>A-Z a-z 0-9 + /</c>, padding
/// required, no whitespace, and unused trailing bits must be zero, so every byte string has
/// exactly one accepted encoding. (<see cref="Convert.FromBase64String(string)"/> accepts
/// whitespace and non-zero trailing bits.)
/// </summary>
public static class StrictBase64
{
    /// <summary>The 64 data characters (padding is checked separately).</summary>
    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /// <summary>Encodes bytes as padded standard base64.</summary>
    /// <param name="data">The bytes to encode.</param>
    /// <returns>The base64 text.</returns>
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data);

    /// <summary>Decodes strict base64.</summary>
    /// <param name="text">The text to decode.</param>
    /// <param name="paramName">The name reported in the error (the caller's parameter).</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="CryptoFormatException">The text is not strict base64; the message says why.</exception>
    public static byte[] Decode(string text, string paramName = "base64")
    {
        if (text is null)
        {
            throw new CryptoFormatException($"{paramName}: expected base64 text, got null.");
        }

        string? problem = FindProblem(text);
        if (problem is not null)
        {
            throw new CryptoFormatException($"{paramName}: {problem}");
        }

        return Convert.FromBase64String(text);
    }

    /// <summary>Tries to decode strict base64.</summary>
    /// <param name="text">The text to decode; null gives false.</param>
    /// <param name="bytes">The decoded bytes, or null when the text is not strict base64.</param>
    /// <returns>Whether the text was strict base64.</returns>
    public static bool TryDecode(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || FindProblem(text) is not null)
        {
            return false;
        }

        bytes = Convert.FromBase64String(text);
        return true;
    }

    private static string? FindProblem(string text)
    {
        if (text.Length % 4 != 0)
        {
            return $"base64 length {text.Length} is not a multiple of 4 (padding is required, whitespace is not allowed).";
        }

        int padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        int dataLength = text.Length - padding;
        int invalid = text.AsSpan(0, dataLength).IndexOfAnyExcept(Alphabet);
        if (invalid >= 0)
        {
            return $"invalid base64 character at index {invalid}.";
        }

        if (padding > 0)
        {
            // The last data character may only carry bits that belong to the final byte.
            int last = ValueOf(text[dataLength - 1]);
            int unusedMask = padding == 2 ? 0x0F : 0x03;
            if ((last & unusedMask) != 0)
            {
                return "base64 has non-zero unused bits before the padding (not the canonical encoding).";
            }
        }

        return null;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
