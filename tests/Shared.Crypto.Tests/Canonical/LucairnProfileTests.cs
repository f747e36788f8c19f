using System.Text;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>The Lucairn witness profile against the upstream Go reference bytes and the spec's unit vectors.</summary>
public class LucairnProfileTests
{
    private static readonly CanonicalJsonOptions Lucairn = TestProfiles.Lucairn;

    [TestCase("canonical-json-go-reference-input.json", "canonical-json-go-reference.hex")]
    [TestCase("canonical-json-nonascii-go-reference-input.json", "canonical-json-nonascii-go-reference.hex")]
    public void Go_reference_inputs_encode_byte_for_byte(string inputFile, string hexFile)
    {
        JToken input = ReplaceRawIntMarkers(CanonicalJson.Parse(TestVectors.ReadText("lucairn", inputFile), Lucairn));

        byte[] actual = CanonicalJson.Serialize(input, Lucairn);

        Assert.That(Hex.Encode(actual), Is.EqualTo(Hex.Encode(TestVectors.ReadHex("lucairn", hexFile))));
    }

    [TestCase("signable-go-reference.hex")]
    [TestCase("real-v2-signable-go-reference.hex")]
    [TestCase("real-v3-signable-go-reference.hex")]
    [TestCase("v3-signable-go-reference.hex")]
    public void Go_signable_bytes_are_a_fixed_point_of_the_encoder(string hexFile)
    {
        byte[] reference = TestVectors.ReadHex("lucairn", hexFile);
        JToken parsed = CanonicalJson.Parse(Encoding.ASCII.GetString(reference), Lucairn);

        Assert.That(CanonicalJson.Serialize(parsed, Lucairn), Is.EqualTo(reference));
    }

