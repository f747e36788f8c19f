using System.Buffers;
using System.Security.Cryptography;
using Shared.Crypto;
using System.Text;

namespace Attesto.Hashing;

/// <summary>
/// The single PROPOSED domain-separation primitive (spec §7):
/// <c>DH(tag, data) = SHA-256(ASCII(tag) ‖ 0x00 ‖ data)</c>, computed with the platform SHA-256.
/// Every tagged hash in the SDK goes through here, so a correction of the framing is one edit.
/// </summary>
internal static class DomainHash
{
    /// <summary>The byte between the tag and the data.</summary>
    internal const byte Separator = 0x00;

    private const int StackLimit = 512;

    /// <summary>Computes <c>DH(tag, data)</c> into <paramref name="destination"/> (32 bytes).</summary>
    /// <param name="tag">The ASCII domain tag.</param>
    /// <param name="data">The data.</param>
    /// <param name="destination">Receives the 32-byte digest.</param>
    internal static void Compute(string tag, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int length = tag.Length + 1 + data.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int written = Encoding.ASCII.GetBytes(tag, buffer);
            buffer[written] = Separator;
            data.CopyTo(buffer[(written + 1)..]);
            Hashes.Sha256(buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The bytes that precede the data: <c>ASCII(tag) ‖ 0x00</c>.</summary>
    /// <param name="tag">The ASCII domain tag.</param>
    /// <returns>The prefix.</returns>
    internal static byte[] Prefix(string tag) => [.. Encoding.ASCII.GetBytes(tag), Separator];

    /// <summary>Computes <c>DH(tag, data)</c>.</summary>
    /// <param name="tag">The ASCII domain tag.</param>
    /// <param name="data">The data.</param>
    /// <returns>The 32-byte digest.</returns>
    internal static byte[] Compute(string tag, ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[Hashes.DigestSize];
        Compute(tag, data, digest);
        return digest;
    }

    /// <summary>
    /// Computes <c>DH(tag, left ‖ right)</c> for two 32-byte digests without allocating: the
    /// Merkle node shape, the hot loop of proof verification.
    /// </summary>
    /// <param name="prefix">The framing prefix from <see cref="Prefix"/>: <c>ASCII(tag) ‖ 0x00</c> (at most 64 bytes).</param>
    /// <param name="left">The left 32-byte child.</param>
    /// <param name="right">The right 32-byte child.</param>
    /// <param name="destination">Receives the digest; may overlap either child.</param>
    internal static void ComputePair(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[64 + 64];
        prefix.CopyTo(buffer);
        int written = prefix.Length;
        left.CopyTo(buffer[written..]);
        right.CopyTo(buffer[(written + 32)..]);
        ReadOnlySpan<byte> input = buffer[..(written + 64)];

        // Local speed-up (see the Attesto report): Shared.Crypto.Hashes offers only one-shot
        // SHA-256, whose per-call setup dominates a 2-block hash; a per-thread platform
        // IncrementalHash reuses its context. Same platform SHA-256, same bytes.
        IncrementalHash sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(input);
        if (!sha.TryGetHashAndReset(destination, out _))
        {
            Hashes.Sha256(input, destination);
        }
    }

    [ThreadStatic]
    private static IncrementalHash? t_sha256;
}
