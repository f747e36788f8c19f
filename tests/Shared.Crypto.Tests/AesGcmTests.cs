using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests;

public class AesGcmTests
{
    private static IEnumerable<TestCaseData> Gcm() => KnownAnswers.Cases("gcm-aes256.json");

    [TestCaseSource(nameof(Gcm))]
    public void Encrypt_matches_the_gcm_specification(JObject c)
    {
        byte[] plaintext = KnownAnswers.Bytes(c, "plaintext");
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[AesGcmCipher.TagSize];

        AesGcmCipher.Encrypt(KnownAnswers.Bytes(c, "key"), KnownAnswers.Bytes(c, "iv"), plaintext, ciphertext, tag, KnownAnswers.Bytes(c, "aad"));

        Assert.That(ciphertext, Is.EqualTo(KnownAnswers.Bytes(c, "ciphertext")));
        Assert.That(tag, Is.EqualTo(KnownAnswers.Bytes(c, "tag")));
    }

    [TestCaseSource(nameof(Gcm))]
    public void Decrypt_matches_the_gcm_specification_in_both_forms(JObject c)
    {
        byte[] key = KnownAnswers.Bytes(c, "key");
        byte[] iv = KnownAnswers.Bytes(c, "iv");
        byte[] aad = KnownAnswers.Bytes(c, "aad");
        byte[] ciphertext = KnownAnswers.Bytes(c, "ciphertext");
        byte[] tag = KnownAnswers.Bytes(c, "tag");
        byte[] plaintext = new byte[ciphertext.Length];

        AesGcmCipher.Decrypt(key, iv, ciphertext, tag, plaintext, aad);
        Assert.That(plaintext, Is.EqualTo(KnownAnswers.Bytes(c, "plaintext")));

        byte[] combined = [.. ciphertext, .. tag];
        Assert.That(AesGcmCipher.DecryptCombined(key, iv, combined, aad), Is.EqualTo(KnownAnswers.Bytes(c, "plaintext")));
    }

    [TestCaseSource(nameof(Gcm))]
    public void Any_tampering_fails_authentication(JObject c)
    {
        byte[] key = KnownAnswers.Bytes(c, "key");
        byte[] iv = KnownAnswers.Bytes(c, "iv");
        byte[] aad = KnownAnswers.Bytes(c, "aad");
        byte[] ciphertext = KnownAnswers.Bytes(c, "ciphertext");
        byte[] tag = KnownAnswers.Bytes(c, "tag");

        void Fails(byte[] k, byte[] n, byte[] ct, byte[] t, byte[] a, string what)
        {
            byte[] output = new byte[ct.Length];
            Array.Fill(output, (byte)0xAB);
            Assert.Throws<CryptoAuthenticationException>(() => AesGcmCipher.Decrypt(k, n, ct, t, output, a), what);
            Assert.That(output, Is.All.EqualTo((byte)0), $"{what}: no plaintext may be left behind");
        }

        Fails(key, iv, ciphertext, Flip(tag, 15), aad, "tag");
        Fails(Flip(key, 0), iv, ciphertext, tag, aad, "key");
        Fails(key, Flip(iv, 11), ciphertext, tag, aad, "nonce");
        Fails(key, iv, ciphertext, tag, [.. aad, 0x01], "associated data");
        if (ciphertext.Length > 0)
        {
            Fails(key, iv, Flip(ciphertext, ciphertext.Length - 1), tag, aad, "ciphertext");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(1024)]
    [TestCase(1_048_576 + 3)]
    public void Round_trips_every_length(int length)
    {
        byte[] key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        byte[] nonce = System.Security.Cryptography.RandomNumberGenerator.GetBytes(12);
        byte[] plaintext = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);

        byte[] combined = AesGcmCipher.EncryptCombined(key, nonce, plaintext, "aad"u8);

        Assert.That(combined, Has.Length.EqualTo(length + 16));
        Assert.That(AesGcmCipher.DecryptCombined(key, nonce, combined, "aad"u8), Is.EqualTo(plaintext));
    }

    [Test]
    public void Agrees_with_the_platform_implementation()
    {
        byte[] key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        byte[] nonce = System.Security.Cryptography.RandomNumberGenerator.GetBytes(12);
        byte[] plaintext = System.Security.Cryptography.RandomNumberGenerator.GetBytes(777);
        byte[] ours = AesGcmCipher.EncryptCombined(key, nonce, plaintext, "hdr"u8);

        byte[] theirs = new byte[plaintext.Length];
        byte[] tag = new byte[16];
        using (var platform = new System.Security.Cryptography.AesGcm(key, 16))
        {
            platform.Encrypt(nonce, plaintext, theirs, tag, "hdr"u8);
        }

        Assert.That(ours, Is.EqualTo(theirs.Concat(tag).ToArray()));
    }

    [TestCase(16)]
    [TestCase(24)]
    public void Short_keys_need_an_explicit_opt_in(int keyLength)
    {
        byte[] key = new byte[keyLength];
        byte[] nonce = new byte[12];

        var ex = Assert.Throws<ArgumentException>(() => AesGcmCipher.EncryptCombined(key, nonce, [1, 2, 3]));
        Assert.That(ex!.Message, Does.Contain("AES-256").And.Contain(keyLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        byte[] sealedBytes = AesGcmCipher.EncryptCombined(key, nonce, [1, 2, 3], allowShortKeys: true);
        Assert.That(AesGcmCipher.DecryptCombined(key, nonce, sealedBytes, allowShortKeys: true), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Wrong_nonce_and_tag_lengths_are_rejected_with_the_argument_named()
    {
        byte[] key = new byte[32];
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.EncryptCombined(key, new byte[16], [1]))!.ParamName, Is.EqualTo("nonce"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.Decrypt(key, new byte[12], new byte[4], new byte[15], new byte[4]))!.ParamName, Is.EqualTo("tag"));
        Assert.That(Assert.Throws<ArgumentException>(() => AesGcmCipher.DecryptCombined(key, new byte[12], new byte[15]))!.ParamName, Is.EqualTo("ciphertextAndTag"));
    }

    private static byte[] Flip(byte[] data, int index)
    {
        byte[] copy = (byte[])data.Clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
