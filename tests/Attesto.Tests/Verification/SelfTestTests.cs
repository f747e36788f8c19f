using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class SelfTestTests
{
    /// <summary>The self-test vectors embedded in the Attesto assembly, as text.</summary>
    internal static string Embedded()
    {
        using Stream stream = typeof(AttestoClient).Assembly.GetManifestResourceStream("Attesto.SelfTestVectors.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Test]
    public void The_embedded_vectors_pass_and_equal_the_shared_files()
    {
        Assert.That(SelfTest.Run(Embedded()), Is.Null);
        Assert.That(SelfTest.Failure, Is.Null);
        Assert.DoesNotThrow(SelfTest.EnsurePassed);

        var doc = Vectors.Parse(Embedded());
        JObject receiptVector = Vectors.Cases("receipt.proposed.json").First(c => (string)c["name"]! == "valid");
        Assert.That(JToken.DeepEquals(doc["receipt"]!["receipt"], receiptVector["receipt"]), Is.True);
        Assert.That((string?)doc["window"]!["root"], Is.EqualTo((string?)Vectors.Read("merkle.proposed.json")["window"]!["root"]));
    }

    [TestCase("canonical", 0, "expected_sha256_hex")]
    [TestCase("number_policy", 1, "expected_path")]
    [TestCase("payload_commitment", 0, "canonical_payload_hash")]
    public void A_divergent_value_is_reported(string section, int index, string field)
    {
        var doc = Vectors.Parse(Embedded());
        doc[section]![index]![field] = "$.wrong";
        string? failure = SelfTest.Run(doc.ToString());
        Assert.That(failure, Is.Not.Null.And.Not.Contain("could not be evaluated"), "a divergence, not a crash");
    }

    [TestCase("canonical", "canonical-json.derived.json", "expected_sha256_hex")]
    [TestCase("number_policy", "number-policy.derived.json", "expected_path")]
    public void Every_embedded_entry_is_a_case_of_the_shared_vector_file(string section, string file, string expected)
    {
        var doc = Vectors.Parse(Embedded());
        List<JObject> shared = Vectors.Cases(file).ToList();

        foreach (JObject entry in doc[section]!.Cast<JObject>())
        {
            Assert.That(
                shared.Any(c => (string?)c["input_json"] == (string?)entry["input_json"] && JToken.DeepEquals(c[expected], entry[expected])),
                Is.True,
                $"{section}: {entry["input_json"]} is not in {file} with the same {expected}");
        }
    }

    [Test]
    public void Divergent_merkle_and_receipt_values_are_reported()
    {
        var doc = Vectors.Parse(Embedded());
        doc["window"]!["root"] = new string('0', 64);
        Assert.That(SelfTest.Run(doc.ToString()), Does.Contain("window"));

        doc = Vectors.Parse(Embedded());
        doc["checkpoint"]!["checkpoint_root"] = new string('0', 64);
        Assert.That(SelfTest.Run(doc.ToString()), Does.Contain("checkpoint"));

        doc = Vectors.Parse(Embedded());
        doc["receipt"]!["expected_digest_hex"] = new string('0', 64);
        Assert.That(SelfTest.Run(doc.ToString()), Does.Contain("receipt digest"));

        doc = Vectors.Parse(Embedded());
        doc["receipt"]!["tampered"] = doc["receipt"]!["receipt"]!["payload"]!.DeepClone();
        Assert.That(SelfTest.Run(doc.ToString()), Does.Contain("tampered"));

        doc = Vectors.Parse(Embedded());
        ((JArray)doc["window"]!["inclusion"]!)[2]!["expected"] = true;
        Assert.That(SelfTest.Run(doc.ToString()), Does.Contain("inclusion"));
    }

    [Test]
    public void Missing_sections_and_garbage_are_failures_not_crashes()
    {
        Assert.That(SelfTest.Run("{}"), Does.Contain("missing"));
        Assert.That(SelfTest.Run("not json"), Is.Not.Null);
    }
}
