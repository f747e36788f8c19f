using System.Buffers;
using System.Text;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>
/// The shared string escape against a one-character-at-a-time reference of the canonical rule:
/// every UTF-16 code unit, plain runs of every length cut by escapes, and destinations too small
/// for the whole text (the copy stops where the room ends and goes on from there).
/// </summary>
public class CanonicalJsonEscaperTests
{
    [Test]
    public void Every_code_unit_between_plain_runs_escapes_as_the_reference()
    {
        for (int code = 0; code <= 0xFFFF; code++)
        {
            if (char.IsSurrogate((char)code))
            {
                continue;
            }

            string text = "ab" + (char)code + new string('x', code % 40) + (char)code;
            Assert.That(EscapeWhole(text, 1024), Is.EqualTo(Reference(text)), $"U+{code:X4}");
        }
    }

    [Test]
    public void Surrogate_pairs_escape_as_two_code_units_and_lone_ones_are_refused()
    {
        Assert.That(EscapeWhole("a\ud83d\ude00b", 64), Is.EqualTo("a\\ud83d\\ude00b"));

        OperationStatus status = CanonicalJsonEscaper.Escape("plain run \ud83d!", new byte[64], out int consumed, out int written);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(OperationStatus.InvalidData));
            Assert.That(consumed, Is.EqualTo(10));
            Assert.That(written, Is.EqualTo(10));
        });
    }

    [Test]
    public void A_small_destination_stops_inside_a_plain_run_and_resumes_there([Range(12, 40, 7)] int room)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            text.Append(new string((char)('a' + (i % 26)), i % 37)).Append(i % 3 == 0 ? "\"" : i % 3 == 1 ? "\u00e9" : "\ud83d\ude00");
        }

        Assert.That(EscapeWhole(text.ToString(), room), Is.EqualTo(Reference(text.ToString())));
    }

    /// <summary>Calls the escape repeatedly with <paramref name="room"/> bytes at a time, as the writers do.</summary>
    private static string EscapeWhole(string text, int room)
    {
        var output = new StringBuilder();
        ReadOnlySpan<char> rest = text;
        byte[] destination = new byte[room];
        while (true)
        {
            OperationStatus status = CanonicalJsonEscaper.Escape(rest, destination, out int consumed, out int written);
            output.Append(Encoding.ASCII.GetString(destination, 0, written));
            Assert.That(status, Is.Not.EqualTo(OperationStatus.InvalidData));
            if (status == OperationStatus.Done)
            {
                return output.ToString();
            }

            Assert.That(consumed, Is.GreaterThan(0), "no progress");
            rest = rest[consumed..];
        }
    }

    private static string Reference(string text)
    {
        var output = new StringBuilder();
        foreach (char c in text)
        {
            _ = c switch
            {
                '"' => output.Append("\\\""),
                '\\' => output.Append("\\\\"),
                '\b' => output.Append("\\b"),
                '\t' => output.Append("\\t"),
                '\n' => output.Append("\\n"),
                '\f' => output.Append("\\f"),
                '\r' => output.Append("\\r"),
                >= ' ' and < (char)0x7F => output.Append(c),
                _ => output.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        return output.ToString();
    }
}
