using System.Buffers;
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
    /// Merkle node shape.
    /// </summary>
    /// <param name="tag">The ASCII domain tag.</param>
    /// <param name="left">The left 32-byte child.</param>
    /// <param name="right">The right 32-byte child.</param>
    /// <param name="destination">Receives the digest; may overlap either child.</param>
    internal static void ComputePair(string tag, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[64 + 64];
        int written = Encoding.ASCII.GetBytes(tag, buffer);
        buffer[written++] = Separator;
        left.CopyTo(buffer[written..]);
        right.CopyTo(buffer[(written + 32)..]);
        Hashes.Sha256(buffer[..(written + 64)], destination);
    }
}
