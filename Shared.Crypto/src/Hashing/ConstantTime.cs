using System.Security.Cryptography;

namespace Shared.Crypto;

/// <summary>Comparisons whose running time does not depend on where the inputs differ.</summary>
public static class ConstantTime
{
    /// <summary>
    /// Compares two byte sequences in time that depends only on their length.
    /// Sequences of different lengths are unequal (the length itself is not secret).
    /// </summary>
    /// <param name="left">The first sequence.</param>
    /// <param name="right">The second sequence.</param>
    /// <returns>Whether the sequences are identical.</returns>
    public static bool Equals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);

    /// <summary>
    /// Compares two ASCII strings (hex digests, MAC texts) in time that depends only on their
    /// length, optionally ignoring ASCII letter case.
    /// </summary>
    /// <param name="left">The first string; null equals nothing.</param>
    /// <param name="right">The second string; null equals nothing.</param>
    /// <param name="ignoreAsciiCase">Whether <c>A-Z</c> compare equal to <c>a-z</c>.</param>
    /// <returns>Whether the strings are equal.</returns>
    public static bool EqualsAscii(string? left, string? right, bool ignoreAsciiCase = false)
    {
        if (left is null || right is null || left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            int a = left[i];
            int b = right[i];
            if (ignoreAsciiCase)
            {
                a |= (a is >= 'A' and <= 'Z') ? 0x20 : 0;
                b |= (b is >= 'A' and <= 'Z') ? 0x20 : 0;
            }

            difference |= a ^ b;
        }

        return difference == 0;
    }
}
