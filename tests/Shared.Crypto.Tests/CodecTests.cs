namespace Shared.Crypto.Tests;

public class CodecTests
{
    [Test]
    public void Hex_encodes_lowercase_and_round_trips()
    {
        byte[] data = [0x00, 0x0f, 0xab, 0xff];
        Assert.That(Hex.Encode(data), Is.EqualTo("000fabff"));
        Assert.That(Hex.Decode("000fabff"), Is.EqualTo(data));
        Assert.That(Hex.DecodeAnyCase("000FABff"), Is.EqualTo(data));
        Assert.That(Hex.Encode([]), Is.Empty);
    }

    [TestCase("ABCD", "index 0")]
    [TestCase("abc", "odd number")]
    [TestCase("ab c", "index 2")]
    [TestCase("0xab", "index 1")]
    [TestCase("abcg", "index 3")]
    public void Strict_hex_rejects_with_the_position(string text, string expected)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => Hex.Decode(text, "digest"));
        Assert.That(ex!.Message, Does.StartWith("digest:").And.Contain(expected));
        Assert.That(Hex.TryDecode(text, out _), Is.False);
    }

    [Test]
    public void IsLowercaseHex_checks_the_length_too()
    {
        Assert.That(Hex.IsLowercaseHex(new string('a', 64), 32), Is.True);
        Assert.That(Hex.IsLowercaseHex(new string('a', 62), 32), Is.False);
        Assert.That(Hex.IsLowercaseHex(new string('A', 64), 32), Is.False);
        Assert.That(Hex.IsLowercaseHex(null, 32), Is.False);
    }

    [TestCase("", new byte[0])]
    [TestCase("AA==", new byte[] { 0 })]
    [TestCase("AAA=", new byte[] { 0, 0 })]
    [TestCase("/+8=", new byte[] { 0xff, 0xef })]
    public void Strict_base64_accepts_canonical_text(string text, byte[] expected)
    {
        Assert.That(StrictBase64.Decode(text), Is.EqualTo(expected));
        Assert.That(StrictBase64.Encode(expected), Is.EqualTo(text));
    }

    [TestCase("AA", "multiple of 4")]
    [TestCase("AA==\n", "multiple of 4")]
    [TestCase("A A=", "index 1")]
    [TestCase("AB==", "non-zero unused bits")]
    [TestCase("AAB=", "non-zero unused bits")]
    [TestCase("AA-_", "index 2")]
    [TestCase("A===", "index 1")]
    public void Strict_base64_rejects_what_convert_would_accept_or_garble(string text, string expected)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode(text, "tag"));
        Assert.That(ex!.Message, Does.StartWith("tag:").And.Contain(expected));
        Assert.That(StrictBase64.TryDecode(text, out _), Is.False);
    }

    [Test]
    public void Null_inputs_are_format_errors()
    {
        Assert.Throws<CryptoFormatException>(() => Hex.Decode(null!));
        Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode(null!));
        Assert.That(StrictBase64.TryDecode(null, out _), Is.False);
    }
}
