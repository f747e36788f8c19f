namespace Shared.Crypto.Tests;

public class HybridEnvelopeTests
{
    [Test]
    public void Seal_and_open_round_trip_with_fresh_key_and_nonce_each_time()
    {
        byte[] message = System.Text.Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"héllo 🦄\"}]}");

        var first = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, message);
        var second = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, message);

        Assert.That(first.EncryptedKey, Has.Length.EqualTo(512));
        Assert.That(first.Nonce, Has.Length.EqualTo(12));
        Assert.That(first.Tag, Has.Length.EqualTo(16));
        Assert.That(first.Nonce, Is.Not.EqualTo(second.Nonce));
        Assert.That(first.Ciphertext, Is.Not.EqualTo(second.Ciphertext));

        using var opened = HybridEnvelope.Open(RsaFixture.Key, first);
        Assert.That(opened.ToArray(), Is.EqualTo(message));

        using var unlocked = HybridEnvelope.Open(RsaFixture.Key, second, lockMemory: false);
        Assert.That(unlocked.IsLocked, Is.False);
        Assert.That(unlocked.ToArray(), Is.EqualTo(message));
    }

    [Test]
    public void Tampered_envelopes_fail_closed()
    {
        var envelope = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3, 4]);
        byte[] tag = (byte[])envelope.Tag.Clone();
        tag[0] ^= 1;

        Assert.Throws<CryptoAuthenticationException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { Tag = tag }));
        Assert.Throws<CryptoFormatException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { Nonce = new byte[8] }));
        Assert.Throws<CryptoFormatException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { Tag = new byte[12] }));
        Assert.Throws<CryptoAuthenticationException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { EncryptedKey = new byte[256] }));
    }

    [Test]
    public void An_unwrapped_key_that_is_not_32_bytes_is_rejected()
    {
        var envelope = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3, 4]);
        byte[] aes128Key = RsaFixture.Key.PublicKey.Encrypt(new byte[16]);

        var ex = Assert.Throws<CryptoFormatException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { EncryptedKey = aes128Key }));
        Assert.That(ex!.Message, Does.Contain("unwrapped AES key is 128 bits; only AES-256"));
    }
}
