using System.Security.Cryptography;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// The hybrid scheme of spec §3–4 with per-client memory locking: a fresh 32-byte AES key and
/// 12-byte nonce per message, AES-256-GCM with a separate 16-byte tag and no AAD, the key
/// wrapped with RSA-OAEP-SHA256. The AES key only lives in a <see cref="SecureBuffer"/>.
/// (Shared.Crypto's <c>HybridEnvelope</c> follows the process-wide lock switch; NOMYO needs the
/// per-client <see cref="NomyoClientOptions.SecureMemory"/>.)
/// </summary>
internal static class HybridCodec
{
    /// <summary>Encrypts a plaintext for <paramref name="recipient"/>.</summary>
    internal static HybridEnvelopeParts Seal(ReadOnlySpan<byte> plaintext, RsaPublicKey recipient, bool lockMemory)
    {
        using var key = new SecureBuffer(AesGcmCipher.KeySize, lockMemory);
        RandomNumberGenerator.Fill(key.Span);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcmCipher.NonceSize);
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[AesGcmCipher.TagSize];
        AesGcmCipher.Encrypt(key.Span, nonce, plaintext, ciphertext, tag);
        return new HybridEnvelopeParts(recipient.Encrypt(key.Span), nonce, ciphertext, tag);
    }

    /// <summary>
    /// Decrypts into a secure buffer the caller disposes. Any failure (wrong key, altered data,
    /// an unwrapped key that is not exactly 32 bytes) is one opaque <see cref="NomyoSecurityException"/>.
    /// </summary>
    internal static SecureBuffer Open(HybridEnvelopeParts parts, RsaPrivateKey recipient, bool lockMemory)
    {
        SecureBuffer? plaintext = null;
        try
        {
            using var key = SecureBuffer.TakeOwnership(recipient.Decrypt(parts.EncryptedKey), lockMemory);
            if (key.Length != AesGcmCipher.KeySize)
            {
                throw new NomyoSecurityException(
                    $"Decryption failed: the response's AES key is {key.Length * 8} bits; only AES-256 (32 bytes) is accepted (possible downgrade).");
            }

            plaintext = new SecureBuffer(parts.Ciphertext.Length, lockMemory);
            AesGcmCipher.Decrypt(key.Span, parts.Nonce, parts.Ciphertext, parts.Tag, plaintext.Span);
            return plaintext;
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException)
        {
            plaintext?.Dispose();
            throw new NomyoSecurityException("Decryption failed: integrity check or authentication failed.", ex);
        }
        catch
        {
            plaintext?.Dispose();
            throw;
        }
    }
}
