namespace Shared.Crypto;

/// <summary>The four parts of a hybrid envelope, each as raw bytes.</summary>
/// <param name="EncryptedKey">The AES-256 key wrapped with RSA-OAEP-SHA256 (as long as the RSA modulus).</param>
/// <param name="Nonce">The 12-byte AES-GCM nonce.</param>
/// <param name="Ciphertext">The AES-256-GCM ciphertext (as long as the plaintext).</param>
/// <param name="Tag">The 16-byte AES-GCM authentication tag.</param>
public sealed record HybridEnvelopeParts(byte[] EncryptedKey, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
