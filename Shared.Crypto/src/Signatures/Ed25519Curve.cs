using System.Numerics;

namespace Shared.Crypto;

/// <summary>
/// The edwards25519 facts the strict rules need, on 32-byte encodings: is the y coordinate
/// canonical (below p), is the point one of the small-order points (the libsodium blocklist,
/// sign bit ignored), and does the encoding decode to a curve point at all. Plain
/// <see cref="BigInteger"/> arithmetic: these run once per key load and once per signature on R's
/// bytes only (the decompression check runs only for keys).
/// </summary>
internal static class Ed25519Curve
{
    /// <summary>p = 2^255 − 19.</summary>
    internal static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>L = 2^252 + 27742317777372353535851937790883648493, the prime group order.</summary>
    internal static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>d = −121665 / 121666 mod p.</summary>
    private static readonly BigInteger D = Mod(-121665 * BigInteger.ModPow(121666, P - 2, P));

    /// <summary>The seven small-order y values (little-endian, top bit clear): 0, 1, p−1, p, p+1 and the two order-8 values.</summary>
    private static readonly byte[][] SmallOrderY =
    [
        Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000000"),
        Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000"),
        Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    ];

    /// <summary>Whether the low 255 bits (little-endian) are below p.</summary>
    internal static bool IsCanonicalY(ReadOnlySpan<byte> encoding)
    {
        // y >= p only when bytes 1..30 are 0xff, byte 31 (top bit cleared) is 0x7f and byte 0 >= 0xed.
        if ((encoding[31] & 0x7f) != 0x7f)
        {
            return true;
        }

        for (int i = 30; i >= 1; i--)
        {
            if (encoding[i] != 0xff)
            {
                return true;
            }
        }

        return encoding[0] < 0xed;
    }

    /// <summary>Whether the encoding (sign bit ignored) is one of the 14 small-order encodings.</summary>
    internal static bool IsSmallOrder(ReadOnlySpan<byte> encoding)
    {
        Span<byte> y = stackalloc byte[32];
        encoding[..32].CopyTo(y);
        y[31] &= 0x7f;
        foreach (byte[] candidate in SmallOrderY)
        {
            if (y.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the encoding is a canonical curve point: y below p, some x solves the curve equation, and x = 0 carries no sign bit.</summary>
    internal static bool IsCanonicalPoint(ReadOnlySpan<byte> encoding)
    {
        if (!IsCanonicalY(encoding))
        {
            return false;
        }

        bool sign = (encoding[31] & 0x80) != 0;
        Span<byte> yBytes = stackalloc byte[32];
        encoding[..32].CopyTo(yBytes);
        yBytes[31] &= 0x7f;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);

        // x² = (y² − 1) / (d·y² + 1)
        BigInteger y2 = y * y % P;
        BigInteger u = Mod(y2 - 1);
        BigInteger v = Mod((D * y2) + 1);
        BigInteger x2 = u * BigInteger.ModPow(v, P - 2, P) % P;
        if (x2.IsZero)
        {
            return !sign;
        }

        // Euler's criterion: x² is a square mod p exactly when x²^((p−1)/2) = 1.
        return BigInteger.ModPow(x2, (P - 1) / 2, P).IsOne;
    }

    /// <summary>Whether the scalar (little-endian 32 bytes) is below L.</summary>
    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        // L = 0x10000000 00000000 00000000 00000000 14def9de a2f79cd6 5812631a 5cf5d3ed (big-endian words).
        // Compare from the most significant byte down against L's little-endian bytes.
        for (int i = 31; i >= 0; i--)
        {
            if (scalar[i] != LBytes[i])
            {
                return scalar[i] < LBytes[i];
            }
        }

        return false;
    }

    private static readonly byte[] LBytes = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % P;
        return r.Sign < 0 ? r + P : r;
    }
}
