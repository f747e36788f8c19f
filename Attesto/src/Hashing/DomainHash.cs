using Shared.Crypto;
using System.Text;

namespace Attesto;

/// <summary>
/// The single PROPOSED domain-separation primitive (spec §7):
/// <c>DH(tag, data) = SHA-256(ASCII(tag) ‖ 0x00 ‖ data)</c>, computed with the platform SHA-256.
/// Every tagged hash in the SDK goes through here, so a correction of the framing is one edit.
/// </summary>
internal static class DomainHash
{
    /// <summary>The byte between the tag and the data.</summary>
    internal const byte Separator = 0x00;

    private const int MaxTagLength = 128;

    /// <summary>Computes <c>DH(tag, data)</c> into <paramref name="destination"/> (32 bytes).</summary>
    /// <param name="tag">The ASCII domain tag (at most 128 characters).</param>
    /// <param name="data">The data.</param>
    /// <param name="destination">Receives the 32-byte digest.</param>
    internal static void Compute(string tag, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (tag.Length > MaxTagLength)
        {
            throw new AttestoValidationException($"Domain tag is longer than {MaxTagLength} characters.", nameof(tag));
        }

        Span<byte> prefix = stackalloc byte[tag.Length + 1];
        Encoding.ASCII.GetBytes(tag, prefix);
        prefix[^1] = Separator;
        Hashes.Sha256(prefix, data, ReadOnlySpan<byte>.Empty, destination);
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
        // Every part is consumed before the digest is written, so the destination may overlap.
        Hashes.Sha256(prefix, left, right, destination);
    }
}
