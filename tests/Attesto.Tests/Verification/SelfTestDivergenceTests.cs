using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>The exact divergence the self-test reports, and that its checks run in order (the first divergence wins).</summary>
public class SelfTestDivergenceTests
{
    private static JObject Embedded() => Vectors.Parse(SelfTestTests.Embedded());

    /// <summary>A document whose sections before <paramref name="section"/> are empty lists and after it are missing.</summary>
    private static JObject Upto(string section, JToken value)
    {
        var doc = new JObject();
        foreach (string name in new[] { "canonical", "number_policy", "payload_commitment" })
        {
            if (name == section)
            {
                break;
            }

            doc[name] = new JArray();
        }

        doc[section] = value;
        return doc;
    }

    [Test]
    public void A_canonical_divergence_is_named_before_anything_else_is_read()
    {
        JObject doc = Upto("canonical", new JArray(new JObject { ["input_json"] = "{\"a\":1}", ["expected_sha256_hex"] = "00" }));
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("canonical JSON of {\"a\":1} diverges"));
    }

    [Test]
    public void A_number_accepted_against_the_vector_is_named_with_its_expected_path()
    {
        JObject doc = Upto("number_policy", new JArray(new JObject { ["input_json"] = "{\"n\":1}", ["expected_path"] = "$.n" }));
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("number policy for {\"n\":1}: expected path $.n, got (accepted)"));
    }

    [Test]
    public void A_number_refused_against_the_vector_is_named_with_its_actual_path()
    {
        JObject doc = Upto("number_policy", new JArray(new JObject { ["input_json"] = "{\"n\":1.5}", ["expected_path"] = null }));
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("number policy for {\"n\":1.5}: expected path (accepted), got $.n"));
    }

    [Test]
    public void A_payload_commitment_divergence_is_named_before_the_merkle_sections_are_read()
    {
        JObject doc = Upto("payload_commitment", new JArray(new JObject { ["payload"] = new JObject { ["a"] = 1 }, ["canonical_payload_hash"] = "00" }));
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("payload commitment diverges"));
    }

    [Test]
    public void A_merkle_divergence_is_named_before_the_receipt_section_is_read()
    {
        JObject doc = Embedded();
        doc.Remove("receipt");
        doc["window"]!["root"] = new string('0', 64);
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("window Merkle root diverges"));
    }

    [Test]
    public void A_receipt_signature_that_does_not_verify_is_named()
    {
        JObject doc = Embedded();
        string signature = (string)doc["receipt"]!["receipt"]!["signature"]!;
        doc["receipt"]!["receipt"]!["signature"] = (signature[0] == '0' ? "1" : "0") + signature[1..];
        Assert.That(SelfTest.Run(doc.ToString()), Is.EqualTo("a valid receipt signature does not verify"));
    }
}
