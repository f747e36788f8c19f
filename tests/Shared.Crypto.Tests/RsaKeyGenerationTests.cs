namespace Shared.Crypto.Tests;

/// <summary>RSA key generation: the size rule at its boundaries and what a generated key is.</summary>
public class RsaKeyGenerationTests
{
    [TestCase(0)]
    [TestCase(-2048)]
    [TestCase(2040)]
    [TestCase(2047)]
    [TestCase(2049)]
    [TestCase(2052)]
    [TestCase(4100)]
    public void Sizes_under_2048_or_not_a_multiple_of_8_are_refused(int bits)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RsaPrivateKey.Generate(bits));
        Assert.That(ex!.ParamName, Is.EqualTo("keySizeBits"));
        Assert.That(ex.ActualValue, Is.EqualTo(bits));
        Assert.That(ex.Message, Does.Contain("at least 2048 bits and a multiple of 8"));
    }

    [Test]
    public void The_smallest_allowed_size_generates_a_working_key_with_exponent_65537()
    {
        var key = RsaPrivateKey.Generate(2048);

        Assert.That(key.KeySizeBits, Is.EqualTo(2048));
        Assert.That(key.PublicKey.KeySizeBits, Is.EqualTo(2048));
        Assert.That(key.PublicKey.Parameters.Exponent.IntValue, Is.EqualTo(65537));
        Assert.That(key.PublicKey.MaxPlaintextLength, Is.EqualTo(256 - 64 - 2));
        Assert.That(key.Decrypt(key.PublicKey.Encrypt([5, 6, 7])), Is.EqualTo(new byte[] { 5, 6, 7 }));
        Assert.That(RsaPrivateKey.FromPem(key.ToPem()).PublicKey.ToPem(), Is.EqualTo(key.PublicKey.ToPem()));
    }

    [Test]
    public void The_default_size_is_4096() =>
        Assert.That(RsaPrivateKey.DefaultKeySizeBits, Is.EqualTo(4096));

    [Test]
    public void A_key_decrypts_only_what_was_encrypted_to_it()
    {
        using var platform = System.Security.Cryptography.RSA.Create(2048);
        var other = RsaPrivateKey.FromPem(platform.ExportPkcs8PrivateKeyPem());
        byte[] ciphertext = RsaFixture.Key.PublicKey.Encrypt([1]);

        Assert.Throws<CryptoFormatException>(() => other.Decrypt(ciphertext));
        Assert.Throws<CryptoAuthenticationException>(() => other.Decrypt(other.PublicKey.Encrypt([1]).Select(b => (byte)~b).ToArray()));
    }
}
