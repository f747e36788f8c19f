using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary>Port of upstream <c>python/tests/test_verify_certificate_v3.py</c> (36 tests).</summary>
public class VerifyCertificateV3Tests
{
    private const string RealFile = "real-v3-cert.fixture.json";

    private static JObject Real => CertificateFixtures.Load(RealFile);

    private static VerifyCertificateKeys Production => CertificateFixtures.ProductionKeys;

    private static JObject V3Map(JObject cert) => SignableParityTests.Decode(Signables.BuildV3(cert));

    private static LucairnCertificateException FailsReal(Action<JObject> mutate, SignableVersion? minimum = null) =>
        CertificateFixtures.Fails(CertificateFixtures.Mutated(RealFile, mutate), Production, minimum);

    public class TestRealCertV3RoundTrip
    {
        [Test]
        public void test_real_v3_cert_verifies_with_production_key()
        {
            JObject raw = Real;
            Assert.That((long)raw["signable_protocol_version_emitted"]!, Is.EqualTo(3));
            Assert.That((string?)raw["signable_v3_signature"], Is.Not.Empty);
            Assert.That((string?)raw["signable_v2_signature"], Is.EqualTo((string?)raw["witness_signature"]), "fixture invariant");

            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text(RealFile), Production);
            Assert.Multiple(() =>
            {
                Assert.That(result.CertificateId, Is.EqualTo((string?)raw["certificate_id"]));
                Assert.That(result.RequestId, Is.EqualTo((string?)raw["request_id"]));
                Assert.That(result.WitnessKeyId, Is.EqualTo("witness_v1"));
                Assert.That(result.OverallVerdict.ToWireName(), Is.EqualTo((string?)raw["verification"]!["overall_verdict"]));
                Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
            });
        }

