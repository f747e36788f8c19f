using System.Text;

namespace Lucairn.Tests.Verification.Strict;

/// <summary><see cref="CodePoints.Compare"/> orders strings exactly as their UTF-8 bytes (code points), not as UTF-16 units.</summary>
public class CodePointsTests
{
    private static readonly string[] Samples =
    [
        "", "a", "ab", "b", "a\uE000", "a\uD800\uDC00", "\u00e9", "\uC000", "\uD7FF",
        "\uE000", "\uE001", "\uFFFF", "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF",
    ];

    [Test]
    public void Every_pair_is_ordered_like_its_UTF8_bytes()
    {
        Assert.Multiple(() =>
        {
            foreach (string left in Samples)
            {
                foreach (string right in Samples)
                {
                    int expected = Math.Sign(Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right)));
                    Assert.That(Math.Sign(CodePoints.Compare(left, right)), Is.EqualTo(expected), $"Compare({Escape(left)}, {Escape(right)})");
                }
            }
        });
    }

    [TestCase("a", "ab", -1)]
    [TestCase("ab", "a", 1)]
    [TestCase("\uE000", "\uD83D\uDE00", -1)]
    [TestCase("\uD800\uDC00", "\uE000", 1)]
    [TestCase("\uFFFF", "\uD800\uDC00", -1)]
    [TestCase("\uE000", "\uD7FF", 1)]
    [TestCase("\uC000", "\uE000", -1)]
    public void Boundary_pairs(string left, string right, int sign) =>
        Assert.That(Math.Sign(CodePoints.Compare(left, right)), Is.EqualTo(sign));

    private static string Escape(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));
}
