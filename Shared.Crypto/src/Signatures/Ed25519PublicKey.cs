using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Shared.Crypto;

/// <summary>
/// An Ed25519 public key (RFC 8032), decoded once and kept: the decoded curve point is cached,
/// so repeated <see cref="Verify"/> calls cost only the verification. Immutable and safe to
/// share between threads.
/// </summary>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    /// <summary>The length of a raw public key in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>The length of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    private readonly byte[] _raw;

    internal Ed25519PublicKey(Ed25519PublicKeyParameters parameters)
    {
        Parameters = parameters;
        _raw = parameters.GetEncoded();
    }

    internal Ed25519PublicKeyParameters Parameters { get; }

    /// <summary>Reads a raw 32-byte public key.</summary>
    /// <param name="raw">Exactly 32 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The key is not 32 bytes or is not a valid curve point encoding.</exception>
    public static Ed25519PublicKey FromRaw(ReadOnlySpan<byte> raw)
    {
        if (raw.Length != KeySize)
        {
            throw new CryptoFormatException($"Ed25519 public key must be {KeySize} bytes; got {raw.Length}.");
        }

        try
        {
            // The constructor decodes and validates the point, so a bad key fails here.
            return new Ed25519PublicKey(new Ed25519PublicKeyParameters(raw));
        }
        catch (ArgumentException ex)
        {
            throw new CryptoFormatException("Ed25519 public key is not a valid curve point encoding.", ex);
        }
    }

    /// <summary>Reads a public key written as 64 hex digits (either case).</summary>
    /// <param name="hex">The hex text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is not 64 hex digits or not a valid key.</exception>
    public static Ed25519PublicKey FromHex(string hex) => FromRaw(Hex.DecodeAnyCase(hex, "Ed25519 public key (hex)"));

    /// <summary>Reads a public key written as strict base64 of the 32 raw bytes.</summary>
    /// <param name="base64">The base64 text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is not strict base64 of 32 bytes or not a valid key.</exception>
    public static Ed25519PublicKey FromBase64(string base64) => FromRaw(StrictBase64.Decode(base64, "Ed25519 public key (base64)"));

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo, OID 1.3.101.112).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is not a PEM public key or the key is not Ed25519.</exception>
    public static Ed25519PublicKey FromPem(string pem)
    {
        var key = PemCodec.ReadPublicKey(pem);
        return key is Ed25519PublicKeyParameters ed
            ? new Ed25519PublicKey(ed)
            : throw new CryptoFormatException($"The PEM public key is not an Ed25519 key (it is {PemCodec.Describe(key)}).");
    }

    /// <summary>
    /// Reads a public key from any of the accepted text forms: 64 hex digits, base64 of 32
    /// bytes, or a PEM <c>PUBLIC KEY</c> block.
    /// </summary>
    /// <param name="text">The key text (surrounding whitespace is ignored).</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is none of the accepted forms.</exception>
    public static Ed25519PublicKey Parse(string text)
    {
        if (text is null)
        {
            throw new CryptoFormatException("Ed25519 public key text is null.");
        }

        string trimmed = text.Trim();
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return FromPem(trimmed);
        }

        if (trimmed.Length == KeySize * 2)
        {
            return FromHex(trimmed);
        }

        if (trimmed.Length == 44)
        {
            return FromBase64(trimmed);
        }

        throw new CryptoFormatException(
            $"Ed25519 public key text of length {trimmed.Length} is neither 64 hex digits, 44 base64 characters, nor a PEM block.");
    }

    /// <summary>
    /// Verifies an Ed25519 signature. Returns false (never throws) when the signature does not
    /// match the message and key.
    /// </summary>
    /// <param name="message">The signed bytes.</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <returns>Whether the signature is valid for this key and message.</returns>
    /// <exception cref="CryptoFormatException">The signature is not 64 bytes long (malformed input, not a failed verification).</exception>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            throw new CryptoFormatException($"Ed25519 signature must be {SignatureSize} bytes; got {signature.Length}.");
        }

        return Parameters.Verify(Ed25519.Algorithm.Ed25519, null, message, signature);
    }

    /// <summary>
    /// The one strict Ed25519 acceptance rule (lucairn-chain spec §4): the signature is exactly
    /// 64 bytes, S (bytes 32–63) is below the group order L, R's y is below p, R is not one of the
    /// small-order points, and then the cofactorless equation holds. BouncyCastle's verifier
    /// already refuses S ≥ L and a non-canonical R y and checks <c>encode([S]B − [k]A) == R</c>
    /// byte for byte (cofactorless); it does not refuse a small-order R, which a signer who knows
    /// the private key can produce, so that pre-check is added here (the others are repeated as
    /// cheap byte compares so the rule does not depend on the library version). Never throws for
    /// a bad signature: every refusal is <c>false</c>. The key itself should have passed
    /// <see cref="Ed25519KeyPolicy"/> (canonical, not small order).
    /// </summary>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature; any length other than 64 bytes is refused.</param>
    /// <returns>Whether the signature is accepted.</returns>
    public bool VerifyStrict(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        ReadOnlySpan<byte> r = signature[..32];
        if (!Ed25519Curve.IsCanonicalScalar(signature[32..]) || !Ed25519Curve.IsCanonicalY(r) || Ed25519Curve.IsSmallOrder(r))
        {
            return false;
        }

        return Parameters.Verify(Ed25519.Algorithm.Ed25519, null, message, signature);
    }

    /// <summary>Returns a copy of the raw 32-byte key.</summary>
    /// <returns>The key bytes.</returns>
    public byte[] ToArray() => (byte[])_raw.Clone();

    /// <summary>The raw key as lowercase hex.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public string ToHex() => Hex.Encode(_raw);

    /// <summary>The raw key as base64.</summary>
    /// <returns>44 base64 characters.</returns>
    public string ToBase64() => StrictBase64.Encode(_raw);

    /// <summary>The key as a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemCodec.WritePublicKey(Parameters);

    /// <inheritdoc />
    public bool Equals(Ed25519PublicKey? other) => other is not null && _raw.AsSpan().SequenceEqual(other._raw);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_raw, 0);

    /// <summary>The key as lowercase hex.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public override string ToString() => ToHex();
}
