using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// The hybrid scheme of spec §3–4 (Shared.Crypto's <see cref="HybridEnvelope"/>: a fresh 32-byte
/// AES key and 12-byte nonce per message, AES-256-GCM with a separate 16-byte tag, the key
/// wrapped with RSA-OAEP-SHA256) with the per-client <see cref="NomyoClientOptions.SecureMemory"/>
/// switch, and every crypto failure mapped to <see cref="NomyoSecurityException"/>.
/// </summary>
internal static class HybridCodec
{
    /// <summary>Encrypts a plaintext for <paramref name="recipient"/>.</summary>
    internal static HybridEnvelopeParts Seal(ReadOnlySpan<byte> plaintext, RsaPublicKey recipient, bool lockMemory)
    {
        try
        {
            return HybridEnvelope.Seal(recipient, plaintext, lockMemory);
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.EncryptionFailed, "Encryption operation failed.", ex);
        }
    }

    /// <summary>
    /// Decrypts into a secure buffer the caller disposes. An unwrapped key that is not AES-256 is
    /// reported as a possible downgrade; any other failure (wrong key, altered data) is one opaque
    /// <see cref="NomyoSecurityException"/>.
    /// </summary>
    internal static SecureBuffer Open(HybridEnvelopeParts parts, RsaPrivateKey recipient, bool lockMemory)
    {
        try
        {
            return HybridEnvelope.Open(recipient, parts, lockMemory);
        }
        catch (CryptoFormatException ex)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.Downgrade, $"Decryption failed: {ex.Message} (possible downgrade).", ex);
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.Tampered, "Decryption failed: integrity check or authentication failed.", ex);
        }
    }
}
