using System.Reflection;
using System.Text;

namespace Lucairn.Tests.Verification.Strict;

/// <summary>
/// <see cref="CanonicalLexeme"/> edges: every short escape, the printable-ASCII bounds, the
/// <c>\uxxxx</c> hex digits, code-point key order, the exact size reserved per string, and the
/// per-thread scratch buffer (kept up to 64 KiB, dropped above).
/// </summary>
public class CanonicalLexemeEdgeTests
{
    private const int MaxKeptScratch = 64 * 1024;

    private static string Write(StrictJsonNode node) => Encoding.ASCII.GetString(CanonicalLexeme.Write(node));

    private static StrictJsonNode Parse(string json) =>
        StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json), out string? problem) ?? throw new InvalidOperationException(problem);

    [Test]
    public void Short_escapes_printable_bounds_and_hex_digits() =>
        Assert.That(
            Write(StrictJsonNode.String("\n\r\t\b\f\"\\ !}~\u001f\u007f\u1234\uabcd\u00e9\u0100")),
            Is.EqualTo("\"" + @"\n\r\t\b\f\""\\ !}~\u001f\u007f\u1234\uabcd\u00e9\u0100" + "\""));

    [TestCase("\n", "\\n")]
    [TestCase("\r", "\\r")]
    [TestCase("\t", "\\t")]
    [TestCase("\b", "\\b")]
    [TestCase("\f", "\\f")]
    [TestCase("~", "~")]
    [TestCase(" ", " ")]
    [TestCase("\u007f", "\\u007f")]
    [TestCase("\u001f", "\\u001f")]
    [TestCase("\u1234", "\\u1234")]
    [TestCase("\u0fa0", "\\u0fa0")]
    public void One_character_in_an_object_key_and_value(string text, string escaped) =>
        Assert.That(
            Write(StrictJsonNode.Object([new(text, StrictJsonNode.String(text))])),
            Is.EqualTo("{\"" + escaped + "\":\"" + escaped + "\"}"));

    /// <summary>The space reserved for a string is exactly what it takes once written (no guessing, no overrun).</summary>
    [TestCase("\"")]
    [TestCase("\\")]
    [TestCase("\n")]
    [TestCase("\r")]
    [TestCase("\t")]
    [TestCase("\b")]
    [TestCase("\f")]
    [TestCase(" ")]
    [TestCase("~")]
    [TestCase("a")]
    [TestCase("\u001f")]
    [TestCase("\u007f")]
    [TestCase("\u00e9")]
    [TestCase("\uD83D\uDE00")]
    [TestCase("")]
    public void Reserved_length_is_the_written_length(string text)
    {
        MethodInfo escapedLength = typeof(CanonicalLexeme).GetMethod("EscapedLength", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("CanonicalLexeme.EscapedLength is gone.");
        string repeated = string.Concat(Enumerable.Repeat(text, 7));
        Assert.That((int)escapedLength.Invoke(null, [repeated])!, Is.EqualTo(CanonicalLexeme.Write(StrictJsonNode.String(repeated)).Length));
    }

    /// <summary>A long run of two-byte escapes fits the reserved span (an under-reserve would overrun the buffer).</summary>
    [TestCase('"')]
    [TestCase('\\')]
    public void Long_runs_of_escaped_printables_are_written_whole(char c)
    {
        string text = new(c, 600);
        Assert.That(Write(StrictJsonNode.String(text)), Is.EqualTo("\"" + string.Concat(Enumerable.Repeat("\\" + c, 600)) + "\""));
    }

    [Test]
    public void Keys_are_written_in_code_point_order() =>
        Assert.That(
            Write(Parse("{\"b\":1,\"\uD83D\uDE00\":5,\"ab\":3,\"\uE000\":4,\"a\":2}")),
            Is.EqualTo(@"{""a"":2,""ab"":3,""b"":1,""\ue000"":4,""\ud83d\ude00"":5}"));

    [Test]
    public void A_reversed_pair_is_sorted() =>
        Assert.That(Write(Parse("{\"b\":{\"d\":1,\"c\":2},\"a\":[]}")), Is.EqualTo("{\"a\":[],\"b\":{\"c\":2,\"d\":1}}"));

    /// <summary>Members already in order are written as they stand: not re-sorted (an unstable sort would swap equal keys).</summary>
    [TestCase(17)]
    [TestCase(64)]
    public void An_ordered_object_is_written_as_it_stands(int count)
    {
        List<KeyValuePair<string, StrictJsonNode>> members = [.. Enumerable.Range(0, count).Select(i => new KeyValuePair<string, StrictJsonNode>("k", StrictJsonNode.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
        string expected = "{" + string.Join(",", Enumerable.Range(0, count).Select(i => "\"k\":" + i)) + "}";
        Assert.That(Write(StrictJsonNode.Object(members)), Is.EqualTo(expected));
    }

    [Test]
    public void Small_scratch_is_kept_and_reused()
    {
        ResetToFreshScratch();
        CanonicalLexeme.WriteScratch(Parse("{\"a\":[1,2,3]}"));
        var kept = ThreadScratch.LexemeWriter;
        Assert.That(CanonicalLexeme.Matches(Parse("[true]"), "[true]"u8), Is.True);
        Assert.That(ThreadScratch.LexemeWriter, Is.SameAs(kept));
    }

    [Test]
    public void Scratch_of_exactly_the_limit_is_kept()
    {
        ResetToFreshScratch();
        // 20 000 one-byte items: appended a byte at a time, the 1 KiB buffer doubles up to exactly 64 KiB.
        StrictJsonNode array = StrictJsonNode.Array([.. Enumerable.Repeat(StrictJsonNode.Number("1"), 20_000)]);
        Assert.That(CanonicalLexeme.WriteScratch(array).Length, Is.EqualTo(40_001));
        var grown = ThreadScratch.LexemeWriter!;
        Assert.That(grown.Capacity, Is.EqualTo(MaxKeptScratch), "precondition: the buffer grew to exactly the limit");

        CanonicalLexeme.WriteScratch(StrictJsonNode.NullValue);
        Assert.That(ThreadScratch.LexemeWriter, Is.SameAs(grown));
    }

    [Test]
    public void Scratch_above_the_limit_is_dropped()
    {
        ResetToFreshScratch();
        StrictJsonNode array = StrictJsonNode.Array([.. Enumerable.Repeat(StrictJsonNode.Number("1"), 40_000)]);
        Assert.That(CanonicalLexeme.Matches(array, Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Repeat("1", 40_000)) + "]")), Is.True);
        var grown = ThreadScratch.LexemeWriter!;
        Assert.That(grown.Capacity, Is.GreaterThan(MaxKeptScratch));

        Assert.That(Encoding.ASCII.GetString(CanonicalLexeme.WriteScratch(StrictJsonNode.FalseValue)), Is.EqualTo("false"));
        Assert.Multiple(() =>
        {
            Assert.That(ThreadScratch.LexemeWriter, Is.Not.SameAs(grown));
            Assert.That(ThreadScratch.LexemeWriter!.Capacity, Is.LessThanOrEqualTo(MaxKeptScratch));
        });
    }

    /// <summary>Leaves this thread with a new 1 KiB scratch writer: a document over the limit makes the next call start afresh.</summary>
    private static void ResetToFreshScratch()
    {
        CanonicalLexeme.WriteScratch(StrictJsonNode.String(new string('x', MaxKeptScratch + 1)));
        CanonicalLexeme.WriteScratch(StrictJsonNode.TrueValue);
        Assert.That(ThreadScratch.LexemeWriter!.Capacity, Is.EqualTo(1024), "precondition: a fresh scratch writer");
    }
}
