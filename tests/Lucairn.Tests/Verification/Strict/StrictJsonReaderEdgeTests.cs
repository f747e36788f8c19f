using System.Text;

namespace Lucairn.Tests.Verification.Strict;

/// <summary>
/// <see cref="StrictJsonReader"/> edges: the exact problem texts, the byte-order mark, trailing
/// commas, the shortened key in the duplicate message, the case-variant flag over several keys,
/// and duplicates of an early key in an object large enough for the hash-set check.
/// </summary>
public class StrictJsonReaderEdgeTests
{
    private static string? ProblemOf(byte[] utf8)
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse(utf8, out string? problem);
        Assert.That(tree, Is.Null, "the document must be refused");
        return problem;
    }

    private static string? ProblemOf(string json) => ProblemOf(Encoding.UTF8.GetBytes(json));

    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF })]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' })]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'"', 0xEF, 0xBB, 0xBF, (byte)'"' })]
    public void A_byte_order_mark_is_refused_as_such(byte[] utf8) =>
        Assert.That(ProblemOf(utf8), Is.EqualTo("the document starts with a byte-order mark."));

    [Test]
    public void A_byte_order_mark_inside_a_string_is_just_a_character()
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse([(byte)'"', 0xEF, 0xBB, 0xBF, (byte)'"'], out string? problem);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(tree!.Text, Is.EqualTo("\uFEFF"));
        });
    }

    [Test]
    public void Invalid_UTF8_is_refused_as_such() =>
        Assert.That(ProblemOf([(byte)'"', 0xFF, (byte)'"']), Is.EqualTo("the document is not valid UTF-8."));

    [TestCase("[1,]")]
    [TestCase("{\"a\":1,}")]
    [TestCase("[1] // note")]
    [TestCase("")]
    [TestCase("   ")]
    public void Malformed_json_is_refused_with_the_tokenizer_message(string json) =>
        Assert.That(ProblemOf(json), Does.StartWith("the document is not well-formed JSON: ").And.Length.GreaterThan(40));

    [TestCase("\"\\ud800\"")]
    [TestCase("\"\\udc00\\ud800\"")]
    public void Lone_or_reversed_surrogate_escapes_are_refused(string json) =>
        Assert.That(ProblemOf(json), Does.StartWith("the document has an invalid string escape: ").And.Length.GreaterThan(44));

    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("0")]
    [TestCase("null")]
    [TestCase("{\"a\":[1,{\"b\":\"c\"}]}")]
    public void An_accepted_document_has_no_problem(string json)
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json), out string? problem, out bool variant);
        Assert.Multiple(() =>
        {
            Assert.That(tree, Is.Not.Null);
            Assert.That(problem, Is.Null);
            Assert.That(variant, Is.False);
        });
    }

    [TestCase(1)]
    [TestCase(39)]
    [TestCase(40)]
    public void A_duplicate_key_up_to_40_characters_is_quoted_whole(int length)
    {
        string key = new('x', length);
        Assert.That(ProblemOf($"{{\"{key}\":1,\"{key}\":2}}"), Is.EqualTo($"an object has the key '{key}' twice."));
    }

    [TestCase(41)]
    [TestCase(500)]
    public void A_longer_duplicate_key_is_shortened_to_40_characters(int length)
    {
        string key = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        Assert.That(ProblemOf($"{{\"{key}\":1,\"{key}\":2}}"), Is.EqualTo($"an object has the key '{key[..40]}…' twice."));
    }

    [TestCase("{\"BYOK_EXEMPT\":1,\"byokExempt\":2}")]
    [TestCase("{\"BYOK_EXEMPT\":1,\"a\":{\"byokExempt\":2},\"Claim_Id\":3}")]
    [TestCase("{\"x\":[{\"byokExempt\":1},{\"ByokExempt\":2}]}")]
    public void Several_case_variant_keys_still_flag_the_document(string json)
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json), out string? problem, out bool variant);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(variant, Is.True);
            Assert.That(CaseVariantKeys.Any(tree!), Is.True);
        });
    }

    /// <summary>Once an object has 16 members its keys move to a hash set: an early key repeated later is still found.</summary>
    [TestCase(16, 0)]
    [TestCase(17, 0)]
    [TestCase(17, 15)]
    [TestCase(40, 0)]
    [TestCase(40, 20)]
    public void A_repeat_of_an_early_key_in_a_large_object_is_found(int members, int repeated)
    {
        string body = string.Join(",", Enumerable.Range(0, members).Select(i => $"\"k{i}\":{i}"));
        Assert.Multiple(() =>
        {
            Assert.That(ProblemOf($"{{{body},\"k{repeated}\":0}}"), Is.EqualTo($"an object has the key 'k{repeated}' twice."));
            Assert.That(ProblemOf($"[{{\"z\":{{{body},\"extra\":1,\"k{repeated}\":0}}}}]"), Is.EqualTo($"an object has the key 'k{repeated}' twice."));
            Assert.That(StrictJsonReader.TryParse(Encoding.UTF8.GetBytes($"{{{body},\"k{members}\":0}}"), out _)!.Members!, Has.Count.EqualTo(members + 1));
        });
    }

    [Test]
    public void Get_on_a_non_object_is_null() =>
        Assert.Multiple(() =>
        {
            Assert.That(StrictJsonNode.String("a").Get("a"), Is.Null);
            Assert.That(StrictJsonNode.NewArray().Get("a"), Is.Null);
            Assert.That(StrictJsonNode.NullValue.Get("a"), Is.Null);
        });
}
