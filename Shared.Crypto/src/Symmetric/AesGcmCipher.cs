using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Shared.Crypto;

/// <summary>
/// AES-GCM with a 12-byte nonce and a 16-byte tag, over BouncyCastle's hardware-accelerated
/// AES engine. AES-256 (32-byte key) is the default; 16- and 24-byte keys are accepted only
/// when the caller opts in with <c>allowShortKeys</c>. Stateless and thread-safe.
/// Each call hands the key to a fresh BouncyCastle engine, which keeps its own unwiped copies
/// (key parameter, GCM's nonce-reuse copy, round keys, GHASH subkey) until the GC reuses the
/// memory; BouncyCastle offers no way to clear them. See the package README, "Secure memory".
/// </summary>
public static class AesGcmCipher
{
    /// <summary>The AES-256 key length in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>The nonce length in bytes.</summary>
    public const int NonceSize = 12;

    /// <summary>The authentication tag length in bytes.</summary>
    public const int TagSize = 16;

    /// <summary>Encrypts, writing the ciphertext and the tag to separate buffers.</summary>
    /// <param name="key">A 32-byte key (16 or 24 with <paramref name="allowShortKeys"/>).</param>
    /// <param name="nonce">A 12-byte nonce, never reused with the same key.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="ciphertext">Exactly as long as <paramref name="plaintext"/>.</param>
    /// <param name="tag">Exactly 16 bytes.</param>
    /// <param name="associatedData">Authenticated but unencrypted data; empty for none.</param>
    /// <param name="allowShortKeys">Whether AES-128 and AES-192 keys are accepted.</param>
    /// <exception cref="ArgumentException">A length is wrong; the message names the argument.</exception>
    public static void Encrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        Span<byte> ciphertext,
        Span<byte> tag,
        ReadOnlySpan<byte> associatedData = default,
        bool allowShortKeys = false)
    {
        CheckKeyAndNonce(key, nonce, allowShortKeys);
        CheckLength(ciphertext.Length, plaintext.Length, nameof(ciphertext), "the plaintext");
        CheckLength(tag.Length, TagSize, nameof(tag), "the tag size");

        var gcm = Create(forEncryption: true, key, nonce, associatedData);
        int written = gcm.ProcessBytes(plaintext, ciphertext);
        // DoFinal emits the ciphertext of any buffered partial block, then the tag.
        int tail = plaintext.Length - written;
        Span<byte> final = tail + TagSize <= 64 ? stackalloc byte[tail + TagSize] : new byte[tail + TagSize];
        gcm.DoFinal(final);
        final[..tail].CopyTo(ciphertext[written..]);
        final.Slice(tail, TagSize).CopyTo(tag);
    }

    /// <summary>Encrypts and returns <c>ciphertext ‖ tag</c> in one array.</summary>
    /// <param name="key">A 32-byte key (16 or 24 with <paramref name="allowShortKeys"/>).</param>
    /// <param name="nonce">A 12-byte nonce, never reused with the same key.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="associatedData">Authenticated but unencrypted data; empty for none.</param>
    /// <param name="allowShortKeys">Whether AES-128 and AES-192 keys are accepted.</param>
    /// <returns>The ciphertext followed by the 16-byte tag.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static byte[] EncryptCombined(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData = default,
        bool allowShortKeys = false)
    {
        byte[] output = new byte[plaintext.Length + TagSize];
        Encrypt(key, nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), associatedData, allowShortKeys);
        return output;
    }

    /// <summary>Decrypts a ciphertext whose tag is kept separately.</summary>
    /// <param name="key">The key used to encrypt.</param>
    /// <param name="nonce">The 12-byte nonce used to encrypt.</param>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="tag">The 16-byte tag.</param>
    /// <param name="plaintext">Exactly as long as <paramref name="ciphertext"/>; wiped if authentication fails.</param>
    /// <param name="associatedData">The associated data used to encrypt; empty for none.</param>
    /// <param name="allowShortKeys">Whether AES-128 and AES-192 keys are accepted.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    /// <exception cref="CryptoAuthenticationException">The tag does not match: something was altered or the key is wrong.</exception>
    public static void Decrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> tag,
        Span<byte> plaintext,
        ReadOnlySpan<byte> associatedData = default,
        bool allowShortKeys = false)
    {
        CheckKeyAndNonce(key, nonce, allowShortKeys);
        CheckLength(tag.Length, TagSize, nameof(tag), "the tag size");
        CheckLength(plaintext.Length, ciphertext.Length, nameof(plaintext), "the ciphertext");

        var gcm = Create(forEncryption: false, key, nonce, associatedData);
        try
        {
            // GCM holds back the last 16 input bytes as the tag, so feeding the tag after the
            // ciphertext avoids concatenating the two.
            int written = gcm.ProcessBytes(ciphertext, plaintext);
            written += gcm.ProcessBytes(tag, plaintext[written..]);
            gcm.DoFinal(plaintext[written..]);
        }
        catch (InvalidCipherTextException ex)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
            throw new CryptoAuthenticationException("AES-GCM authentication failed: the tag does not match (wrong key, nonce or associated data, or altered ciphertext or tag).", ex);
        }
    }

    /// <summary>Decrypts <c>ciphertext ‖ tag</c> as produced by <see cref="EncryptCombined"/>.</summary>
    /// <param name="key">The key used to encrypt.</param>
    /// <param name="nonce">The 12-byte nonce used to encrypt.</param>
    /// <param name="ciphertextAndTag">The ciphertext followed by the 16-byte tag.</param>
    /// <param name="associatedData">The associated data used to encrypt; empty for none.</param>
    /// <param name="allowShortKeys">Whether AES-128 and AES-192 keys are accepted.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    /// <exception cref="CryptoAuthenticationException">The tag does not match.</exception>
    public static byte[] DecryptCombined(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextAndTag,
        ReadOnlySpan<byte> associatedData = default,
        bool allowShortKeys = false)
    {
        if (ciphertextAndTag.Length < TagSize)
        {
            throw new ArgumentException($"The input must hold at least the {TagSize}-byte tag; it holds {ciphertextAndTag.Length} bytes.", nameof(ciphertextAndTag));
        }

        int length = ciphertextAndTag.Length - TagSize;
        byte[] plaintext = new byte[length];
        Decrypt(key, nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plaintext, associatedData, allowShortKeys);
        return plaintext;
    }

    private static GcmBlockCipher Create(bool forEncryption, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        var gcm = new GcmBlockCipher(AesUtilities.CreateEngine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce.ToArray()));
        if (!associatedData.IsEmpty)
        {
            gcm.ProcessAadBytes(associatedData);
        }

        return gcm;
    }

    private static void CheckKeyAndNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, bool allowShortKeys)
    {
        bool keyOk = key.Length == KeySize || (allowShortKeys && key.Length is 16 or 24);
        if (!keyOk)
        {
            string expected = allowShortKeys ? "16, 24 or 32 bytes" : $"{KeySize} bytes (AES-256; pass allowShortKeys to use AES-128/192)";
            throw new ArgumentException($"The AES key must be {expected}; got {key.Length}.", nameof(key));
        }

        CheckLength(nonce.Length, NonceSize, nameof(nonce), "the nonce size");
    }

    private static void CheckLength(int actual, int expected, string paramName, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"'{paramName}' must be {expected} bytes ({what}); got {actual}.", paramName);
        }
    }
}
