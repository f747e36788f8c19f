namespace Shared.Crypto.Tests.Canonical;

/// <summary>The code-point comparer orders null first, like <see cref="string.CompareOrdinal(string, string)"/>.</summary>
public class CodePointOrderNullTests
{
    [Test]
    public void Null_equals_null() => Assert.That(CodePointOrder.Compare(null, null), Is.Zero);

    [Test]
    public void Null_sorts_before_any_string() => Assert.That(CodePointOrder.Compare(null, ""), Is.Negative);

    [Test]
    public void Any_string_sorts_after_null() => Assert.That(CodePointOrder.Compare("", null), Is.Positive);
}
