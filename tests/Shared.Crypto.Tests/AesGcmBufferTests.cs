using System.Security.Cryptography;

namespace Shared.Crypto.Tests;

/// <summary>
/// The separate-buffer form of <see cref="AesGcmCipher"/>: output lengths, partial blocks around
/// the stack/heap tail switch, wiping on failure, and the key-length rule with and without the
/// short-key opt-in.
/// </summary>
public class AesGcmBufferTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = Enumerable.Range(100, 12).Select(i => (byte)i).ToArray();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(31)]
    [TestCase(47)]
    [TestCase(48)]
    [TestCase(49)]
    [TestCase(63)]
    [TestCase(65)]
    [TestCase(100)]
    public void Separate_buffers_agree_with_the_platform_for_every_tail_length(int length)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(length);
        byte[] ciphertext = new byte[length];
        byte[] tag = new byte[16];

        AesGcmCipher.Encrypt(Key, Nonce, plaintext, ciphertext, tag, "ad"u8);

        byte[] expectedCiphertext = new byte[length];
        byte[] expectedTag = new byte[16];
        using (var platform = new AesGcm(Key, 16))
        {
            platform.Encrypt(Nonce, plaintext, expectedCiphertext, expectedTag, "ad"u8);
        }

        Assert.That(ciphertext, Is.EqualTo(expectedCiphertext));
        Assert.That(tag, Is.EqualTo(expectedTag));
        Assert.That(AesGcmCipher.EncryptCombined(Key, Nonce, plaintext, "ad"u8), Is.EqualTo(expectedCiphertext.Concat(expectedTag).ToArray()));

        byte[] decrypted = new byte[length];
        AesGcmCipher.Decrypt(Key, Nonce, ciphertext, tag, decrypted, "ad"u8);
        Assert.That(decrypted, Is.EqualTo(plaintext));
    }

    [Test]
    public void Associated_data_is_authenticated_and_empty_equals_none()
    {
        byte[] withNone = AesGcmCipher.EncryptCombined(Key, Nonce, [1, 2, 3]);
        byte[] withEmpty = AesGcmCipher.EncryptCombined(Key, Nonce, [1, 2, 3], ReadOnlySpan<byte>.Empty);
        byte[] withSome = AesGcmCipher.EncryptCombined(Key, Nonce, [1, 2, 3], "x"u8);

        Assert.That(withEmpty, Is.EqualTo(withNone));
        Assert.That(withSome, Is.Not.EqualTo(withNone));
        Assert.Throws<CryptoAuthenticationException>(() => AesGcmCipher.DecryptCombined(Key, Nonce, withSome));
        Assert.Throws<CryptoAuthenticationException>(() => AesGcmCipher.DecryptCombined(Key, Nonce, withNone, "x"u8));
    }

    [Test]
    public void A_failed_decryption_wipes_the_plaintext_buffer()
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(80);
        byte[] ciphertext = new byte[80];
        byte[] tag = new byte[16];
        AesGcmCipher.Encrypt(Key, Nonce, plaintext, ciphertext, tag);
        tag[0] ^= 1;

        byte[] output = Enumerable.Repeat((byte)0xAA, 80).ToArray();
        var ex = Assert.Throws<CryptoAuthenticationException>(() => AesGcmCipher.Decrypt(Key, Nonce, ciphertext, tag, output));

        Assert.That(output, Is.All.EqualTo(0));
        Assert.That(ex!.Message, Does.Contain("tag does not match"));
        Assert.That(ex.InnerException, Is.Not.Null);
    }

    [Test]
    public void Output_buffers_of_the_wrong_length_are_rejected_with_the_argument_named()
    {
        byte[] plaintext = new byte[10];

        var cipher = Assert.Throws<ArgumentException>(() => AesGcmCipher.Encrypt(Key, Nonce, plaintext, new byte[9], new byte[16]));
        Assert.That(cipher!.ParamName, Is.EqualTo("ciphertext"));
        Assert.That(cipher.Message, Does.Contain("must be 10 bytes (the plaintext); got 9"));

        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Encrypt(Key, Nonce, plaintext, new byte[11], new byte[16]))!.ParamName, Is.EqualTo("ciphertext"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Encrypt(Key, Nonce, plaintext, new byte[10], new byte[12]))!.ParamName, Is.EqualTo("tag"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Encrypt(Key, Nonce, plaintext, new byte[10], new byte[17]))!.ParamName, Is.EqualTo("tag"));

        var plain = Assert.Throws<ArgumentException>(() => AesGcmCipher.Decrypt(Key, Nonce, new byte[10], new byte[16], new byte[9]));
        Assert.That(plain!.ParamName, Is.EqualTo("plaintext"));
        Assert.That(plain.Message, Does.Contain("must be 10 bytes (the ciphertext); got 9"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Decrypt(Key, Nonce, new byte[10], new byte[16], new byte[11]))!.ParamName, Is.EqualTo("plaintext"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Decrypt(Key, Nonce, new byte[10], new byte[17], new byte[10]))!.ParamName, Is.EqualTo("tag"));
    }

    [Test]
    public void Nonces_other_than_12_bytes_are_rejected_in_every_form()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.EncryptCombined(Key, new byte[11], [1]))!.Message, Does.Contain("must be 12 bytes (the nonce size); got 11"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.DecryptCombined(Key, new byte[13], new byte[16]))!.ParamName, Is.EqualTo("nonce"));
    }

    [TestCase(0, false)]
    [TestCase(16, false)]
    [TestCase(31, false)]
    [TestCase(33, false)]
    [TestCase(0, true)]
    [TestCase(15, true)]
    [TestCase(20, true)]
    [TestCase(25, true)]
    [TestCase(64, true)]
    public void Key_lengths_outside_the_allowed_set_are_rejected(int length, bool allowShortKeys)
    {
        var ex = Assert.Throws<ArgumentException>(() => AesGcmCipher.EncryptCombined(new byte[length], Nonce, [1], allowShortKeys: allowShortKeys));

        Assert.That(ex!.ParamName, Is.EqualTo("key"));
        Assert.That(ex.Message, Does.Contain($"got {length}."));
        Assert.That(ex.Message, allowShortKeys
            ? Does.Contain("must be 16, 24 or 32 bytes")
            : Does.Contain("must be 32 bytes (AES-256; pass allowShortKeys to use AES-128/192)"));
        Assert.Throws<ArgumentException>(() => AesGcmCipher.DecryptCombined(new byte[length], Nonce, new byte[17], allowShortKeys: allowShortKeys));
    }

    [Test]
    public void A_32_byte_key_works_with_or_without_the_short_key_opt_in()
    {
        byte[] sealedBytes = AesGcmCipher.EncryptCombined(Key, Nonce, [4, 5, 6], allowShortKeys: true);

        Assert.That(sealedBytes, Is.EqualTo(AesGcmCipher.EncryptCombined(Key, Nonce, [4, 5, 6])));
        Assert.That(AesGcmCipher.DecryptCombined(Key, Nonce, sealedBytes, allowShortKeys: true), Is.EqualTo(new byte[] { 4, 5, 6 }));
    }

    [TestCase(16)]
    [TestCase(24)]
    public void Short_keys_agree_with_the_platform(int keyLength)
    {
        byte[] key = Key.AsSpan(0, keyLength).ToArray();
        byte[] plaintext = [9, 8, 7, 6, 5];
        byte[] expected = new byte[5];
        byte[] expectedTag = new byte[16];
        using (var platform = new AesGcm(key, 16))
        {
            platform.Encrypt(Nonce, plaintext, expected, expectedTag);
        }

        Assert.That(AesGcmCipher.EncryptCombined(key, Nonce, plaintext, allowShortKeys: true), Is.EqualTo(expected.Concat(expectedTag).ToArray()));
    }

    [Test]
    public void The_tag_alone_decrypts_to_an_empty_plaintext()
    {
        byte[] sealedBytes = AesGcmCipher.EncryptCombined(Key, Nonce, []);

        Assert.That(sealedBytes, Has.Length.EqualTo(16));
        Assert.That(AesGcmCipher.DecryptCombined(Key, Nonce, sealedBytes), Is.Empty);
    }
}
