namespace Shared.Crypto.Tests;

/// <summary>The argument checks and error texts of <see cref="HybridEnvelope"/>, and the freshness of its AES key.</summary>
public class HybridEnvelopeArgumentTests
{
    [Test]
    public void Null_arguments_are_named()
    {
        var envelope = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3]);

        Assert.That(Assert.Throws<ArgumentNullException>(() => HybridEnvelope.Seal(null!, [1]))!.ParamName, Is.EqualTo("recipient"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => HybridEnvelope.Open(null!, envelope))!.ParamName, Is.EqualTo("recipient"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => HybridEnvelope.Open(RsaFixture.Key, null!))!.ParamName, Is.EqualTo("envelope"));
    }

    [Test]
    public void The_wrapped_AES_key_is_random_for_every_message()
    {
        byte[] first = RsaFixture.Key.Decrypt(HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3]).EncryptedKey);
        byte[] second = RsaFixture.Key.Decrypt(HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3]).EncryptedKey);

        Assert.That(first, Has.Length.EqualTo(32));
        Assert.That(first, Is.Not.EqualTo(new byte[32]), "never the all-zero key");
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Wrong_part_lengths_are_named_with_both_sizes()
    {
        var envelope = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3]);

        Assert.That(Assert.Throws<CryptoFormatException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { Nonce = new byte[8] }))!.Message,
            Is.EqualTo("Hybrid envelope: the nonce must be 12 bytes; got 8."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { Tag = new byte[15] }))!.Message,
            Is.EqualTo("Hybrid envelope: the tag must be 16 bytes; got 15."));
    }

    [Test]
    public void A_wrapped_key_for_another_key_size_says_it_was_not_made_for_this_recipient()
    {
        var envelope = HybridEnvelope.Seal(RsaFixture.Key.PublicKey, [1, 2, 3]);

        var ex = Assert.Throws<CryptoAuthenticationException>(() => HybridEnvelope.Open(RsaFixture.Key, envelope with { EncryptedKey = new byte[256] }));
        Assert.That(ex!.Message, Is.EqualTo("Hybrid envelope: the wrapped key was not made for this recipient key."));
        Assert.That(ex.InnerException, Is.TypeOf<CryptoFormatException>());
    }
}
