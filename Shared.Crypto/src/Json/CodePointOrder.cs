using Newtonsoft.Json.Linq;

namespace Shared.Crypto;

/// <summary>
/// Orders strings by Unicode code point, which equals the byte order of their UTF-8 encodings.
/// <see cref="string.CompareOrdinal(string, string)"/> compares UTF-16 code units and puts
/// U+E000–U+FFFF after astral characters; this comparer fixes that without allocating.
/// </summary>
internal static class CodePointOrder
{
    /// <summary>A comparer of property names in code-point order.</summary>
    internal static IComparer<JProperty> PropertyComparer { get; } =
        Comparer<JProperty>.Create(static (a, b) => Compare(a.Name, b.Name));

    /// <summary>Compares two strings by code point (shorter prefix first).</summary>
    /// <param name="left">The first string.</param>
    /// <param name="right">The second string.</param>
    /// <returns>Negative, zero or positive, like <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    internal static int Compare(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        int common = Math.Min(left.Length, right.Length);
        int index = left.AsSpan(0, common).CommonPrefixLength(right.AsSpan(0, common));
        if (index == common)
        {
            return left.Length - right.Length;
        }

        return Fixup(left[index]) - Fixup(right[index]);
    }

    // Surrogates (D800–DFFF) encode code points above FFFF, so they must sort after E000–FFFF:
    // move surrogates up by 0x2000 and E000–FFFF down by 0x800.
    private static int Fixup(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
