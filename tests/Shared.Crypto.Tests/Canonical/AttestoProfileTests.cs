using Newtonsoft.Json.Linq;
using TestSupport;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>The Attesto profile against <c>vectors/attesto</c> canonical and number-policy files.</summary>
public class AttestoProfileTests
{
    private static readonly CanonicalJsonOptions Attesto = TestProfiles.Attesto;

    private static IEnumerable<TestCaseData> Cases(string file)
    {
        var root = JObject.Parse(TestVectors.ReadText("attesto", file));
        return root["cases"]!.Cast<JObject>().Select(c => new TestCaseData(c).SetArgDisplayNames((string)c["name"]!));
    }

    private static IEnumerable<TestCaseData> CanonicalCases() => Cases("canonical-json.derived.json");

    private static IEnumerable<TestCaseData> NumberPolicyCases() => Cases("number-policy.derived.json");

    [TestCaseSource(nameof(CanonicalCases))]
    public void Canonical_vectors_match_text_and_hash(JObject c)
    {
        byte[] actual = CanonicalJson.Serialize((string)c["input_json"]!, Attesto);

        Assert.That(System.Text.Encoding.ASCII.GetString(actual), Is.EqualTo((string)c["expected_canonical"]!));
        Assert.That(Hashes.Sha256Hex(actual), Is.EqualTo((string)c["expected_sha256_hex"]!));
    }

    [TestCaseSource(nameof(NumberPolicyCases))]
    public void Number_policy_vectors_accept_or_report_the_exact_path(JObject c)
    {
        JToken input = CanonicalJson.Parse((string)c["input_json"]!, Attesto);

        if ((bool)c["expected_ok"]!)
        {
            Assert.DoesNotThrow(() => CanonicalJson.Validate(input, Attesto));
        }
        else
        {
            var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(input, Attesto));
            Assert.That(ex!.Path, Is.EqualTo((string)c["expected_path"]!));
        }
    }

    [Test]
    public void First_offender_is_reported_in_sorted_key_order()
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize("{\"z\":1.5,\"a\":[0,2.5]}", Attesto));
        Assert.That(ex!.Path, Is.EqualTo("$.a[1]"));
    }

    [TestCase("{\"caf\u00e9\":0.5}", "$[\"caf\\u00e9\"]")]
    [TestCase("{\"1a\":0.5}", "$[\"1a\"]")]
    [TestCase("{\"a b\":{\"c\":[[0.5]]}}", "$[\"a b\"].c[0][0]")]
    [TestCase("{\"_ok9\":Infinity}", "$._ok9")]
    public void Path_syntax_for_odd_keys(string json, string path) =>
        Assert.That(Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(json, Attesto))!.Path, Is.EqualTo(path));

    [Test]
    public void Big_integers_pass_lucairn_but_not_attesto()
    {
        const string Json = "{\"n\":123456789012345678901234567890}";
        Assert.DoesNotThrow(() => CanonicalJson.Serialize(Json, TestProfiles.Lucairn));
        Assert.That(Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(Json, Attesto))!.Message, Does.Contain("safe range"));
    }

    [Test]
    public void Integers_built_in_code_obey_the_same_range()
    {
        Assert.DoesNotThrow(() => CanonicalJson.Validate(new JObject { ["n"] = CanonicalJsonOptions.MaxSafeInteger }, Attesto));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(new JObject { ["n"] = long.MaxValue }, Attesto));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(new JObject { ["n"] = ulong.MaxValue }, Attesto));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(new JObject { ["n"] = 1.0m }, Attesto));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(new JObject { ["n"] = 1.0d }, Attesto));
    }
}
