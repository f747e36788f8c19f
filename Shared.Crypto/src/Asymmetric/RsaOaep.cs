using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Shared.Crypto;

/// <summary>RSA-OAEP with SHA-256 for both the label hash and MGF1, and an empty label.</summary>
internal static class RsaOaep
{
    internal const int MinimumKeySizeBits = 2048;

    /// <summary>The smallest public exponent accepted (F4, what every sane generator uses).</summary>
    internal const int MinimumPublicExponent = 65537;

    internal static byte[] Encrypt(RsaKeyParameters publicKey, ReadOnlySpan<byte> plaintext) =>
        Encrypt(CreateEngine(forEncryption: true, publicKey), publicKey.Modulus.BitLength, plaintext);

    /// <summary>
    /// Encrypts through <paramref name="engine"/> (an initialised OAEP encoder; a seam for tests).
    /// The plaintext is usually an AES key: BouncyCastle wants an array, so it gets a copy that is
    /// wiped before return. The engine's own padded block and BigIntegers cannot be wiped (see README).
    /// </summary>
    internal static byte[] Encrypt(IAsymmetricBlockCipher engine, int modulusBits, ReadOnlySpan<byte> plaintext)
    {
        int max = engine.GetInputBlockSize();
        if (plaintext.Length > max)
        {
            throw new ArgumentException(
                $"RSA-OAEP-SHA256 with a {modulusBits}-bit key can encrypt at most {max} bytes; got {plaintext.Length}.",
                nameof(plaintext));
        }

        byte[] input = new byte[plaintext.Length];
        try
        {
            plaintext.CopyTo(input);
            return engine.ProcessBlock(input, 0, input.Length);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(input);
        }
    }

    internal static byte[] Decrypt(RsaKeyParameters privateKey, ReadOnlySpan<byte> ciphertext)
    {
        var engine = CreateEngine(forEncryption: false, privateKey);
        int expected = (privateKey.Modulus.BitLength + 7) / 8;
        if (ciphertext.Length != expected)
        {
            throw new CryptoFormatException($"RSA-OAEP ciphertext must be {expected} bytes for this key; got {ciphertext.Length}.");
        }

        try
        {
            return engine.ProcessBlock(ciphertext.ToArray(), 0, ciphertext.Length);
        }
        catch (InvalidCipherTextException ex)
        {
            throw new CryptoAuthenticationException("RSA-OAEP decryption failed: the ciphertext was not made for this key or was altered.", ex);
        }
        catch (DataLengthException ex)
        {
            throw new CryptoAuthenticationException("RSA-OAEP decryption failed: the ciphertext is out of range for this key.", ex);
        }
    }

    internal static void CheckKeySize(RsaKeyParameters key)
    {
        if (key.Modulus.BitLength < MinimumKeySizeBits)
        {
            throw new CryptoKeyException($"RSA key of {key.Modulus.BitLength} bits is too small; at least {MinimumKeySizeBits} bits are required.");
        }
    }

    /// <summary>
    /// Refuses an exponent under 65537 or even (spec nomyo §12a.2 "sane exponent"). BouncyCastle
    /// accepts e = 1, and with e = 1 "encryption" returns the padded plaintext: anyone who sees the
    /// ciphertext recovers the wrapped key.
    /// </summary>
    internal static void CheckPublicExponent(Org.BouncyCastle.Math.BigInteger exponent)
    {
        if (exponent.CompareTo(Org.BouncyCastle.Math.BigInteger.ValueOf(MinimumPublicExponent)) < 0)
        {
            throw new CryptoKeyException($"RSA public exponent {exponent} is less than {MinimumPublicExponent}; such a key is refused (a small exponent such as 1 or 3 makes RSA-OAEP unsafe).");
        }

        if (!exponent.TestBit(0))
        {
            throw new CryptoKeyException($"RSA public exponent {exponent} is even; such a key is refused (an RSA exponent must be odd).");
        }
    }

    internal static OaepEncoding CreateEngine(bool forEncryption, RsaKeyParameters key)
    {
        var oaep = new OaepEncoding(new RsaBlindedEngine(), new Sha256Digest(), new Sha256Digest(), null);
        oaep.Init(forEncryption, key);
        return oaep;
    }
}
