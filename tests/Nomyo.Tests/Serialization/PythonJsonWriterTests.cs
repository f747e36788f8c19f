using System.Text;
using Newtonsoft.Json.Linq;

namespace Nomyo.Tests;

public class PythonJsonWriterTests
{
    private static string Write(JToken token)
    {
        using var writer = new SensitiveBufferWriter(4);
        PythonJsonWriter.WriteToken(writer, token);
        return Encoding.ASCII.GetString(writer.WrittenSpan);
    }

    [Test]
    public void Uses_python_separators_and_insertion_order()
    {
        var token = new JObject { ["b"] = new JArray(1, 2, new JObject()), ["a"] = new JObject { ["x"] = null, ["y"] = true, ["z"] = false }, ["e"] = new JArray() };
        Assert.That(Write(token), Is.EqualTo("{\"b\": [1, 2, {}], \"a\": {\"x\": null, \"y\": true, \"z\": false}, \"e\": []}"));
    }

    [TestCase(1.0, "1.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(1e-7, "1e-07")]
    [TestCase(123456.789, "123456.789")]
    public void Floats_use_the_shortest_round_trip_form(double value, string expected)
    {
        Assert.That(Write(new JValue(value)), Is.EqualTo(expected));
    }

    [Test]
    public void Strings_escape_like_ensure_ascii()
    {
        Assert.That(Write("\u0001\b\f\n\r\t\"\\/<>&'\u007f\u0080\uffff\U0001F600"),
            Is.EqualTo("\"\\u0001\\b\\f\\n\\r\\t\\\"\\\\/<>&'\\u007f\\u0080\\uffff\\ud83d\\ude00\""));
    }

#pragma warning disable NUnit1027 // FsCheck supplies the argument.
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool Any_string_round_trips_through_a_json_parser_as_pure_ascii(FsCheck.NonNull<string> text)
    {
        string json = Write(new JObject { ["s"] = text.Get, ["n"] = text.Get.Length });
        return json.All(c => c is >= ' ' and <= '~')
            && (string?)NomyoJson.Parse(Encoding.ASCII.GetBytes(json))["s"] == text.Get;
    }
#pragma warning restore NUnit1027

    [Test]
    public void Big_integers_are_exact()
    {
        Assert.That(Write(JToken.Parse("123456789012345678901234567890")), Is.EqualTo("123456789012345678901234567890"));
    }

    [Test]
    public void Values_json_cannot_carry_are_refused()
    {
        Assert.Throws<NomyoValidationException>(() => Write(new JObject { ["d"] = new JValue(DateTime.UnixEpoch) }));
        Assert.Throws<NomyoValidationException>(() => Write(new JValue(double.NaN)));
    }

    [Test]
    public void Buffer_growth_keeps_content()
    {
        string text = new('q', 100_000);
        Assert.That(Write(text), Is.EqualTo("\"" + text + "\""));
    }
}
