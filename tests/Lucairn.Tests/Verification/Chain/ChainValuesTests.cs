namespace Lucairn.Tests.Verification.Chain;

/// <summary>The recipe's small value rules (lucairn-chain spec §5 helpers) at their edges.</summary>
public class ChainValuesTests
{
    [Test]
    public void NullTokenIsNotAnInteger()
    {
        Assert.That(ChainValues.TryUnsignedToken(null, ulong.MaxValue, out ulong value), Is.False);
        Assert.That(value, Is.Zero);
    }

    [TestCase("0", 0UL, true)]
    [TestCase("", 0UL, false)]
    [TestCase("01", 0UL, false)]
    [TestCase("18446744073709551615", ulong.MaxValue, true)]
    [TestCase("018446744073709551615", 0UL, false)]
    [TestCase("4294967296", 0UL, false)]
    [TestCase("4294967295", 4294967295UL, true)]
    public void UnsignedTokenWithinUInt32(string text, ulong expected, bool ok)
    {
        ulong max = text.Length == 20 ? ulong.MaxValue : uint.MaxValue;
        Assert.That(ChainValues.TryUnsignedToken(text, max, out ulong value), Is.EqualTo(ok));
        if (ok)
        {
            Assert.That(value, Is.EqualTo(expected));
        }
    }

    [Test]
    public void TypedUnsignedReadsAbsentNullStringAndNumber()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChainValues.TryTypedUnsigned(null, out ulong absent), Is.True);
            Assert.That(absent, Is.Zero);
            Assert.That(ChainValues.TryTypedUnsigned(StrictJsonNode.NullValue, out _), Is.True);
            Assert.That(ChainValues.TryTypedUnsigned(StrictJsonNode.String("7"), out ulong fromString), Is.True);
            Assert.That(fromString, Is.EqualTo(7UL));
            Assert.That(ChainValues.TryTypedUnsigned(StrictJsonNode.Number("8"), out ulong fromNumber), Is.True);
            Assert.That(fromNumber, Is.EqualTo(8UL));
            Assert.That(ChainValues.TryTypedUnsigned(StrictJsonNode.TrueValue, out _), Is.False);
            Assert.That(ChainValues.TryTypedUnsigned(StrictJsonNode.Number("1.0"), out _), Is.False);
        });
    }

    [Test]
    public void Float32AbsentIsZeroOnlyWhenAllowed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChainValues.TryFloat32(null, zeroIfAbsent: true, out float absent), Is.True);
            Assert.That(absent, Is.Zero);
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.NullValue, zeroIfAbsent: true, out _), Is.True);
            Assert.That(ChainValues.TryFloat32(null, zeroIfAbsent: false, out _), Is.False);
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.NullValue, zeroIfAbsent: false, out _), Is.False);
        });
    }

    [Test]
    public void Float32ReadsNumbersOnlyAndRefusesOverflow()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.Number("0.1"), zeroIfAbsent: false, out float tenth), Is.True);
            Assert.That(tenth, Is.EqualTo(0.1f));
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.String("0.1"), zeroIfAbsent: true, out _), Is.False);
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.Number("1e39"), zeroIfAbsent: false, out _), Is.False);
            Assert.That(ChainValues.TryFloat32(StrictJsonNode.Number("1e400"), zeroIfAbsent: false, out _), Is.False);
            Assert.That(ChainValues.TryFloat32Lexeme("abc", out float bad), Is.False);
            Assert.That(bad, Is.Zero);
            Assert.That(ChainValues.TryFloat32Lexeme("3.4028235e38", out float max), Is.True);
            Assert.That(max, Is.EqualTo(float.MaxValue));
        });
    }

    [Test]
    public void StringListReadsAbsentAsEmptyAndRefusesOtherShapes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChainValues.TryStringList(null, out List<string> absent), Is.True);
            Assert.That(absent, Is.Empty);
            Assert.That(ChainValues.TryStringList(StrictJsonNode.NullValue, out _), Is.True);
            Assert.That(ChainValues.TryStringList(StrictJsonNode.String("a"), out _), Is.False);
            Assert.That(ChainValues.TryStringList(ChainJson.Node("['a',1]"), out _), Is.False);
            Assert.That(ChainValues.TryStringList(ChainJson.Node("['a','b']"), out List<string> list), Is.True);
            Assert.That(list, Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [TestCase(63, false)]
    [TestCase(64, true)]
    [TestCase(65, false)]
    public void LowerHex64IsExactlySixtyFourCharacters(int length, bool expected) =>
        Assert.That(ChainValues.IsLowerHex64(new string('a', length)), Is.EqualTo(expected));

    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg", false)]
    [TestCase("0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    public void LowerHex64IsLowercaseHexOnly(string text, bool expected) =>
        Assert.That(ChainValues.IsLowerHex64(text), Is.EqualTo(expected));

    [Test]
    public void AsciiUpperTouchesOnlyAToZ() =>
        Assert.That(ChainValues.AsciiUpper("`az{AZ@é9"), Is.EqualTo("`AZ{AZ@é9"));
}
