using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Lucairn.Tests.Verification;

/// <summary>
/// Port of upstream <c>python/tests/test_canonical_json.py</c> (HEAD, 21 tests) against the
/// encoder the Lucairn signables use: <c>CanonicalJson.Serialize(token, LucairnCanonicalJson.Options)</c>.
/// </summary>
public class CanonicalJsonTests
{
    private static string Canonical(JToken token) => Encoding.ASCII.GetString(CanonicalJson.Serialize(token, LucairnCanonicalJson.Options));

    private static CanonicalJsonException Rejects(JToken token) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(token, LucairnCanonicalJson.Options))!;

    [Test]
    public void test_sorts_keys_alphabetically_at_top_level() =>
        Assert.That(Canonical(new JObject { ["b"] = "x", ["a"] = "y" }), Is.EqualTo("""{"a":"y","b":"x"}"""));

    [Test]
    public void test_sorts_keys_recursively_in_nested_maps() =>
        Assert.That(Canonical(new JObject { ["z"] = new JObject { ["y"] = "b", ["x"] = "a" }, ["a"] = "c" }), Is.EqualTo("""{"a":"c","z":{"x":"a","y":"b"}}"""));

    [Test]
    public void test_preserves_array_order() =>
        Assert.That(Canonical(new JObject { ["list"] = new JArray("c", "a", "b") }), Is.EqualTo("""{"list":["c","a","b"]}"""));

    [Test]
    public void test_emits_int_leaves_as_unquoted_json_integers() =>
        Assert.That(Canonical(new JObject { ["n"] = 1, ["s"] = "1" }), Is.EqualTo("""{"n":1,"s":"1"}"""));

    [Test]
    public void test_rejects_floats_at_boundary()
    {
        Assert.That(Rejects(new JObject { ["n"] = 1.5 }).Message, Does.Contain("non-integer"));
        Assert.That(Rejects(new JObject { ["n"] = 2.0m }).Message, Does.Contain("non-integer"), "2.0 is never coerced to 2");
    }

    [Test]
    public void test_bool_before_int_in_dispatch() =>
        Assert.That(Canonical(new JObject { ["a"] = true, ["b"] = false }), Is.EqualTo("""{"a":true,"b":false}"""));

    [Test]
    public void test_emits_html_chars_literally_and_escapes_line_separators() =>
        Assert.That(Canonical(new JObject { ["k"] = "<>&\u2028\u2029" }), Is.EqualTo("""{"k":"<>&\u2028\u2029"}"""));

    [Test]
    public void test_escapes_non_ascii_and_emoji_surrogate_pair() =>
        Assert.That(Canonical(new JObject { ["k"] = "é🦄" }), Is.EqualTo("""{"k":"\u00e9\ud83e\udd84"}"""));

    [Test]
    public void test_escapes_del_char() =>
        Assert.That(Canonical(new JObject { ["k"] = "a\u007fb" }), Is.EqualTo("""{"k":"a\u007fb"}"""));

    [Test]
    public void test_does_not_double_escape_quotes_or_backslashes() =>
        Assert.That(Canonical(new JObject { ["k"] = "\"\\" }), Is.EqualTo("""{"k":"\"\\"}"""));

    [Test]
    public void test_canonicalizes_sample_veil_shaped_map_byte_for_byte()
    {
        var map = new JObject
        {
            ["certificate_id"] = "veil_abc",
            ["request_id"] = "req_123",
            ["protocol_version"] = 2,
            ["claim_ids"] = new JArray("clm_1", "clm_2"),
            ["issued_at"] = "2026-04-20T05:24:12.710321721Z",
            ["_integer_probe"] = 1,
            ["witness_key_id"] = "witness_v1",
        };
        Assert.That(Canonical(map), Is.EqualTo(
            """{"_integer_probe":1,"certificate_id":"veil_abc","claim_ids":["clm_1","clm_2"],"issued_at":"2026-04-20T05:24:12.710321721Z","protocol_version":2,"request_id":"req_123","witness_key_id":"witness_v1"}"""));
    }

    [Test]
    public void test_handles_empty_maps_and_arrays()
    {
        Assert.That(Canonical(new JObject()), Is.EqualTo("{}"));
        Assert.That(Canonical(new JObject { ["a"] = new JArray() }), Is.EqualTo("""{"a":[]}"""));
    }

    [Test]
    [Description("C# analogue: a JToken cannot contain itself (adding a parented token copies it), so a cycle cannot reach the encoder; the copy is encoded finitely.")]
    public void test_rejects_circular_references_in_objects()
    {
        var cyclic = new JObject();
        cyclic["self"] = cyclic;
        Assert.That(Canonical(cyclic), Is.EqualTo("""{"self":{}}"""));
    }

    [Test]
    [Description("C# analogue: a JArray added to itself is copied, never shared, so no cycle exists.")]
    public void test_rejects_circular_references_in_arrays()
    {
        var array = new JArray();
        array.Add(array);
        Assert.That(Canonical(new JObject { ["a"] = array }), Is.EqualTo("""{"a":[[]]}"""));
    }

    [Test]
    public void test_rejects_bytes() =>
        Assert.That(Rejects(new JObject { ["a"] = new JValue(Encoding.ASCII.GetBytes("payload")) }).Path, Is.EqualTo("$.a"));

    [Test]
    [Description("C# analogue: JObject keys are always strings; the nearest hazard is a key with an unpaired surrogate, which is rejected.")]
    public void test_rejects_non_str_dict_keys() =>
        Assert.That(Rejects(new JObject { ["\ud800"] = "x" }).Message, Does.Contain("surrogate"));

    [Test]
    public void test_rejects_unsupported_types()
    {
        Rejects(new JObject { ["a"] = new JValue(Guid.Empty) });
        Rejects(new JObject { ["a"] = new JValue(new Uri("https://example.com")) });
        Rejects(new JObject { ["a"] = new JValue(TimeSpan.Zero) });
        Rejects(new JObject { ["a"] = new JValue(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)) });
    }

    [Test]
    public void test_rejects_lone_surrogate()
    {
        Assert.That(Rejects(new JObject { ["a"] = "\ud800" }).Message, Does.Contain("surrogate"));
        Assert.That(Rejects(new JObject { ["a"] = "x\udc00" }).Message, Does.Contain("surrogate"));
    }

    [Test]
    [Description("Python's '\\ud83d\\ude00' source literal is two separate code points; in C# it is one valid pair, so the mismatched cases are high+high and low+high.")]
    public void test_rejects_mismatched_surrogate_pair()
    {
        Assert.That(Rejects(new JObject { ["a"] = "\ud83d\ud83d" }).Message, Does.Contain("surrogate"));
        Assert.That(Rejects(new JObject { ["a"] = "\ude00\ud83d" }).Message, Does.Contain("surrogate"));
        Assert.That(Canonical(new JObject { ["a"] = "\ud83d\ude00" }), Is.EqualTo("""{"a":"\ud83d\ude00"}"""));
    }

    [Test]
    public void test_matches_go_reference_hex_byte_for_byte() =>
        Assert.That(Convert.ToHexStringLower(CanonicalJson.Serialize(Revived("canonical-json-go-reference-input.json"), LucairnCanonicalJson.Options)),
            Is.EqualTo(TestVectors.ReadText("lucairn", "canonical-json-go-reference.hex").Trim()));

    [Test]
    public void test_matches_witness_reference_hex_nonascii_byte_for_byte() =>
        Assert.That(Convert.ToHexStringLower(CanonicalJson.Serialize(Revived("canonical-json-nonascii-go-reference-input.json"), LucairnCanonicalJson.Options)),
            Is.EqualTo(TestVectors.ReadText("lucairn", "canonical-json-nonascii-go-reference.hex").Trim()));

    [Test]
    [Description("Spec §6 probe on the upstream SDK: controls, DEL, BMP edges, private use, U+FFFF.")]
    public void spec_probe_escapes_every_non_printable_and_non_ascii_character() =>
        Assert.That(Canonical(new JObject { ["k"] = "a/b\u0000\u001f\u007f\u0080\u00ff\ud7ff\ue000\uffff" }),
            Is.EqualTo("""{"k":"a/b\u0000\u001f\u007f\u0080\u00ff\ud7ff\ue000\uffff"}"""));

    [Test]
    [Description("Spec §6: integers of any size are written exactly (2**70).")]
    public void spec_big_integer_written_exactly() =>
        Assert.That(Canonical(CanonicalJson.Parse("""{"n":1180591620717411303424}""", LucairnCanonicalJson.Options)), Is.EqualTo("""{"n":1180591620717411303424}"""));

    /// <summary>The golden input with every <c>{"$rawInt": n}</c> marker replaced by the bare integer.</summary>
    private static JToken Revived(string file)
    {
        JToken input = CanonicalJson.Parse(TestVectors.ReadText("lucairn", file), LucairnCanonicalJson.Options);
        return Revive(input);
    }

    private static JToken Revive(JToken token)
    {
        switch (token)
        {
            case JObject { Count: 1 } marker when marker["$rawInt"] is JValue { Type: JTokenType.Integer } value:
                return new JValue(value.Value);
            case JObject obj:
                foreach (JProperty property in obj.Properties().ToList())
                {
                    property.Value = Revive(property.Value);
                }

                return obj;
            case JArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    array[i] = Revive(array[i]);
                }

                return array;
            default:
                return token;
        }
    }
}
