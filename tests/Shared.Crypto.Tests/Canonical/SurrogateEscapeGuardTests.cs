namespace Shared.Crypto.Tests.Canonical;

/// <summary>
/// The surrogate-escape guard in front of the JSON reader: exact positions in its messages, every
/// read entry point, uppercase hex digits, and an invalid <c>\u</c> escape after a high surrogate.
/// </summary>
public class SurrogateEscapeGuardTests
{
    private static string Message(string which, int position) =>
        $"JSON text has an unpaired {which} surrogate \\u escape near character {position} (it would be silently replaced by U+FFFD).";

    [Test]
    public void A_lone_low_escape_is_reported_at_the_character_that_completes_it()
    {
        // [ " \ u d c 0 0: the escape's last hex digit is character 8.
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse("[\"\\udc00\"]", CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo(Message("low", 8)));
        Assert.That(ex.Path, Is.EqualTo("$"));
    }

    [Test]
    public void A_high_escape_followed_by_a_short_escape_is_reported_at_the_short_escape()
    {
        // [ " \ u d 8 0 0 \ n: the 'n' (character 10) shows that no low surrogate follows.
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse("[\"\\ud800\\n\"]", CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo(Message("high", 10)));
    }

    [Test]
    public void Positions_count_across_reads_that_return_one_character_at_a_time()
    {
        using var reader = new TrickleReader("[\"\\udc00\"]");
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(reader, CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo(Message("low", 8)));
    }

    [Test]
    public void A_lone_escape_is_found_when_a_read_starts_with_its_backslash()
    {
        // Each read is one character, so the backslash opens a chunk of its own.
        using var reader = new TrickleReader("{\"k\":\"\\ud800x\"}");
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(reader, CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo(Message("high", 13)));
    }

    [TestCase("\"\\uDC0A\"")]
    [TestCase("\"\\uDC0F\"")]
    [TestCase("\"\\uDCAF\"")]
    public void Uppercase_hex_digits_A_and_F_are_read(string json)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo(Message("low", 7)));
    }

    [Test]
    public void An_invalid_u_escape_after_a_high_surrogate_is_left_to_the_json_reader()
    {
        // The guard drops the pending high surrogate at the non-hex digit; the reader then reports the bad escape.
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse("[\"\\ud800\\uZZZZ\"]", CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Does.StartWith("JSON text is not valid: "));
        Assert.That(ex.Message, Does.Not.Contain("surrogate"));
    }

    [Test]
    public void The_single_character_read_inspects_each_character()
    {
        using var guard = new SurrogateEscapeGuard(new StringReader("ab\\udc00"));
        var ex = Assert.Throws<CanonicalJsonException>(() => ReadOneByOne(guard));
        Assert.That(ex!.Message, Is.EqualTo(Message("low", 8)));
    }

    [Test]
    public void The_single_character_read_inspects_a_nul_character_too()
    {
        // A NUL where the low surrogate's backslash should be ends the pair.
        using var guard = new SurrogateEscapeGuard(new StringReader("\\ud800\0"));
        var ex = Assert.Throws<CanonicalJsonException>(() => ReadOneByOne(guard));
        Assert.That(ex!.Message, Is.EqualTo(Message("high", 7)));
    }

    [Test]
    public void The_single_character_read_passes_plain_text_and_the_end_through()
    {
        using var guard = new SurrogateEscapeGuard(new StringReader("a\\ud83d\\ude00"));
        Assert.That(ReadOneByOne(guard), Is.EqualTo("a\\ud83d\\ude00"));
        Assert.That(guard.Read(), Is.EqualTo(-1));
    }

    [Test]
    public void The_span_read_inspects_what_it_read()
    {
        using var guard = new SurrogateEscapeGuard(new StringReader("x\\udc00"));
        var ex = Assert.Throws<CanonicalJsonException>(() => guard.Read(new char[16].AsSpan()));
        Assert.That(ex!.Message, Is.EqualTo(Message("low", 7)));
    }

    private static string ReadOneByOne(TextReader reader)
    {
        var text = new System.Text.StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            text.Append((char)c);
        }

        return text.ToString();
    }

    /// <summary>A reader that hands out one character per read call.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _index;

        public override int Peek() => _index < text.Length ? text[_index] : -1;

        public override int Read() => _index < text.Length ? text[_index++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || _index >= text.Length)
            {
                return 0;
            }

            buffer[0] = text[_index++];
            return 1;
        }
    }
}
