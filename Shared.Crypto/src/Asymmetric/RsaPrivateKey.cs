using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Shared.Crypto;

/// <summary>
/// An RSA private key (with its CRT values, which make decryption about three times faster)
/// for RSA-OAEP-SHA256 decryption. Thread-safe.
/// </summary>
public sealed class RsaPrivateKey
{
    /// <summary>The key size this package generates by default.</summary>
    public const int DefaultKeySizeBits = 4096;

    private readonly RsaPrivateCrtKeyParameters _parameters;

    private RsaPrivateKey(RsaPrivateCrtKeyParameters parameters)
    {
        RsaOaep.CheckKeySize(parameters);
        RsaOaep.CheckConsistency(parameters);
        _parameters = parameters;
        PublicKey = new RsaPublicKey(new RsaKeyParameters(false, parameters.Modulus, parameters.PublicExponent));
    }

    /// <summary>The matching public key.</summary>
    public RsaPublicKey PublicKey { get; }

    /// <summary>The modulus size in bits.</summary>
    public int KeySizeBits => _parameters.Modulus.BitLength;

    /// <summary>
    /// Generates a new key with public exponent 65537. A 4096-bit key takes from a fraction of a
    /// second to several seconds; run it off latency-sensitive threads.
    /// </summary>
    /// <param name="keySizeBits">The modulus size: at least 2048 and a multiple of 8; 4096 by default.</param>
    /// <returns>The new key.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is under 2048 bits or not a multiple of 8.</exception>
    public static RsaPrivateKey Generate(int keySizeBits = DefaultKeySizeBits)
    {
        if (keySizeBits < RsaOaep.MinimumKeySizeBits || keySizeBits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keySizeBits), keySizeBits,
                $"RSA key size must be at least {RsaOaep.MinimumKeySizeBits} bits and a multiple of 8.");
        }

        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), new SecureRandom(), keySizeBits, 100));
        return new RsaPrivateKey((RsaPrivateCrtKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>
    /// Reads a PEM private key: PKCS#8 (<c>PRIVATE KEY</c>), password-encrypted PKCS#8
    /// (<c>ENCRYPTED PRIVATE KEY</c>) or PKCS#1 (<c>RSA PRIVATE KEY</c>).
    /// </summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="password">The password for an encrypted key; null for a plain one.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoFormatException">The text is not a PEM private key.</exception>
    /// <exception cref="CryptoKeyException">The password is missing or wrong, the key is not RSA, lacks CRT values, has CRT values that do not belong together (a corrupted file), or is under 2048 bits.</exception>
    public static RsaPrivateKey FromPem(string pem, string? password = null)
    {
        var key = PemCodec.ReadPrivateKey(pem, password);
        return key switch
        {
            RsaPrivateCrtKeyParameters crt => new RsaPrivateKey(crt),
            RsaKeyParameters => throw new CryptoKeyException("The RSA private key has no CRT values; re-export it as PKCS#8."),
            _ => throw new CryptoKeyException($"The PEM private key is not an RSA key (it is {PemCodec.Describe(key)})."),
        };
    }

    /// <summary>Decrypts an RSA-OAEP-SHA256 (MGF1-SHA256, empty label) ciphertext.</summary>
    /// <param name="ciphertext">Exactly as long as the modulus.</param>
    /// <returns>The plaintext. The caller owns it and should wipe it when it is a key.</returns>
    /// <exception cref="CryptoFormatException">The ciphertext has the wrong length.</exception>
    /// <exception cref="CryptoAuthenticationException">The ciphertext was not made for this key or was altered.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> ciphertext) => RsaOaep.Decrypt(_parameters, ciphertext);

    /// <summary>
    /// Writes the key as PKCS#8 PEM: plain (<c>PRIVATE KEY</c>) without a password, or
    /// <c>ENCRYPTED PRIVATE KEY</c> with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) with one.
    /// </summary>
    /// <param name="password">The password, or null for an unencrypted key. Must not be empty.</param>
    /// <returns>The PEM text with <c>\n</c> line ends.</returns>
    /// <exception cref="ArgumentException">The password is empty.</exception>
    public string ToPem(string? password = null) => PemCodec.WritePrivateKey(_parameters, password);
}
