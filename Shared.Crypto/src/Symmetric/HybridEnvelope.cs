using System.Security.Cryptography;

namespace Shared.Crypto;

/// <summary>
/// Hybrid encryption: a fresh AES-256 key and 12-byte nonce per message encrypt the payload
/// with AES-256-GCM, and the AES key is wrapped with RSA-OAEP-SHA256 for the recipient.
/// The SDK keeps the AES key in a <see cref="SecureBuffer"/> that is wiped before return, and
/// wipes the copies it makes itself; BouncyCastle's own per-call copies (its key parameter, GCM's
/// nonce-reuse copy, the AES round keys, the OAEP block) cannot be wiped: see the package README.
/// </summary>
public static class HybridEnvelope
{
    /// <summary>Encrypts a message for the holder of <paramref name="recipient"/>'s private key.</summary>
    /// <param name="recipient">The recipient's RSA public key.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="lockMemory">Whether the AES key's buffer is locked in RAM; defaults to <see cref="SecureMemory.IsEnabled"/>.</param>
    /// <returns>The wrapped key, nonce, ciphertext and tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    public static HybridEnvelopeParts Seal(RsaPublicKey recipient, ReadOnlySpan<byte> plaintext, bool? lockMemory = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);

        using var key = new SecureBuffer(AesGcmCipher.KeySize, lockMemory);
        RandomNumberGenerator.Fill(key.Span);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcmCipher.NonceSize);
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[AesGcmCipher.TagSize];
        AesGcmCipher.Encrypt(key.Span, nonce, plaintext, ciphertext, tag);
        byte[] encryptedKey = recipient.Encrypt(key.Span);
        return new HybridEnvelopeParts(encryptedKey, nonce, ciphertext, tag);
    }

    /// <summary>
    /// Decrypts an envelope into a <see cref="SecureBuffer"/> the caller must dispose (which
    /// wipes the plaintext). The unwrapped AES key must be exactly 32 bytes.
    /// </summary>
    /// <param name="recipient">The recipient's RSA private key.</param>
    /// <param name="envelope">The envelope parts.</param>
    /// <param name="lockMemory">Whether the key and plaintext buffers are locked in RAM; defaults to <see cref="SecureMemory.IsEnabled"/>.</param>
    /// <returns>The plaintext in a secure buffer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CryptoFormatException">A part has the wrong length, or the unwrapped key is not an AES-256 key.</exception>
    /// <exception cref="CryptoAuthenticationException">The wrapped key was not made for this recipient, or the tag does not match.</exception>
    public static SecureBuffer Open(RsaPrivateKey recipient, HybridEnvelopeParts envelope, bool? lockMemory = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(envelope);
        RequireLength(envelope.Nonce.Length, AesGcmCipher.NonceSize, "nonce");
        RequireLength(envelope.Tag.Length, AesGcmCipher.TagSize, "tag");

        using var key = SecureBuffer.TakeOwnership(UnwrapKey(recipient, envelope.EncryptedKey), lockMemory);
        if (key.Length != AesGcmCipher.KeySize)
        {
            throw new CryptoFormatException(
                $"Hybrid envelope: the unwrapped AES key is {key.Length * 8} bits; only AES-256 (32-byte keys) is accepted.");
        }

        var plaintext = new SecureBuffer(envelope.Ciphertext.Length, lockMemory);
        try
        {
            AesGcmCipher.Decrypt(key.Span, envelope.Nonce, envelope.Ciphertext, envelope.Tag, plaintext.Span);
            return plaintext;
        }
        catch
        {
            plaintext.Dispose();
            throw;
        }
    }

    private static byte[] UnwrapKey(RsaPrivateKey recipient, byte[] encryptedKey)
    {
        try
        {
            return recipient.Decrypt(encryptedKey);
        }
        catch (CryptoFormatException ex)
        {
            // A wrapped key of the wrong size was made for another recipient key.
            throw new CryptoAuthenticationException("Hybrid envelope: the wrapped key was not made for this recipient key.", ex);
        }
    }

    private static void RequireLength(int actual, int expected, string what)
    {
        if (actual != expected)
        {
            throw new CryptoFormatException($"Hybrid envelope: the {what} must be {expected} bytes; got {actual}.");
        }
    }
}
