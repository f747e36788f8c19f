namespace Attesto;

/// <summary>Allocation-free hex decoding of fixed-size digests, either case; never throws.</summary>
internal static class HexSpan
{
    /// <summary>Decodes exactly <c>destination.Length</c> bytes from hex text of exactly twice that length.</summary>
    /// <param name="hex">The text (null or wrong length gives false).</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <returns>Whether the text was well-formed hex of the right length.</returns>
    internal static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

#if NET9_0_OR_GREATER
        return Convert.FromHexString(hex, destination, out _, out int written) == System.Buffers.OperationStatus.Done && written == destination.Length;
#else
        for (int i = 0; i < destination.Length; i++)
        {
            int high = Nibble(hex[2 * i]);
            int low = Nibble(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
#endif
    }

    /// <summary>Decodes hex of either case to bytes, or null when the text is not hex of <paramref name="byteLength"/> bytes.</summary>
    internal static byte[]? TryDecode(string? hex, int byteLength)
    {
        if (hex is null || hex.Length != byteLength * 2)
        {
            return null;
        }

        byte[] bytes = new byte[byteLength];
        return TryDecode(hex.AsSpan(), bytes) ? bytes : null;
    }

#if !NET9_0_OR_GREATER
    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
#endif
}
