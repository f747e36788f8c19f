using System.Security.Cryptography;

namespace Shared.Crypto;

/// <summary>
/// SHA-256 and HMAC-SHA256 through the platform's implementation (hardware SHA extensions
/// where the CPU has them), and Keccak-256 as used by Ethereum.
/// </summary>
public static class Hashes
{
    /// <summary>The length of a SHA-256, HMAC-SHA256 or Keccak-256 digest in bytes.</summary>
    public const int DigestSize = 32;

    private const int SmallInputLimit = 256;

    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>Computes SHA-256.</summary>
    /// <param name="data">The input bytes.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>Computes SHA-256 into a caller-supplied buffer without allocating.</summary>
    /// <param name="data">The input bytes.</param>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < DigestSize)
        {
            throw new ArgumentException($"The destination must hold {DigestSize} bytes; it holds {destination.Length}.", nameof(destination));
        }

        SHA256.HashData(data, destination);
    }

    /// <summary>
    /// Computes SHA-256 over the concatenation of up to three parts without allocating or
    /// copying them together (domain-separated hashes, Merkle nodes).
    /// </summary>
    /// <param name="first">The first part.</param>
    /// <param name="second">The second part.</param>
    /// <param name="third">The third part (empty for none).</param>
    /// <param name="destination">At least 32 bytes; it may overlap the parts (they are all consumed first).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Sha256(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        if (destination.Length < DigestSize)
        {
            throw new ArgumentException($"The destination must hold {DigestSize} bytes; it holds {destination.Length}.", nameof(destination));
        }

        IncrementalHash hash = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int total = first.Length + second.Length + third.Length;
        if (total <= SmallInputLimit)
        {
            // Each AppendData is a native call (~45 ns): small inputs are cheaper copied into one.
            Span<byte> joined = stackalloc byte[SmallInputLimit];
            first.CopyTo(joined);
            second.CopyTo(joined[first.Length..]);
            third.CopyTo(joined[(first.Length + second.Length)..]);
            hash.AppendData(joined[..total]);
        }
        else
        {
            hash.AppendData(first);
            hash.AppendData(second);
            hash.AppendData(third);
        }

        hash.GetHashAndReset(destination);
    }

    /// <summary>Computes SHA-256 and returns it as lowercase hex.</summary>
    /// <param name="data">The input bytes.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Sha256Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        SHA256.HashData(data, digest);
        return Hex.Encode(digest);
    }

    /// <summary>Computes HMAC-SHA256.</summary>
    /// <param name="key">The MAC key (any length).</param>
    /// <param name="data">The message.</param>
    /// <returns>The 32-byte MAC.</returns>
    public static byte[] HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>Computes Keccak-256, the original Keccak padding used by Ethereum (not SHA3-256).</summary>
    /// <param name="data">The input bytes.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] Keccak256(ReadOnlySpan<byte> data)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
        digest.BlockUpdate(data);
        byte[] output = new byte[DigestSize];
        digest.DoFinal(output, 0);
        return output;
    }
}
