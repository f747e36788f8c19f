namespace Shared.Crypto.Tests;

public class Ed25519Tests
{
    private static IEnumerable<TestCaseData> Rfc8032() => KnownAnswers.Cases("rfc8032-ed25519.json");

    [TestCaseSource(nameof(Rfc8032))]
    public void Rfc8032_sign_produces_the_published_signature(Newtonsoft.Json.Linq.JObject c)
    {
        var key = Ed25519PrivateKey.FromBytes(KnownAnswers.Bytes(c, "secret_key"));

        Assert.That(key.PublicKey.ToArray(), Is.EqualTo(KnownAnswers.Bytes(c, "public_key")));
        Assert.That(key.Sign(KnownAnswers.Bytes(c, "message")), Is.EqualTo(KnownAnswers.Bytes(c, "signature")));
    }

    [TestCaseSource(nameof(Rfc8032))]
    public void Rfc8032_verify_accepts_and_every_flipped_input_fails(Newtonsoft.Json.Linq.JObject c)
    {
        byte[] message = KnownAnswers.Bytes(c, "message");
        byte[] signature = KnownAnswers.Bytes(c, "signature");
        byte[] publicKey = KnownAnswers.Bytes(c, "public_key");
        var key = Ed25519PublicKey.FromRaw(publicKey);

        Assert.That(key.Verify(message, signature), Is.True);

        // Flipped message bit (an empty message gets one byte appended instead).
        byte[] otherMessage = message.Length == 0 ? [0x00] : (byte[])message.Clone();
        if (message.Length > 0)
        {
            otherMessage[message.Length / 2] ^= 0x01;
        }

        Assert.That(key.Verify(otherMessage, signature), Is.False, "flipped message");

        foreach (int index in new[] { 0, 31, 32, 63 })
        {
            byte[] badSignature = (byte[])signature.Clone();
            badSignature[index] ^= 0x01;
            Assert.That(key.Verify(message, badSignature), Is.False, $"flipped signature byte {index}");
        }

        byte[] otherKey = (byte[])publicKey.Clone();
        otherKey[0] ^= 0x01;
        bool otherKeyVerifies;
        try
        {
            otherKeyVerifies = Ed25519PublicKey.FromRaw(otherKey).Verify(message, signature);
        }
        catch (CryptoFormatException)
        {
            otherKeyVerifies = false; // the flipped key is not a point: also a failure
        }

        Assert.That(otherKeyVerifies, Is.False, "flipped key");
    }

    [Test]
    public void Public_key_reads_hex_in_both_cases_base64_and_pem()
    {
        var key = Ed25519PrivateKey.Generate().PublicKey;

        Assert.Multiple(() =>
        {
            Assert.That(Ed25519PublicKey.FromHex(key.ToHex()), Is.EqualTo(key));
            Assert.That(Ed25519PublicKey.FromHex(key.ToHex().ToUpperInvariant()), Is.EqualTo(key));
            Assert.That(Ed25519PublicKey.FromBase64(key.ToBase64()), Is.EqualTo(key));
            Assert.That(Ed25519PublicKey.FromPem(key.ToPem()), Is.EqualTo(key));
            Assert.That(Ed25519PublicKey.Parse("  " + key.ToBase64() + "\n"), Is.EqualTo(key));
            Assert.That(Ed25519PublicKey.Parse(key.ToPem()), Is.EqualTo(key));
            Assert.That(key.ToPem(), Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        });
    }

    [Test]
    public void Production_witness_key_from_the_lucairn_vectors_reads_in_every_form()
    {
        string hex = TestSupport.TestVectors.ReadText("lucairn", "production-witness-pubkey.hex").Trim();
        var fromHex = Ed25519PublicKey.FromHex(hex);

        Assert.That(Ed25519PublicKey.FromBase64("ALoYnR2xElnmroA+71c55gC+AfI9tc3I9PSv99+qvMU="), Is.EqualTo(fromHex));
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(31)]
    [TestCase(33)]
    [TestCase(64)]
    public void Public_key_of_the_wrong_length_is_a_format_error(int length)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromRaw(new byte[length]));
        Assert.That(ex!.Message, Does.Contain("32 bytes").And.Contain(length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("zz")]
    [TestCase("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511")]
    [TestCase("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f70751")]
    public void Malformed_hex_key_is_a_format_error(string hex) =>
        Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromHex(hex));

    [TestCase("3jjwX4cJZYOW/d8ELu1vEKhXGIeq+zsZ4LymOeym8hE")]
    [TestCase("3jjwX4cJZYOW/d8ELu1vEKhXGIeq+zsZ4LymOeym8hE=\n")]
    [TestCase("3jjwX4cJZYOW/d8ELu1vEKhXGIeq+zsZ4LymOeym8hF=")]
    public void Non_strict_base64_key_is_a_format_error(string base64) =>
        Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromBase64(base64));

    [Test]
    public void Pem_of_another_algorithm_is_a_format_error()
    {
        string rsaPem = RsaFixture.Key.PublicKey.ToPem();
        var ex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromPem(rsaPem));
        Assert.That(ex!.Message, Does.Contain("not an Ed25519 key"));
    }

    [TestCase(0)]
    [TestCase(63)]
    [TestCase(65)]
    public void Signature_of_the_wrong_length_is_a_format_error_not_false(int length)
    {
        var key = Ed25519PrivateKey.Generate().PublicKey;
        Assert.Throws<CryptoFormatException>(() => key.Verify([1, 2, 3], new byte[length]));
    }

    [Test]
    public void A_64_byte_private_key_must_carry_its_own_public_half()
    {
        var key = Ed25519PrivateKey.Generate();
        byte[] full = [.. key.ExportSeed(), .. key.PublicKey.ToArray()];
        Assert.That(Ed25519PrivateKey.FromBytes(full).PublicKey, Is.EqualTo(key.PublicKey));

        full[40] ^= 0xFF;
        Assert.Throws<CryptoFormatException>(() => Ed25519PrivateKey.FromBytes(full));
    }

    [Test]
    public void Verify_is_safe_from_many_threads()
    {
        var signer = Ed25519PrivateKey.Generate();
        byte[] message = new byte[200];
        byte[] signature = signer.Sign(message);
        var key = signer.PublicKey;

        var results = new bool[64];
        Parallel.For(0, results.Length, i => results[i] = key.Verify(message, signature));

        Assert.That(results, Is.All.True);
    }
}
