using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Shared.Crypto;

/// <summary>
/// An Ed25519 private key, for signing in emulators, tests and tools. Its public half is
/// derived once and exposed as <see cref="PublicKey"/>. Thread-safe.
/// </summary>
public sealed class Ed25519PrivateKey
{
    /// <summary>The length of the private seed in bytes.</summary>
    public const int SeedSize = 32;

    private readonly Ed25519PrivateKeyParameters _parameters;

    private Ed25519PrivateKey(Ed25519PrivateKeyParameters parameters)
    {
        _parameters = parameters;
        PublicKey = new Ed25519PublicKey(parameters.GeneratePublicKey());
    }

    /// <summary>The matching public key.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>Generates a fresh key from the system's secure random generator.</summary>
    /// <returns>The new key.</returns>
    public static Ed25519PrivateKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>
    /// Reads a private key from its 32-byte seed, or from the 64-byte form (seed followed by the
    /// public key) that many tools store; in the latter case the stored public half must match.
    /// </summary>
    /// <param name="key">32 or 64 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The length is wrong, or the stored public half does not match the seed.</exception>
    public static Ed25519PrivateKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (SeedSize or SeedSize * 2))
        {
            throw new CryptoFormatException($"Ed25519 private key must be a {SeedSize}-byte seed or {SeedSize * 2} bytes (seed + public key); got {key.Length}.");
        }

        var result = new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(key[..SeedSize]));
        if (key.Length == SeedSize * 2 && !key[SeedSize..].SequenceEqual(result.PublicKey.ToArray()))
        {
            throw new CryptoFormatException("Ed25519 private key: the stored public half does not match the seed.");
        }

        return result;
    }

    /// <summary>Signs a message (pure Ed25519, no context).</summary>
    /// <param name="message">The bytes to sign.</param>
    /// <returns>The 64-byte signature.</returns>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] signature = new byte[Ed25519PublicKey.SignatureSize];
        _parameters.Sign(Ed25519.Algorithm.Ed25519, null, message, signature);
        return signature;
    }

    /// <summary>Returns a copy of the 32-byte seed. Handle it as a secret.</summary>
    /// <returns>The seed.</returns>
    public byte[] ExportSeed() => _parameters.GetEncoded();
}
