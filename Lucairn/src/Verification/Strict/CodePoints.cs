namespace Lucairn;

/// <summary>Code-point (= UTF-8 byte) order of strings, which differs from UTF-16 ordinal order above U+E000.</summary>
internal static class CodePoints
{
    internal static int Compare(string left, string right)
    {
        int length = Math.Min(left.Length, right.Length);
        for (int i = 0; i < length; i++)
        {
            char a = left[i], b = right[i];
            if (a != b)
            {
                return Rank(a) - Rank(b);
            }
        }

        return left.Length - right.Length;
    }

    /// <summary>Moves surrogates (astral code points) above U+E000–U+FFFF, keeping everything else in place.</summary>
    private static int Rank(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
