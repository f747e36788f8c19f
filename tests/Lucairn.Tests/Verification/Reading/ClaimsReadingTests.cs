using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The <c>claims</c> array: its shape problems, each claim's required members and the sanitizer claim's hashes.</summary>
public class ClaimsReadingTests
{
    /// <summary>In the real certificate, claim 1 is the sanitizer claim (dsa-sanitizer).</summary>
    private const int SanitizerClaim = 1;

    [Test]
    public void Claims_that_are_not_an_array_are_reported() =>
        Assert.That(Problem(c => c["claims"] = 7), Is.EqualTo("'claims' must be an array, got the integer 7."));

    [Test]
    public void Claims_that_are_an_object_are_walked_past_and_reported() =>
        Assert.That(Problem(c => c["claims"] = new JObject { ["a"] = 1, ["b"] = new JArray(1) }), Is.EqualTo("'claims' must be an array, got an object."));

    [Test]
    public void A_claim_that_is_not_an_object_is_named_by_index() =>
        Assert.That(Problem(c => ((JArray)c["claims"]!).Add(7)), Is.EqualTo("'claims[4]' must be an object, got the integer 7."));

    [Test]
    public void A_claim_that_is_an_array_is_walked_past_and_reported() =>
        Assert.That(Problem(c => ((JArray)c["claims"]!).Insert(0, new JArray(1, 2))), Is.EqualTo("'claims[0]' must be an object, got an array."));

    [TestCase("claim_id")]
    [TestCase("request_id")]
    [TestCase("service_id")]
    [TestCase("claim_type")]
    [TestCase("canonical_payload")]
    [TestCase("timestamp")]
    [TestCase("signature")]
    public void A_missing_claim_member_is_named_with_the_claim(string member) =>
        Assert.That(Problem(c => ((JObject)c["claims"]![2]!).Remove(member)), Is.EqualTo($"the required member 'claims[2].{member}' is missing."));

    [Test]
    public void Only_the_first_missing_claim_member_is_named() =>
        Assert.That(
            Problem(c =>
            {
                ((JObject)c["claims"]![0]!).Remove("service_id");
                ((JObject)c["claims"]![0]!).Remove("signature");
            }),
            Is.EqualTo("the required member 'claims[0].service_id' is missing."));

    [TestCase(0, "request_id")]
    [TestCase(1, "request_id")]
    [TestCase(1, "service_id")]
    [TestCase(1, "canonical_payload")]
    [TestCase(3, "timestamp")]
    [TestCase(3, "signature")]
    [TestCase(2, "claim_type")]
    public void A_claim_string_member_of_another_type_is_named(int index, string member) =>
        Assert.That(Problem(c => c["claims"]![index]![member] = 7), Is.EqualTo($"'claims[{index}].{member}' must be a string, got the integer 7."));

    [Test]
    public void An_unknown_claim_type_is_named_with_the_known_ones() =>
        Assert.That(
            Problem(c => c["claims"]![2]!["claim_type"] = "CLAIM_TYPE_BOGUS"),
            Is.EqualTo($"'claims[2].claim_type' has the unknown value 'CLAIM_TYPE_BOGUS' (expected one of {WireEnum<VeilClaimType>.Names})."));

    [TestCase("service_id")]
    [TestCase("timestamp")]
    [TestCase("signature")]
    public void An_escaped_unpaired_surrogate_in_a_claim_string_is_rejected(string member)
    {
        string json = Real(c => c["claims"]![2]![member] = "SURROGATE").Replace("SURROGATE", "\\ud800", StringComparison.Ordinal);

        Assert.That(Problem(json), Does.StartWith("the certificate is not well-formed JSON: "));
    }

    [Test]
    public void The_sanitizer_hashes_are_read_from_the_first_sanitizer_claim()
    {
        SanitizerHashes hashes = CertificateReader.Read(CertificateFixtures.RealV3).SanitizerHashes;

        Assert.That(hashes.RedactionManifestHash, Is.Not.Null.And.Not.Empty);
        Assert.That(hashes.SanitizedFieldsHash, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void An_escaped_sanitizer_payload_gives_the_same_hashes_as_the_plain_one()
    {
        JObject cert = CertificateFixtures.Load(RealFile);
        string payload = (string)cert["claims"]![SanitizerClaim]!["canonical_payload"]!;
        Assert.That(payload, Does.StartWith("e"));
        string escaped = Real(_ => { }).Replace($"\"{payload}\"", $"\"\\u0065{payload[1..]}\"", StringComparison.Ordinal);
        Assert.That(escaped, Does.Contain("\\u0065"));

        SanitizerHashes plain = CertificateReader.Read(CertificateFixtures.RealV3).SanitizerHashes;
        SanitizerHashes fromEscaped = CertificateReader.Read(escaped).SanitizerHashes;

        Assert.That(plain.RedactionManifestHash, Is.Not.Null);
        Assert.That(fromEscaped, Is.EqualTo(plain));
    }

    [Test]
    public void A_second_sanitizer_claim_does_not_replace_the_first_ones_hashes()
    {
        SanitizerHashes plain = CertificateReader.Read(CertificateFixtures.RealV3).SanitizerHashes;
        string json = Real(c =>
        {
            var second = (JObject)c["claims"]![SanitizerClaim]!.DeepClone();
            second["canonical_payload"] = Convert.ToBase64String("{\"redaction_manifest_hash\":\"other\"}"u8.ToArray());
            ((JArray)c["claims"]!).Add(second);
        });

        Assert.That(CertificateReader.Read(json).SanitizerHashes, Is.EqualTo(plain));
    }
}