        [Test]
        public void test_real_v3_cert_v3_signature_verifies_directly()
        {
            JObject raw = Real;
            byte[] signature = Convert.FromBase64String((string)raw["signable_v3_signature"]!);
            Assert.That(Ed25519PublicKey.FromHex(CertificateFixtures.ProductionPublicKeyHex).Verify(Signables.BuildV3(raw), signature), Is.True);
        }
    }

    public class TestV2BackwardCompat
    {
        [Test]
        public void test_real_v3_cert_also_verifies_on_v2_path()
        {
            JObject raw = Real;
            byte[] signature = Convert.FromBase64String((string)raw["signable_v2_signature"]!);
            Assert.That(Ed25519PublicKey.FromHex(CertificateFixtures.ProductionPublicKeyHex).Verify(Signables.BuildV2(raw), signature), Is.True);
        }

        [Test]
        public void test_v2_signable_has_exactly_seven_keys()
        {
            JObject map = SignableParityTests.Decode(Signables.BuildV2(Real));
            Assert.That(map.Properties().Select(p => p.Name), Is.EqualTo(new[] { "certificate_id", "claim_ids", "issued_at", "overall_verdict", "protocol_version", "request_id", "witness_key_id" }));
            foreach (string v3Only in new[] { "api_key_id", "byok_exempt", "client_id", "redaction_manifest_hash", "sanitized_fields_body_hash", "tms_manifest_hash" })
            {
                Assert.That(map.ContainsKey(v3Only), Is.False, v3Only);
            }
        }

        [Test]
        public void test_legacy_cert_returns_signable_version_v2()
        {
            Assert.That(CertificateFixtures.Load("cert-valid-anchored.json").ContainsKey("signable_protocol_version_emitted"), Is.False);
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
        }
    }

    public class TestIssuedAtNormalization
    {
        [Test]
        public void test_strips_trailing_zeros() =>
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59.100000000Z"), Is.EqualTo("2026-06-10T00:01:59.1Z"));

        [Test]
        public void test_drops_dot_when_all_zeros() =>
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59.000000000Z"), Is.EqualTo("2026-06-10T00:01:59Z"));

        [Test]
        public void test_unchanged_when_no_trailing_zeros() =>
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59.878143387Z"), Is.EqualTo("2026-06-10T00:01:59.878143387Z"));

        [Test]
        public void test_unchanged_when_no_fractional_part() =>
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59Z"), Is.EqualTo("2026-06-10T00:01:59Z"));

        [TestCase("2026-05-01T14:00:00.100000000+02:00", "2026-05-01T12:00:00.1Z")]
        [TestCase("2026-05-01T12:00:00.5+02:00", "2026-05-01T10:00:00.5Z")]
        [TestCase("2026-05-01T08:00:00-03:00", "2026-05-01T11:00:00Z")]
        [TestCase("2026-06-10T00:01:59.100000000+00:00", "2026-06-10T00:01:59.1Z")]
        [TestCase("2026-06-10T00:01:59.1-00:00", "2026-06-10T00:01:59.1Z")]
        [TestCase("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z")]
        public void test_non_utc_offset_normalized_to_utc_z(string served, string normalized) =>
            Assert.That(IssuedAt.Normalize(served), Is.EqualTo(normalized));

        [TestCase("not-a-timestamp")]
        [TestCase("")]
        [TestCase("2026-06-10T00:01:59.100Z\n")]
        [TestCase("2026-06-10t00:01:59.100Z")]
        [TestCase("2026-06-10T00:01:59.100z")]
        [TestCase("2026-06-10T00:01:59.Z")]
        [TestCase("٢٠٢٦-06-10T00:01:59.100Z")]
        [TestCase("2026-13-10T00:01:59.100+02:00")]
        [TestCase("2026-06-10T00:01:59.100+24:00")]
        [TestCase("2026-06-10 00:01:59.100Z")]
        public void test_unparseable_returns_unchanged(string served) =>
            Assert.That(IssuedAt.Normalize(served), Is.EqualTo(served));

        [Test]
        public void test_partial_trailing_zeros_stripped()
        {
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59.500Z"), Is.EqualTo("2026-06-10T00:01:59.5Z"));
            Assert.That(IssuedAt.Normalize("2026-06-10T00:01:59.120000000Z"), Is.EqualTo("2026-06-10T00:01:59.12Z"));
        }

        [Test]
        [Description("Re-signed with a fresh key over the map built by hand with the unpadded time; the padded served value verifies as v2.")]
        public void test_cert_with_trailing_zero_issued_at_verifies()
        {
            JObject cert = Real;
            string original = (string)cert["issued_at"]!;
            cert["issued_at"] = original[..^1] + "000Z";
            cert.Remove("signable_protocol_version_emitted");
            cert.Remove("signable_v3_signature");
            var signedMap = new JObject
            {
                ["certificate_id"] = cert["certificate_id"]!.DeepClone(),
                ["request_id"] = cert["request_id"]!.DeepClone(),
                ["protocol_version"] = 2,
                ["claim_ids"] = new JArray(cert["claims"]!.Select(c => c["claim_id"]!.DeepClone())),
                ["issued_at"] = original,
                ["overall_verdict"] = "PARTIAL",
                ["witness_key_id"] = cert["witness_key_id"]!.DeepClone(),
            };
            Ed25519PrivateKey fresh = Ed25519PrivateKey.Generate();
            cert["witness_signature"] = Convert.ToBase64String(fresh.Sign(CanonicalJson.Serialize(signedMap, LucairnCanonicalJson.Options)));

            VerifyCertificateResult result = CertificateVerifier.Verify(cert.ToString(), new VerifyCertificateKeys("witness_v1", fresh.PublicKey));
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(result.CertificateId, Is.EqualTo((string?)cert["certificate_id"]));
            Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo(original[..^1] + "000Z"), "the served text is reported unchanged");
        }
    }

    public class TestV3SignableStructure
    {
        [Test]
        public void test_v3_signable_has_exactly_thirteen_keys() =>
            Assert.That(V3Map(Real).Properties().Select(p => p.Name), Is.EqualTo(new[]
            {
                "api_key_id", "byok_exempt", "certificate_id", "claim_ids", "client_id", "issued_at", "overall_verdict",
                "protocol_version", "redaction_manifest_hash", "request_id", "sanitized_fields_body_hash", "tms_manifest_hash", "witness_key_id",
            }));

        [Test]
        public void test_v3_protocol_version_is_two_not_three() =>
            Assert.That((long)V3Map(Real)["protocol_version"]!, Is.EqualTo(2));

        [Test]
        public void test_v3_tms_manifest_hash_is_null_when_absent() =>
            Assert.That(V3Map(Real)["tms_manifest_hash"]!.Type, Is.EqualTo(JTokenType.Null));

        [Test]
        public void test_v3_byok_exempt_is_bool() =>
            Assert.That(V3Map(Real)["byok_exempt"]!.Type, Is.EqualTo(JTokenType.Boolean));

        [Test]
        public void test_v3_api_key_id_populated_from_cert()
        {
            JObject raw = Real;
            Assert.That((string?)raw["api_key_id"], Is.Not.Empty);
            Assert.That((string?)V3Map(raw)["api_key_id"], Is.EqualTo((string?)raw["api_key_id"]));
        }

        [Test]
        public void test_v3_client_id_null_when_absent()
        {
            JObject raw = Real;
            Assert.That(raw.ContainsKey("client_id"), Is.False);
            Assert.That(V3Map(raw)["client_id"]!.Type, Is.EqualTo(JTokenType.Null));
        }

        [Test]
        public void test_v3_redaction_hashes_from_sanitizer_canonical_payload()
        {
            JObject raw = Real;
            JObject sanitizer = raw["claims"]!.Children<JObject>().First(c => (string?)c["service_id"] == "dsa-sanitizer");
            JObject payload = JObject.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)sanitizer["canonical_payload"]!)));
            JToken inner = payload["payload"] ?? payload;
            JObject map = V3Map(raw);
            Assert.That((string?)map["redaction_manifest_hash"], Is.EqualTo((string?)inner["redaction_manifest_hash"]).And.Not.Null);
            Assert.That((string?)map["sanitized_fields_body_hash"], Is.EqualTo((string?)inner["sanitized_fields_hash"]).And.Not.Null);
        }
    }

    public class TestSignableVersionOnLegacyCerts
    {
        [Test]
        public void test_valid_anchored_cert_returns_v2()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys);
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
        }

        [Test]
        public void test_signable_version_field_present_on_result() =>
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys).SignableVersion, Is.AnyOf(SignableVersion.V2, SignableVersion.V3));
    }

    public class TestDowngradeDetection
    {
        [Test]
        public void test_version_stripped_with_v3_sig_raises_downgrade_detected() =>
            Assert.That(FailsReal(c => c.Remove("signable_protocol_version_emitted")).Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));

        [Test]
        public void test_version_set_to_zero_with_v3_sig_raises_downgrade_detected() =>
            Assert.That(FailsReal(c => c["signable_protocol_version_emitted"] = 0).Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));

        [Test]
        public void test_minimum_signable_version_v3_on_legacy_v2_cert_raises() =>
            Assert.That(CertificateFixtures.Fails(CertificateFixtures.Anchored, CertificateFixtures.TestKeys, SignableVersion.V3).Reason, Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));

        [Test]
        public void test_genuine_v3_cert_with_minimum_signable_version_v3_passes()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text(RealFile), Production, SignableVersion.V3);
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(result.CertificateId, Is.EqualTo((string?)Real["certificate_id"]));
            Assert.That(result.V3SignatureStripped, Is.False);
        }

        [Test]
        public void test_genuine_legacy_v2_cert_default_args_still_passes()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys);
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
            Assert.That(result.V3SignatureStripped, Is.False);
        }

        [TestCase("")]
        [TestCase("   ")]
        [TestCase(null)]
        public void test_v3_path_missing_v3_signature_raises_version_downgrade_detected(string? signature) =>
            Assert.That(FailsReal(c => c["signable_v3_signature"] = signature).Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));

        [Test]
        public void test_v3_path_absent_v3_signature_field_raises_version_downgrade_detected() =>
            Assert.That(FailsReal(c => c.Remove("signable_v3_signature")).Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));

        [Test]
        public void test_v3_signature_stripped_flag_false_on_genuine_v3() =>
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Text(RealFile), Production).V3SignatureStripped, Is.False);

        [Test]
        public void test_v3_signature_stripped_flag_false_on_clean_legacy_v2() =>
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys).V3SignatureStripped, Is.False);
    }

    public class TestEmptyOptionalPreservation
    {
        private static JObject Make(string? clientId, string? apiKeyId)
        {
            JObject cert = Real;
            Set(cert, "client_id", clientId);
            Set(cert, "api_key_id", apiKeyId);
            return V3Map(cert);
        }

        private static void Set(JObject cert, string name, string? value)
        {
            if (value is null)
            {
                cert.Remove(name);
            }
            else
            {
                cert[name] = value;
            }
        }

        [Test]
        public void test_client_id_empty_string_preserved_as_empty_string() =>
            Assert.That(Make(clientId: string.Empty, apiKeyId: "k_abc123")["client_id"], Is.EqualTo(new JValue(string.Empty)));

        [Test]
        public void test_api_key_id_empty_string_preserved_as_empty_string() =>
            Assert.That(Make(clientId: null, apiKeyId: string.Empty)["api_key_id"], Is.EqualTo(new JValue(string.Empty)));

        [Test]
        public void test_client_id_absent_produces_null() =>
            Assert.That(Make(clientId: null, apiKeyId: "k_abc")["client_id"]!.Type, Is.EqualTo(JTokenType.Null));

        [Test]
        public void test_api_key_id_absent_produces_null() =>
            Assert.That(Make(clientId: "org_xyz", apiKeyId: null)["api_key_id"]!.Type, Is.EqualTo(JTokenType.Null));

        [Test]
        public void test_client_id_non_empty_string_preserved() =>
            Assert.That((string?)Make(clientId: "org_abc123", apiKeyId: null)["client_id"], Is.EqualTo("org_abc123"));

        [Test]
        [Description("An explicit JSON null is the same as absent.")]
        public void explicit_null_client_id_produces_null()
        {
            JObject cert = Real;
            cert["client_id"] = null;
            Assert.That(V3Map(cert)["client_id"]!.Type, Is.EqualTo(JTokenType.Null));
        }
    }
}
