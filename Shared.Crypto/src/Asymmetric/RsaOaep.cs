using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

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
    /// Refuses a private key whose CRT values do not belong together: n = p·q, d = e⁻¹ modulo p−1
    /// and q−1, dP = d mod (p−1), dQ = d mod (q−1), qInv·q ≡ 1 (mod p). BouncyCastle checks only
    /// that they are positive, so a key file corrupted inside a number (or an encrypted one whose
    /// garbled block still decrypts to valid DER) would load and fail later, and a CRT
    /// computation with one wrong value is the classic fault that leaks p.
    /// </summary>
    internal static void CheckConsistency(RsaPrivateCrtKeyParameters key)
    {
        BigInteger one = BigInteger.One;
        BigInteger p = key.P, q = key.Q;
        if (p.CompareTo(one) <= 0 || q.CompareTo(one) <= 0 || !p.Multiply(q).Equals(key.Modulus))
        {
            throw Inconsistent("its primes do not multiply to its modulus");
        }

        BigInteger p1 = p.Subtract(one), q1 = q.Subtract(one);
        if (!key.Exponent.Mod(p1).Equals(key.DP) || !key.Exponent.Mod(q1).Equals(key.DQ))
        {
            throw Inconsistent("its CRT exponents do not match its private exponent");
        }

        if (!key.PublicExponent.Multiply(key.DP).Mod(p1).Equals(one) || !key.PublicExponent.Multiply(key.DQ).Mod(q1).Equals(one))
        {
            throw Inconsistent("its private exponent is not the inverse of its public exponent");
        }

        if (!key.QInv.Multiply(q).Mod(p).Equals(one))
        {
            throw Inconsistent("its CRT coefficient is not the inverse of q modulo p");
        }
    }

    private static CryptoKeyException Inconsistent(string what) =>
        new($"The RSA private key is inconsistent: {what}. The key file is corrupted or was altered.");

    /// <summary>
    /// Refuses an exponent under 65537 or even (spec nomyo §12a.2 "sane exponent"). BouncyCastle
    /// accepts e = 1, and with e = 1 "encryption" returns the padded plaintext: anyone who sees the
    /// ciphertext recovers the wrapped key.
    /// </summary>
    internal static void CheckPublicExponent(BigInteger exponent)
    {
        if (exponent.CompareTo(BigInteger.ValueOf(MinimumPublicExponent)) < 0)
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
