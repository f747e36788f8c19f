namespace Shared.Crypto.Tests;

public class RsaTests
{
    [Test]
    public void Generated_key_is_4096_bits_and_round_trips_oaep()
    {
        var key = RsaFixture.Key;
        byte[] secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        byte[] ciphertext = key.PublicKey.Encrypt(secret);

        Assert.That(key.KeySizeBits, Is.EqualTo(4096));
        Assert.That(ciphertext, Has.Length.EqualTo(512));
        Assert.That(key.Decrypt(ciphertext), Is.EqualTo(secret));
    }

    [Test]
    public void Oaep_is_sha256_with_mgf1_sha256_interoperating_with_the_platform()
    {
        var key = RsaFixture.Key;
        using var platform = System.Security.Cryptography.RSA.Create();
        platform.ImportFromPem(key.ToPem());
        byte[] secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        byte[] fromPlatform = platform.Encrypt(secret, System.Security.Cryptography.RSAEncryptionPadding.OaepSHA256);
        Assert.That(key.Decrypt(fromPlatform), Is.EqualTo(secret));

        byte[] fromUs = key.PublicKey.Encrypt(secret);
        Assert.That(platform.Decrypt(fromUs, System.Security.Cryptography.RSAEncryptionPadding.OaepSHA256), Is.EqualTo(secret));
    }

    [Test]
    public void Altered_ciphertext_is_an_authentication_error()
    {
        var key = RsaFixture.Key;
        byte[] ciphertext = key.PublicKey.Encrypt([1, 2, 3]);
        ciphertext[100] ^= 0x01;

        Assert.Throws<CryptoAuthenticationException>(() => key.Decrypt(ciphertext));
        Assert.Throws<CryptoFormatException>(() => key.Decrypt(new byte[511]));
    }

    [TestCase(1L, "less than 65537")]
    [TestCase(3L, "less than 65537")]
    [TestCase(65535L, "less than 65537")]
    [TestCase(65538L, "even")]
    [TestCase(4294967296L, "even")]
    public void Public_exponent_that_is_small_or_even_is_refused_naming_the_reason(long exponent, string reason)
    {
        var ex = Assert.Throws<CryptoKeyException>(() => RsaPublicKey.FromPem(WeakRsaKeys.PublicPem(exponent)));
        Assert.That(ex!.Message, Does.Contain("exponent").And.Contain(reason));
    }

    [TestCase(65537L)]
    [TestCase(65539L)]
    [TestCase(4294967297L)]
    public void Odd_public_exponent_of_at_least_65537_is_accepted(long exponent)
    {
        Assert.That(RsaPublicKey.FromPem(WeakRsaKeys.PublicPem(exponent)).KeySizeBits, Is.EqualTo(4096));
    }

    [Test]
    public void Plaintext_longer_than_the_key_allows_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RsaFixture.Key.PublicKey.Encrypt(new byte[RsaFixture.Key.PublicKey.MaxPlaintextLength + 1]));
        Assert.That(ex!.Message, Does.Contain("at most 446 bytes"));
    }

    [Test]
    public void Pem_round_trip_without_password()
    {
        string pem = RsaFixture.Key.ToPem();
        Assert.That(pem, Does.StartWith("-----BEGIN PRIVATE KEY-----"));

        var again = RsaPrivateKey.FromPem(pem);
        Assert.That(again.PublicKey.ToPem(), Is.EqualTo(RsaFixture.Key.PublicKey.ToPem()));
        Assert.That(RsaPublicKey.FromPem(RsaFixture.Key.PublicKey.ToPem()).GetSpkiSha256Hex(), Is.EqualTo(RsaFixture.Key.PublicKey.GetSpkiSha256Hex()));
    }

    [Test]
    public void Pem_round_trip_with_password_uses_pbes2_aes256()
    {
        string pem = RsaFixture.Key.ToPem("correct horse");
        Assert.That(pem, Does.StartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        var again = RsaPrivateKey.FromPem(pem, "correct horse");
        byte[] ciphertext = RsaFixture.Key.PublicKey.Encrypt([9, 9, 9]);
        Assert.That(again.Decrypt(ciphertext), Is.EqualTo(new byte[] { 9, 9, 9 }));

        // The platform (OpenSSL-compatible PKCS#8 reader) reads it too: proves the format is standard.
        using var platform = System.Security.Cryptography.RSA.Create();
        platform.ImportFromEncryptedPem(pem, "correct horse");
        Assert.That(platform.KeySize, Is.EqualTo(4096));
    }

    [Test]
    public void Wrong_or_missing_password_is_a_clear_key_error()
    {
        string pem = RsaFixture.Key.ToPem("right");

        var wrong = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem, "wrong"));
        Assert.That(wrong!.Message, Does.Contain("password is wrong"));

        var missing = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(missing!.Message, Does.Contain("password is required"));

        Assert.Throws<ArgumentException>(() => RsaFixture.Key.ToPem(string.Empty));
    }

    [Test]
    public void A_1024_bit_key_is_rejected()
    {
        using var small = System.Security.Cryptography.RSA.Create(1024);
        var ex = Assert.Throws<CryptoKeyException>(() => RsaPublicKey.FromPem(small.ExportSubjectPublicKeyInfoPem()));
        Assert.That(ex!.Message, Does.Contain("1024 bits is too small"));

        Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(small.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<ArgumentOutOfRangeException>(() => RsaPrivateKey.Generate(1024));
    }

    [Test]
    public void Non_rsa_keys_and_garbage_are_rejected_clearly()
    {
        string edPem = Ed25519PrivateKey.Generate().PublicKey.ToPem();
        Assert.That(Assert.Throws<CryptoKeyException>(() => RsaPublicKey.FromPem(edPem))!.Message, Does.Contain("not an RSA key"));

        using var ec = System.Security.Cryptography.ECDsa.Create();
        Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(ec.ExportPkcs8PrivateKeyPem()));

        Assert.Throws<CryptoFormatException>(() => RsaPublicKey.FromPem("not a pem"));
        Assert.Throws<CryptoFormatException>(() => RsaPublicKey.FromPem(string.Empty));
        Assert.Throws<CryptoFormatException>(() => RsaPrivateKey.FromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    }
}