    [TestCase("{\"b\":\"x\",\"a\":\"y\"}", "{\"a\":\"y\",\"b\":\"x\"}")]
    [TestCase("{\"z\":{\"y\":\"b\",\"x\":\"a\"},\"a\":\"c\"}", "{\"a\":\"c\",\"z\":{\"x\":\"a\",\"y\":\"b\"}}")]
    [TestCase("{\"list\":[\"c\",\"a\",\"b\"]}", "{\"list\":[\"c\",\"a\",\"b\"]}")]
    [TestCase("{\"n\":1,\"s\":\"1\"}", "{\"n\":1,\"s\":\"1\"}")]
    [TestCase("{\"a\":true,\"b\":false}", "{\"a\":true,\"b\":false}")]
    [TestCase("{\"k\":\"<>&\\u2028\\u2029\"}", "{\"k\":\"<>&\\u2028\\u2029\"}")]
    [TestCase("{\"k\":\"\u00e9\U0001F984\"}", "{\"k\":\"\\u00e9\\ud83e\\udd84\"}")]
    [TestCase("{\"k\":\"a\u007fb\"}", "{\"k\":\"a\\u007fb\"}")]
    [TestCase("{\"k\":\"\\\"\\\\\"}", "{\"k\":\"\\\"\\\\\"}")]
    [TestCase("{}", "{}")]
    [TestCase("{\"a\":[]}", "{\"a\":[]}")]
    [TestCase("{\"k\":\"a/b\\u0000\\u001f\\u007f\\u0080\\u00ff\\ud7ff\\ue000\\uffff\"}", "{\"k\":\"a/b\\u0000\\u001f\\u007f\\u0080\\u00ff\\ud7ff\\ue000\\uffff\"}")]
    [TestCase("{\"k\":\"\\b\\t\\n\\f\\r'\"}", "{\"k\":\"\\b\\t\\n\\f\\r'\"}")]
    [TestCase("{\"big\":1180591620717411303424,\"neg\":-5,\"zero\":0}", "{\"big\":1180591620717411303424,\"neg\":-5,\"zero\":0}")]
    [TestCase("[{\"b\":1,\"a\":2},null]", "[{\"a\":2,\"b\":1},null]")]
    public void Spec_unit_vectors(string input, string expected) =>
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(input, Lucairn), Lucairn), Is.EqualTo(expected));

    [Test]
    public void Keys_sort_by_utf8_bytes_not_utf16_units()
    {
        var obj = new JObject { ["\U0001F600"] = 3, ["\ue000"] = 2, ["a"] = 1 };

        Assert.That(CanonicalJson.SerializeToString(obj, Lucairn), Is.EqualTo("{\"a\":1,\"\\ue000\":2,\"\\ud83d\\ude00\":3}"));
        Assert.That(string.CompareOrdinal("\ue000", "\U0001F600"), Is.GreaterThan(0), "the trap this guards against");
    }

    [TestCase("{\"f\":1.5}", "$.f")]
    [TestCase("{\"f\":2.0}", "$.f")]
    [TestCase("{\"a\":[1,{\"b\":1e3}]}", "$.a[1].b")]
    public void Floats_are_rejected_even_when_integral(string json, string path)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(json, Lucairn));
        Assert.That(ex!.Path, Is.EqualTo(path));
        Assert.That(ex.Message, Does.Contain("non-integer"));
    }

    // Attribute strings cannot carry lone surrogates (metadata is UTF-8), so build them here.
    private static IEnumerable<TestCaseData> LoneSurrogates()
    {
        yield return new TestCaseData(new string((char)0xD800, 1), "unpaired high surrogate").SetArgDisplayNames("high");
        yield return new TestCaseData("a" + (char)0xDC00, "unpaired low surrogate").SetArgDisplayNames("low");
        yield return new TestCaseData(string.Concat((char)0xDC00, (char)0xD800), "unpaired low surrogate").SetArgDisplayNames("reversed pair");
        yield return new TestCaseData(string.Concat((char)0xD800, 'x'), "unpaired high surrogate").SetArgDisplayNames("high then ascii");
    }

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Lone_surrogates_are_rejected_in_values_and_keys(string text, string expected)
    {
        var value = new JObject { ["k"] = text };
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(value, Lucairn));
        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.Path, Is.EqualTo("$.k"));

        var key = new JObject { [text] = 1 };
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(key, Lucairn));
    }

    [TestCase("{\"k\":\"\\ud800\"}", "high")]
    [TestCase("{\"k\":\"\\uD800x\"}", "high")]
    [TestCase("{\"k\":\"\\ud800\\n\"}", "high")]
    [TestCase("{\"k\":\"\\ud800\\u0041\"}", "high")]
    [TestCase("{\"k\":\"\\udc00\"}", "low")]
    [TestCase("{\"\\udfff\":1}", "low")]
    public void Lone_surrogate_escapes_in_json_text_are_rejected_not_replaced(string json, string which)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, Lucairn));
        Assert.That(ex!.Message, Does.Contain($"unpaired {which} surrogate"));
    }

    [TestCase(1021)]
    [TestCase(1022)]
    [TestCase(1023)]
    [TestCase(4093)]
    public void Surrogate_guard_holds_across_read_buffer_boundaries(int padding)
    {
        string prefix = "{\"p\":\"" + new string('x', padding) + "\",\"k\":\"";
        Assert.DoesNotThrow(() => CanonicalJson.Parse(prefix + "\\ud83e\\udd84\"}", Lucairn));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(prefix + "\\ud83e\\u0041\"}", Lucairn));
    }

    [Test]
    public void Paired_surrogate_escapes_and_escaped_backslashes_are_fine()
    {
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse("{\"k\":\"\\ud83e\\udd84\"}", Lucairn), Lucairn), Is.EqualTo("{\"k\":\"\\ud83e\\udd84\"}"));
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse("{\"k\":\"\\\\ud800\"}", Lucairn), Lucairn), Is.EqualTo("{\"k\":\"\\\\ud800\"}"));
    }

    [Test]
    public void A_string_token_holding_null_is_written_as_null()
    {
        var obj = new JObject { ["s"] = JValue.CreateString(null) };
        Assert.That(CanonicalJson.SerializeToString(obj, Lucairn), Is.EqualTo("{\"s\":null}"));
    }

    [Test]
    public void Values_that_are_not_json_types_are_rejected()
    {
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["d"] = new JValue(DateTime.UnixEpoch) }, Lucairn));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["b"] = new JValue(new byte[] { 1 }) }, Lucairn));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["g"] = new JValue(Guid.Empty) }, Lucairn));
    }

    [Test]
    public void Parsing_keeps_timestamps_and_big_integers_exact()
    {
        const string Json = "{\"issued_at\":\"2026-04-20T05:24:12.710321721Z\",\"n\":123456789012345678901234567890}";
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(Json, Lucairn), Lucairn), Is.EqualTo(Json));
    }

    [TestCase("{\"a\":1,\"a\":2}", "already")]
    [TestCase("{\"a\":1} {", "Additional text")]
    [TestCase("NaN", "NaN")]
    [TestCase("", "empty")]
    [TestCase("{\"a\":", "not valid")]
    public void Parser_rejects_ambiguous_or_broken_text(string json, string expected)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, Lucairn));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void Hostile_nesting_is_a_clear_error_not_a_stack_overflow()
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(deep, Lucairn));
        Assert.That(ex!.Message, Does.Contain("deeper than the depth limit of 128"));

        JToken built = new JArray();
        for (int i = 0; i < 10_000; i++)
        {
            built = new JArray(built);
        }

        var writeError = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(built, Lucairn));
        Assert.That(writeError!.Message, Does.Contain("deeper than the limit of 128"));
    }

    internal static JToken ReplaceRawIntMarkers(JToken token) => token switch
    {
        JObject { Count: 1 } o when o.TryGetValue("$rawInt", out JToken? raw) => raw.DeepClone(),
        JObject o => new JObject(o.Properties().Select(p => new JProperty(p.Name, ReplaceRawIntMarkers(p.Value)))),
        JArray a => new JArray(a.Select(ReplaceRawIntMarkers)),
        _ => token.DeepClone(),
    };
}
