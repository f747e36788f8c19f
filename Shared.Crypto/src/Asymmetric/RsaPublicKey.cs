using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Shared.Crypto;

/// <summary>
/// An RSA public key (at least 2048 bits, odd public exponent of at least 65537) for RSA-OAEP-SHA256 encryption. Immutable and safe
/// to share between threads.
/// </summary>
public sealed class RsaPublicKey
{
    internal RsaPublicKey(RsaKeyParameters parameters)
    {
        RsaOaep.CheckKeySize(parameters);
        RsaOaep.CheckPublicExponent(parameters.Exponent);
        Parameters = parameters;
    }

    internal RsaKeyParameters Parameters { get; }

    /// <summary>The modulus size in bits (4096 for keys this package generates).</summary>
    public int KeySizeBits => Parameters.Modulus.BitLength;

    /// <summary>The largest plaintext <see cref="Encrypt"/> accepts: modulus bytes − 66.</summary>
    public int MaxPlaintextLength => ((KeySizeBits + 7) / 8) - (2 * Hashes.DigestSize) - 2;

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is not a PEM public key.</exception>
    /// <exception cref="CryptoKeyException">The key is not RSA, is smaller than 2048 bits, or its public exponent is under 65537 or even.</exception>
    public static RsaPublicKey FromPem(string pem)
    {
        var key = PemCodec.ReadPublicKey(pem);
        return key is RsaKeyParameters rsa
            ? new RsaPublicKey(rsa)
            : throw new CryptoKeyException($"The PEM public key is not an RSA key (it is {PemCodec.Describe(key)}).");
    }

    /// <summary>Encrypts a short message (a symmetric key) with RSA-OAEP-SHA256, MGF1-SHA256, empty label.</summary>
    /// <param name="plaintext">At most <see cref="MaxPlaintextLength"/> bytes.</param>
    /// <returns>The ciphertext, as long as the modulus.</returns>
    /// <exception cref="ArgumentException">The plaintext is too long for the key.</exception>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext) => RsaOaep.Encrypt(Parameters, plaintext);

    /// <summary>The key as a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo), with <c>\n</c> line ends.</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemCodec.WritePublicKey(Parameters);

    /// <summary>The DER encoding of the SubjectPublicKeyInfo.</summary>
    /// <returns>The DER bytes.</returns>
    public byte[] ToSubjectPublicKeyInfoDer() =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(Parameters).GetDerEncoded();

    /// <summary>SHA-256 of the DER SubjectPublicKeyInfo, as lowercase hex: the usual key pin.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public string GetSpkiSha256Hex() => Hashes.Sha256Hex(ToSubjectPublicKeyInfoDer());
}
