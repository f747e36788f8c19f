using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Verification;

public class CanonicalJsonVectorTests
{
    private static TestCaseData[] CanonicalCases => Vectors.CaseData("canonical-json.derived.json");

    private static TestCaseData[] NumberCases => Vectors.CaseData("number-policy.derived.json");

    [TestCaseSource(nameof(CanonicalCases))]
    public void Canonical_bytes_and_hash_match(JObject c)
    {
        byte[] bytes = AttestoCanonicalJson.Serialize(AttestoCanonicalJson.Parse((string)c["input_json"]!));
        Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo((string)c["expected_canonical"]!));
        Assert.That(Hashes.Sha256Hex(bytes), Is.EqualTo((string)c["expected_sha256_hex"]!));
    }

    [TestCaseSource(nameof(NumberCases))]
    public void Number_policy_outcome_and_path_match(JObject c)
    {
        JToken value = AttestoCanonicalJson.Parse((string)c["input_json"]!);
        if ((bool)c["expected_ok"]!)
        {
            Assert.DoesNotThrow(() => AttestoCanonicalJson.CheckNumberPolicy(value));
        }
        else
        {
            var ex = Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(value));
            Assert.That(ex!.Path, Is.EqualTo((string)c["expected_path"]!));
        }
    }

    [TestCase("{\"n\":1.0}", "$.n")]
    [TestCase("{\"n\":-0.0}", "$.n")]
    [TestCase("{\"n\":9007199254740991,\"m\":-9007199254740992}", "$.m")]
    [TestCase("{\"n\":90071992547409910000}", "$.n")]
    [TestCase("{\"b\":[{\"x\":1},{\"y\":[0,1e2]}],\"a\":1}", "$.b[1].y[1]")]
    [TestCase("{\"z\":1.5,\"a\":{\"q\":2.5}}", "$.a.q")]
    [TestCase("{\"caf\\u00e9\":0.5}", "$[\"caf\\u00e9\"]")]
    [TestCase("{\"\":0.5}", "$[\"\"]")]
    [TestCase("{\"1abc\":0.5}", "$[\"1abc\"]")]
    [TestCase("{\"a b\":{\"c\\\"d\":0.5}}", "$[\"a b\"][\"c\\\"d\"]")]
    [TestCase("{\"_ok9\":[[[2.5]]]}", "$._ok9[0][0][0]")]
    [TestCase("1.5", "$")]
    public void Number_policy_reports_the_first_offender_in_canonical_order(string json, string path)
    {
        var ex = Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.Parse(json)));
        Assert.That(ex!.Path, Is.EqualTo(path));
    }

    [TestCase("{\"n\":9007199254740991}")]
    [TestCase("{\"n\":-9007199254740991}")]
    [TestCase("{\"n\":0,\"s\":\"1.5\",\"b\":false,\"z\":null}")]
    public void Number_policy_accepts_safe_values(string json) =>
        Assert.DoesNotThrow(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.Parse(json)));

    [TestCase("{\"n\":NaN}", "$.n")]
    [TestCase("{\"n\":Infinity}", "$.n")]
    [TestCase("{\"n\":-Infinity}", "$.n")]
    public void NaN_and_infinity_text_are_unsafe_numbers(string json, string path)
    {
        var ex = Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.Parse(json));
        Assert.That(ex!.Path, Is.EqualTo(path));
    }

    [Test]
    public void Clr_doubles_including_nan_and_integral_values_are_rejected()
    {
        Assert.That(Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.ToToken(new { v = double.NaN })))!.Path, Is.EqualTo("$.v"));
        Assert.That(Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.ToToken(new { v = 1.0 })))!.Path, Is.EqualTo("$.v"));
        Assert.That(Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.ToToken(new { v = double.PositiveInfinity })))!.Path, Is.EqualTo("$.v"));
        Assert.That(Assert.Throws<AttestoUnsafeNumberException>(() => AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.ToToken(new { v = ulong.MaxValue })))!.Path, Is.EqualTo("$.v"));
    }

    [Test]
    public void Duplicate_keys_and_bad_json_are_validation_errors()
    {
        Assert.Throws<AttestoValidationException>(() => AttestoCanonicalJson.Parse("{\"a\":1,\"a\":2}"));
        Assert.Throws<AttestoValidationException>(() => AttestoCanonicalJson.Parse("{\"a\":"));
        Assert.Throws<AttestoValidationException>(() => AttestoCanonicalJson.Serialize(new JValue("\ud800")));
        Assert.Throws<AttestoValidationException>(() => AttestoCanonicalJson.Serialize(new JObject { ["s"] = (string?)null }));
    }
}
