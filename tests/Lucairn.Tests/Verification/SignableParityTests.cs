using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Lucairn.Tests.Verification;

/// <summary>Port of upstream <c>python/tests/test_signable_parity.py</c> (10 tests).</summary>
public class SignableParityTests
{
    internal static JObject Decode(byte[] signable) => JObject.Parse(Encoding.ASCII.GetString(signable));

    /// <summary>The real v3 certificate with its sanitizer claim's canonical_payload replaced by base64 of <paramref name="payloadJson"/>.</summary>
    internal static JObject WithSanitizerPayload(string payloadJson)
    {
        JObject cert = CertificateFixtures.Load("real-v3-cert.fixture.json");
        JObject sanitizer = cert["claims"]!.Children<JObject>().First(c => (string?)c["service_id"] == "dsa-sanitizer");
        sanitizer["canonical_payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payloadJson));
        return cert;
    }

    [Test]
    public void test_real_cert_v2_signable_matches_shared_golden_hex() =>
        Assert.That(Convert.ToHexStringLower(Signables.BuildV2(CertificateFixtures.Load("real-v3-cert.fixture.json"))),
            Is.EqualTo(TestVectors.ReadText("lucairn", "real-v2-signable-go-reference.hex").Trim()));

    [Test]
    public void test_real_cert_v3_signable_matches_shared_golden_hex() =>
        Assert.That(Convert.ToHexStringLower(Signables.BuildV3(CertificateFixtures.Load("real-v3-cert.fixture.json"))),
            Is.EqualTo(TestVectors.ReadText("lucairn", "real-v3-signable-go-reference.hex").Trim()));

    [Test]
    public void test_flat_canonical_payload_hash_read() =>
        Assert.That((string?)Decode(Signables.BuildV3(WithSanitizerPayload("""{"redaction_manifest_hash":"abc123"}""")))["redaction_manifest_hash"], Is.EqualTo("abc123"));

    [Test]
    public void test_wrapped_canonical_payload_hash_read() =>
        Assert.That((string?)Decode(Signables.BuildV3(WithSanitizerPayload("""{"payload":{"redaction_manifest_hash":"abc123"}}""")))["redaction_manifest_hash"], Is.EqualTo("abc123"));

    [TestCase("2026-05-01T14:00:00.100000000+02:00", "2026-05-01T12:00:00.1Z")]
    [TestCase("2026-05-01T08:00:00-03:00", "2026-05-01T11:00:00Z")]
    [TestCase("2026-06-10T00:01:59.100000000+00:00", "2026-06-10T00:01:59.1Z")]
    [TestCase("2026-06-10T00:01:59.878143387Z", "2026-06-10T00:01:59.878143387Z")]
    [TestCase("2026-06-10T00:01:59.000000000Z", "2026-06-10T00:01:59Z")]
    [TestCase("2026-06-10T00:01:59Z", "2026-06-10T00:01:59Z")]
    [TestCase("not-a-timestamp", "not-a-timestamp")]
    public void test_offset_timestamp_normalized_to_utc(string served, string normalized) =>
        Assert.That(IssuedAt.Normalize(served), Is.EqualTo(normalized));

    [Test]
    public void test_non_ascii_key_sort()
    {
        var map = new JObject { ["\ue000"] = "bmp", ["\U0001F600"] = "astral", ["a"] = "ascii" };
        Assert.That(Encoding.ASCII.GetString(CanonicalJson.Serialize(map, LucairnCanonicalJson.Options)),
            Is.EqualTo("""{"a":"ascii","\ue000":"bmp","\ud83d\ude00":"astral"}"""));
    }

    [Test]
    public void test_null_signable_protocol_version_tolerated()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Mutated("real-v3-cert.fixture.json", c => c["signable_protocol_version_emitted"] = null));
        Assert.That(cert.SignableProtocolVersionEmitted, Is.Zero);
    }

    [Test]
    public void test_non_null_signable_protocol_version_still_validates()
    {
        string json = CertificateFixtures.Mutated("real-v3-cert.fixture.json", c => c["signable_protocol_version_emitted"] = "not-an-int");
        Assert.That(Assert.Throws<LucairnCertificateException>(() => VeilCertificate.Parse(json))!.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(CertificateFixtures.Fails(json, CertificateFixtures.ProductionKeys).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
    }

    [Test]
    public void test_tampered_v2_cert_with_min_v3_returns_invalid_signature() =>
        Assert.That(CertificateFixtures.Fails(CertificateFixtures.Text("cert-tampered-payload.json"), CertificateFixtures.TestKeys, SignableVersion.V3).Reason,
            Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

    [Test]
    public void test_genuine_v2_cert_with_min_v3_returns_version_insufficient() =>
        Assert.That(CertificateFixtures.Fails(CertificateFixtures.Anchored, CertificateFixtures.TestKeys, SignableVersion.V3).Reason,
            Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));

    [Test]
    [Description("Spec §8.3: Go rule, not Python's AttributeError: a payload that decodes to a non-object gives null hashes.")]
    public void sanitizer_payload_that_is_not_an_object_gives_null_hashes()
    {
        foreach (string payload in new[] { "[1,2]", "\"text\"", "42", "{\"redaction_manifest_hash\":", "not json" })
        {
            JObject map = Decode(Signables.BuildV3(WithSanitizerPayload(payload)));
            Assert.That(map["redaction_manifest_hash"]!.Type, Is.EqualTo(JTokenType.Null), payload);
            Assert.That(map["sanitized_fields_body_hash"]!.Type, Is.EqualTo(JTokenType.Null), payload);
        }
    }

    [Test]
    [Description("Spec §8.3: a wrapped payload is read only inside 'payload' (no fallback to the top level); empty or non-string values are null.")]
    public void sanitizer_payload_lookup_rules()
    {
        JObject wrapped = Decode(Signables.BuildV3(WithSanitizerPayload("""{"redaction_manifest_hash":"top","payload":{"sanitized_fields_hash":"inner","tms_manifest_hash":""}}""")));
        Assert.Multiple(() =>
        {
            Assert.That(wrapped["redaction_manifest_hash"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((string?)wrapped["sanitized_fields_body_hash"], Is.EqualTo("inner"));
            Assert.That(wrapped["tms_manifest_hash"]!.Type, Is.EqualTo(JTokenType.Null));
        });

        JObject flat = Decode(Signables.BuildV3(WithSanitizerPayload("""{"redaction_manifest_hash":7,"payload":"not-an-object","tms_manifest_hash":"t"}""")));
        Assert.That(flat["redaction_manifest_hash"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That((string?)flat["tms_manifest_hash"], Is.EqualTo("t"));
    }

    [Test]
    [Description("Spec §8.3: only the first dsa-sanitizer claim is read.")]
    public void only_the_first_sanitizer_claim_is_read()
    {
        JObject cert = WithSanitizerPayload("""{"redaction_manifest_hash":"first"}""");
        var second = (JObject)cert["claims"]![1]!.DeepClone();
        second["claim_id"] = "clm_second_sanitizer";
        second["canonical_payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"redaction_manifest_hash":"second"}"""));
        ((JArray)cert["claims"]!).Add(second);
        Assert.That((string?)Decode(Signables.BuildV3(cert))["redaction_manifest_hash"], Is.EqualTo("first"));
    }
}
