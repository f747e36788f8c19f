using System.Text;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The grammar vectors of upstream go/parity_corpus_test.go: issued_at (step 5a), documents, integer tokens, float32.</summary>
public class ChainGrammarTests
{
    [TestCase("2026-09-25T12:00:02.5Z", "2026-09-25T12:00:02.5Z")]
    [TestCase("2026-09-25T12:00:02.500000000Z", "2026-09-25T12:00:02.5Z")]
    [TestCase("2026-09-25T12:00:02.5000000000Z", "")]
    [TestCase("2026-09-25T12:00:00.123456789-00:30", "2026-09-25T12:30:00.123456789Z")]
    [TestCase("2026-09-25T14:00:00+02:00", "2026-09-25T12:00:00Z")]
    [TestCase("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z")]
    [TestCase("0001-01-01T00:00:00-01:00", "0001-01-01T01:00:00Z")]
    [TestCase("2026-09-25T12:00:00+24:00", "")]
    [TestCase("2026-09-25T12:00:00+23:60", "")]
    [TestCase("2026-09-25T12:00:00+99:00", "")]
    [TestCase("2026-09-25T12:00:60Z", "")]
    [TestCase("2026-09-25T24:00:00Z", "")]
    [TestCase("2026-02-30T12:00:00Z", "")]
    [TestCase("0000-01-01T00:00:00Z", "")]
    [TestCase("0001-01-01T00:00:00+01:00", "")]
    [TestCase("9999-12-31T23:59:59-01:00", "")]
    [TestCase("2026-09-25t12:00:00z", "")]
    [TestCase("2026-09-25T12:00:00.Z", "")]
    [TestCase("2026-09-25T12:00:00", "")]
    [TestCase("\uFF12026-09-25T12:00:00Z", "")]
    public void IssuedAtGrammar(string input, string expected)
    {
        string actual = ChainIssuedAt.TryNormalize(input, out string normalized) ? normalized : string.Empty;
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("{\"a\":1}", true)]
    [TestCase("{\"a\":1} \n\t\r", true)]
    [TestCase("{\"a\":1}]", false)]
    [TestCase("{\"a\":1}}", false)]
    [TestCase("{\"a\":1} x", false)]
    [TestCase("{\"a\":1}{\"b\":2}", false)]
    [TestCase("{\"a\":NaN}", false)]
    [TestCase("{\"a\":Infinity}", false)]
    [TestCase("{\"a\":-Infinity}", false)]
    [TestCase("\uFEFF{\"a\":1}", false)]
    [TestCase("{\"a\":1,\"\\u0061\":2}", false)]
    [TestCase("{\"a\":\"\\ud800\"}", false)]
    [TestCase("{\"a\":\"\\udc00\\ud800\"}", false)]
    [TestCase("{\"a\":\"\\ud83d\\ude00\"}", true)]
    public void Documents(string input, bool parses) =>
        Assert.That(StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(input), out _) is not null, Is.EqualTo(parses));

    [Test]
    public void InvalidUtf8IsRefused() =>
        Assert.That(StrictJsonReader.TryParse(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xff, (byte)'"', (byte)'}' }, out _), Is.Null);

    [Test]
    public void DepthIsCountedFromOneAndBoundedAt256()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StrictJsonReader.TryParse(Nested(256), out _), Is.Not.Null);
            Assert.That(StrictJsonReader.TryParse(Nested(257), out _), Is.Null);
        });

        static byte[] Nested(int depth) => Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));
    }

    [TestCase("0", true)]
    [TestCase("2", true)]
    [TestCase("18446744073709551615", true)]
    [TestCase("18446744073709551616", false)]
    [TestCase("00", false)]
    [TestCase("2.0", false)]
    [TestCase("2e0", false)]
    [TestCase("-1", false)]
    public void IntegerTokens(string input, bool ok) =>
        Assert.That(ChainValues.TryUnsignedToken(input, ulong.MaxValue, out _), Is.EqualTo(ok));

    [Test]
    public void FiveThousandDigitIntegerIsRefused() =>
        Assert.That(ChainValues.TryUnsignedToken("1" + new string('0', 4999), ulong.MaxValue, out _), Is.False);

    [TestCase("0.25", true)]
    [TestCase("1e-50", true)]
    [TestCase("3.4028235e38", true)]
    [TestCase("3.4028236e38", false)]
    [TestCase("1e39", false)]
    [TestCase("-1e39", false)]
    [TestCase("1e400", false)]
    public void Float32(string input, bool ok) =>
        Assert.That(ChainValues.TryFloat32Lexeme(input, out _), Is.EqualTo(ok));

    [TestCase("BYOK_EXEMPT", true)]
    [TestCase("byokExempt", true)]
    [TestCase("byoK_exempt", true)]
    [TestCase("\u212A_anonymity", true)]
    [TestCase("ri\u017Fk_score", true)]
    [TestCase("byok_exempt", false)]
    [TestCase("PERSON", false)]
    public void CaseVariantKeyRule(string key, bool refused) =>
        Assert.That(CaseVariantKeys.IsVariant(key), Is.EqualTo(refused));
}
