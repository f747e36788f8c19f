namespace Shared.Crypto.Tests.Signatures;

/// <summary>
/// <see cref="Ed25519PublicKey"/> text forms chosen by length, invalid point encodings, the
/// strict verifier's length rule, and equality.
/// </summary>
public class Ed25519PublicKeyFormsTests
{
    private static readonly Ed25519PrivateKey Signer = Ed25519PrivateKey.Generate();

    [Test]
    public void Parse_picks_the_form_by_length_after_trimming()
    {
        var key = Signer.PublicKey;

        Assert.That(Ed25519PublicKey.Parse("\t" + key.ToHex() + " \n"), Is.EqualTo(key));
        Assert.That(Ed25519PublicKey.Parse(key.ToHex().ToUpperInvariant()), Is.EqualTo(key));
        Assert.That(Ed25519PublicKey.Parse(key.ToBase64()), Is.EqualTo(key));
        Assert.That(Ed25519PublicKey.Parse("\n" + key.ToPem()), Is.EqualTo(key));
    }

    [TestCase("")]
    [TestCase("abcd")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000a")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Parse_of_an_unknown_length_names_the_length(string text)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.Parse(text));
        Assert.That(ex!.Message, Is.EqualTo(
            $"Ed25519 public key text of length {text.Trim().Length} is neither 64 hex digits, 44 base64 characters, nor a PEM block."));
    }

    [Test]
    public void Parse_of_null_is_a_format_error()
    {
        var ex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.Parse(null!));
        Assert.That(ex!.Message, Does.Contain("null"));
    }

    [Test]
    public void Parse_reports_the_inner_form_error_for_the_right_length()
    {
        var hex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.Parse(new string('g', 64)));
        Assert.That(hex!.Message, Does.Contain("hex"));

        var base64 = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.Parse(new string('*', 44)));
        Assert.That(base64!.Message, Does.Contain("base64"));

        var pem = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.Parse("-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----"));
        Assert.That(pem!.Message, Does.Contain("PUBLIC KEY"));
    }

    [Test]
    public void A_y_coordinate_that_is_not_on_the_curve_is_a_format_error()
    {
        byte[] raw = new byte[32];
        raw[0] = InvalidY;

        var ex = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromRaw(raw));
        Assert.That(ex!.Message, Is.EqualTo("Ed25519 public key is not a valid curve point encoding."));
        Assert.That(ex.InnerException, Is.InstanceOf<ArgumentException>());
    }

    [TestCase(0)]
    [TestCase(63)]
    [TestCase(65)]
    public void Strict_verify_refuses_a_signature_of_the_wrong_length_without_throwing(int length) =>
        Assert.That(Signer.PublicKey.VerifyStrict([1, 2, 3], new byte[length]), Is.False);

    [Test]
    public void Strict_verify_accepts_an_honest_signature_and_refuses_a_changed_message()
    {
        byte[] message = [1, 2, 3];
        byte[] signature = Signer.Sign(message);

        Assert.That(Signer.PublicKey.VerifyStrict(message, signature), Is.True);
        Assert.That(Signer.PublicKey.VerifyStrict([1, 2, 4], signature), Is.False);
        Assert.That(Ed25519PrivateKey.Generate().PublicKey.VerifyStrict(message, signature), Is.False);
    }

    [Test]
    public void Strict_verify_refuses_a_non_canonical_r()
    {
        byte[] message = [7];
        byte[] signature = Signer.Sign(message);
        // R's y set to p + 1 (0xEE, 0xFF.., 0x7F): at least p, so not canonical.
        signature[0] = 0xEE;
        signature.AsSpan(1, 30).Fill(0xFF);
        signature[31] = 0x7F;

        Assert.That(Signer.PublicKey.VerifyStrict(message, signature), Is.False);
    }

    [Test]
    public void Equality_is_by_key_bytes()
    {
        var key = Signer.PublicKey;
        var same = Ed25519PublicKey.FromRaw(key.ToArray());
        var other = Ed25519PrivateKey.Generate().PublicKey;

        Assert.That(key.Equals(same), Is.True);
        Assert.That(key.Equals((object)same), Is.True);
        Assert.That(key.GetHashCode(), Is.EqualTo(same.GetHashCode()));
        Assert.That(key.Equals(other), Is.False);
        Assert.That(key.Equals((Ed25519PublicKey?)null), Is.False);
        Assert.That(key!.Equals("not a key"), Is.False);
        Assert.That(key.ToString(), Is.EqualTo(key.ToHex()));
        Assert.That(key.ToHex(), Is.EqualTo(Hex.Encode(key.ToArray())));
    }

    [Test]
    public void The_raw_bytes_handed_out_are_a_copy()
    {
        var key = Signer.PublicKey;
        byte[] copy = key.ToArray();
        copy[0] ^= 0xFF;

        Assert.That(key.ToArray(), Is.Not.EqualTo(copy));
        Assert.That(key.ToArray(), Has.Length.EqualTo(Ed25519PublicKey.KeySize));
    }

    // The smallest y (little-endian first byte, other bytes zero) with no x on the curve.
    private const byte InvalidY = 2;
}
