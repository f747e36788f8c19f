namespace Shared.Crypto.Tests;

/// <summary>
/// Hex and strict base64 at the edges of their alphabets, the Try forms, and the parameter name
/// each error carries.
/// </summary>
public class CodecBoundaryTests
{
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    [TestCase('/')]
    [TestCase(':')]
    [TestCase('`')]
    [TestCase('g')]
    [TestCase('@')]
    [TestCase('G')]
    [TestCase('F')]
    [TestCase('A')]
    public void Lowercase_hex_rejects_characters_just_outside_its_ranges(char c)
    {
        string text = "0" + c;
        var ex = Assert.Throws<CryptoFormatException>(() => Hex.Decode(text, "digest"));
        Assert.That(ex!.Message, Is.EqualTo("digest: invalid hex character at index 1 (only lowercase 0-9 and a-f allowed)."));
        Assert.That(Hex.TryDecode(text, out byte[]? bytes), Is.False);
        Assert.That(bytes, Is.Null);
        Assert.That(Hex.IsLowercaseHex(text, 1), Is.False);
    }

    [TestCase('/')]
    [TestCase(':')]
    [TestCase('`')]
    [TestCase('g')]
    [TestCase('@')]
    [TestCase('G')]
    public void Any_case_hex_rejects_characters_just_outside_its_ranges(char c)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => Hex.DecodeAnyCase(c + "0", "key"));
        Assert.That(ex!.Message, Is.EqualTo("key: invalid hex character at index 0 (only 0-9, a-f, A-F allowed)."));
    }

    [Test]
    public void Every_hex_digit_at_the_range_edges_decodes()
    {
        Assert.That(Hex.Decode("0009afaf"), Is.EqualTo(new byte[] { 0x00, 0x09, 0xaf, 0xaf }));
        Assert.That(Hex.DecodeAnyCase("0009AFaf"), Is.EqualTo(new byte[] { 0x00, 0x09, 0xaf, 0xaf }));
        Assert.That(Hex.TryDecode("0009afaf", out byte[]? bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x00, 0x09, 0xaf, 0xaf }));
        Assert.That(Hex.TryDecode(string.Empty, out bytes), Is.True);
        Assert.That(bytes, Is.Empty);
    }

    [Test]
    public void Hex_errors_name_the_parameter_and_the_problem()
    {
        Assert.That(Assert.Throws<CryptoFormatException>(() => Hex.Decode(null!, "digest"))!.Message, Is.EqualTo("digest: expected hex text, got null."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => Hex.DecodeAnyCase(null!, "key"))!.Message, Is.EqualTo("key: expected hex text, got null."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => Hex.Decode("abc"))!.Message, Is.EqualTo("hex: hex text has an odd number of digits (3)."));
        Assert.That(Hex.TryDecode(null, out byte[]? bytes), Is.False);
        Assert.That(bytes, Is.Null);
        Assert.That(Hex.TryDecode("abc", out bytes), Is.False);
    }

    [TestCase("abcd", 2, true)]
    [TestCase("abcd", 1, false)]
    [TestCase("abcd", 3, false)]
    [TestCase("ABCD", 2, false)]
    [TestCase("", 0, true)]
    [TestCase(null, 0, false)]
    public void IsLowercaseHex_needs_the_exact_length_and_lowercase(string? text, int bytes, bool expected) =>
        Assert.That(Hex.IsLowercaseHex(text, bytes), Is.EqualTo(expected));

    [Test]
    public void Hex_encodes_every_byte_value()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string hex = Hex.Encode(all);

        Assert.That(hex, Is.EqualTo(Convert.ToHexString(all).ToLowerInvariant()));
        Assert.That(Hex.Decode(hex), Is.EqualTo(all));
    }

    [Test]
    public void Base64_round_trips_every_byte_value_and_every_alphabet_character()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int shift = 0; shift < 3; shift++)
        {
            byte[] data = all.Skip(shift).ToArray();
            string text = StrictBase64.Encode(data);
            Assert.That(StrictBase64.Decode(text), Is.EqualTo(data));
            Assert.That(StrictBase64.TryDecode(text, out byte[]? bytes), Is.True);
            Assert.That(bytes, Is.EqualTo(data));
        }

        Assert.That(StrictBase64.Decode(Base64Alphabet), Is.EqualTo(Convert.FromBase64String(Base64Alphabet)));
    }

    [Test]
    public void The_character_before_double_padding_may_carry_only_its_top_two_bits()
    {
        for (int value = 0; value < 64; value++)
        {
            string text = "A" + Base64Alphabet[value] + "==";
            bool canonical = (value & 0x0F) == 0;
            Assert.That(StrictBase64.TryDecode(text, out _), Is.EqualTo(canonical), text);
        }
    }

    [Test]
    public void The_character_before_single_padding_may_carry_only_its_top_four_bits()
    {
        for (int value = 0; value < 64; value++)
        {
            string text = "AA" + Base64Alphabet[value] + "=";
            bool canonical = (value & 0x03) == 0;
            Assert.That(StrictBase64.TryDecode(text, out _), Is.EqualTo(canonical), text);
        }
    }

    [TestCase("A=AA", 1)]
    [TestCase("====", 0)]
    [TestCase("AA=A", 2)]
    [TestCase("-AAA", 0)]
    [TestCase("A_AA", 1)]
    [TestCase("AA.A", 2)]
    [TestCase("AAA@", 3)]
    [TestCase("AAA[", 3)]
    [TestCase("AAA`", 3)]
    [TestCase("AAA{", 3)]
    [TestCase("AAA:", 3)]
    public void Base64_names_the_index_of_a_character_outside_the_alphabet(string text, int index)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode(text, "sig"));
        Assert.That(ex!.Message, Is.EqualTo($"sig: invalid base64 character at index {index}."));
        Assert.That(StrictBase64.TryDecode(text, out byte[]? bytes), Is.False);
        Assert.That(bytes, Is.Null);
    }

    [Test]
    public void Base64_errors_name_the_parameter_and_the_problem()
    {
        Assert.That(Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode(null!, "sig"))!.Message, Is.EqualTo("sig: expected base64 text, got null."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode("AAAAA"))!.Message,
            Is.EqualTo("base64: base64 length 5 is not a multiple of 4 (padding is required, whitespace is not allowed)."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => StrictBase64.Decode("AB=="))!.Message,
            Is.EqualTo("base64: base64 has non-zero unused bits before the padding (not the canonical encoding)."));
        Assert.That(StrictBase64.TryDecode(null, out byte[]? bytes), Is.False);
        Assert.That(bytes, Is.Null);
        Assert.That(StrictBase64.TryDecode("AAAAA", out _), Is.False);
        Assert.That(StrictBase64.TryDecode(string.Empty, out bytes), Is.True);
        Assert.That(bytes, Is.Empty);
    }
}
