namespace Shared.Crypto.Tests;

/// <summary>
/// The ASCII case folding of <see cref="ConstantTime.EqualsAscii"/>: exactly <c>A</c>..<c>Z</c>
/// fold to lower case, on either side; the neighbours <c>@</c> and <c>[</c> (whose lower-case bit
/// twins are <c>`</c> and <c>{</c>) never do.
/// </summary>
public class ConstantTimeAsciiCaseTests
{
    [TestCase("A", "a")]
    [TestCase("M", "m")]
    [TestCase("Z", "z")]
    [TestCase("ABCXYZ", "abcxyz")]
    public void Upper_case_letters_match_their_lower_case_on_either_side(string upper, string lower)
    {
        Assert.That(ConstantTime.EqualsAscii(upper, lower, ignoreAsciiCase: true), Is.True);
        Assert.That(ConstantTime.EqualsAscii(lower, upper, ignoreAsciiCase: true), Is.True);
        Assert.That(ConstantTime.EqualsAscii(upper, upper, ignoreAsciiCase: true), Is.True);
        Assert.That(ConstantTime.EqualsAscii(upper, lower), Is.False, "case matters unless asked");
    }

    [TestCase("@", "`")]
    [TestCase("[", "{")]
    [TestCase("^", "~")]
    [TestCase("1", "\u0011")]
    public void Characters_outside_A_to_Z_are_not_folded_on_either_side(string left, string right)
    {
        Assert.That(ConstantTime.EqualsAscii(left, right, ignoreAsciiCase: true), Is.False);
        Assert.That(ConstantTime.EqualsAscii(right, left, ignoreAsciiCase: true), Is.False);
        Assert.That(ConstantTime.EqualsAscii(left, left, ignoreAsciiCase: true), Is.True);
    }
}
