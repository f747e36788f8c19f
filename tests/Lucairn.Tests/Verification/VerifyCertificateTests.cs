using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary>
/// Port of upstream <c>python/tests/test_verify_certificate.py</c> (49 tests). Nested classes
/// mirror the upstream test classes; method names are the upstream names.
/// </summary>
public class VerifyCertificateTests
{
    private static VerifyCertificateKeys Keys => CertificateFixtures.TestKeys;

    private static LucairnCertificateException Fails(string json, VerifyCertificateKeys? keys = null) => CertificateFixtures.Fails(json, keys ?? Keys);

    private static string Anchored(Action<JObject> mutate) => CertificateFixtures.Mutated("cert-valid-anchored.json", mutate);

    /// <summary>upstream <c>normalize_ed25519_public_key</c>: the key forms <see cref="VerifyCertificateKeys"/> accepts.</summary>
    public class TestNormalizeEd25519PublicKey
    {
        private static readonly byte[] ValidKey = Convert.FromBase64String(CertificateFixtures.TestPublicKeyBase64);

        [Test]
        public void test_passes_32_byte_bytes_through() =>
            Assert.That(new VerifyCertificateKeys("w", ValidKey).WitnessPublicKey.ToArray(), Is.EqualTo(ValidKey));

        [Test]
        public void test_decodes_base64_string() =>
            Assert.That(new VerifyCertificateKeys("w", Convert.ToBase64String(ValidKey)).WitnessPublicKey.ToArray(), Is.EqualTo(ValidKey));

        [Test]
        public void test_rejects_too_short() =>
            Assert.That(Assert.Throws<CryptoFormatException>(() => _ = new VerifyCertificateKeys("w", new byte[16]).WitnessPublicKey)!.Message, Does.Contain("32 bytes"));

        [Test]
        public void test_rejects_too_long() =>
            Assert.That(Assert.Throws<CryptoFormatException>(() => _ = new VerifyCertificateKeys("w", new byte[64]).WitnessPublicKey)!.Message, Does.Contain("32 bytes"));

        [Test]
        public void test_rejects_none()
        {
            Assert.Throws<LucairnValidationException>(() => _ = new VerifyCertificateKeys("w", (byte[])null!));
            Assert.Throws<LucairnValidationException>(() => _ = new VerifyCertificateKeys("w", (string)null!));
            Assert.Throws<LucairnValidationException>(() => _ = new VerifyCertificateKeys("w", (Ed25519PublicKey)null!));
            Assert.Throws<LucairnValidationException>(() => _ = new VerifyCertificateKeys(null!, ValidKey));
        }

        [Test]
        public void test_rejects_invalid_base64() =>
            Assert.Throws<CryptoFormatException>(() => _ = new VerifyCertificateKeys("w", "not valid base64!!!").WitnessPublicKey);

        [Test]
        [Description("C# additions: hex and PEM forms are accepted too (issue brief); unpadded base64 is not.")]
        public void accepts_hex_and_pem_rejects_unpadded_base64()
        {
            Ed25519PublicKey key = Ed25519PublicKey.FromRaw(ValidKey);
            Assert.That(new VerifyCertificateKeys("w", key.ToHex()).WitnessPublicKey, Is.EqualTo(key));
            Assert.That(new VerifyCertificateKeys("w", key.ToPem()).WitnessPublicKey, Is.EqualTo(key));
            Assert.Throws<CryptoFormatException>(() => _ = new VerifyCertificateKeys("w", key.ToBase64().TrimEnd('=')).WitnessPublicKey);
        }

        [Test]
        [Description("The key is decoded once and the same instance reused.")]
        public void key_is_decoded_once()
        {
            var keys = new VerifyCertificateKeys("w", Convert.ToBase64String(ValidKey));
            Ed25519PublicKey first = keys.WitnessPublicKey;
            Assert.That(keys.WitnessPublicKey, Is.SameAs(first));
        }
    }

    /// <summary>upstream <c>verify_ed25519</c> against a fresh key pair, through <see cref="VerifyCertificateKeys.WitnessPublicKey"/>.</summary>
    public class TestVerifyEd25519
    {
        private static readonly byte[] Message = Encoding.ASCII.GetBytes("the quick brown fox");

        [Test]
        public void test_verifies_valid_signature()
        {
            Ed25519PrivateKey key = Ed25519PrivateKey.Generate();
            Assert.That(new VerifyCertificateKeys("w", key.PublicKey.ToArray()).WitnessPublicKey.Verify(Message, key.Sign(Message)), Is.True);
        }

        [Test]
        public void test_returns_false_on_tampered_signature()
        {
            Ed25519PrivateKey key = Ed25519PrivateKey.Generate();
            byte[] signature = key.Sign(Message);
            signature[0] ^= 0x01;
            Assert.That(key.PublicKey.Verify(Message, signature), Is.False);
        }

        [Test]
        public void test_returns_false_on_tampered_message()
        {
            Ed25519PrivateKey key = Ed25519PrivateKey.Generate();
            Assert.That(key.PublicKey.Verify(Encoding.ASCII.GetBytes("the quick brown foz"), key.Sign(Message)), Is.False);
        }

        [Test]
        public void test_accepts_base64_public_key()
        {
            Ed25519PrivateKey key = Ed25519PrivateKey.Generate();
            byte[] hello = Encoding.ASCII.GetBytes("hello");
            Assert.That(new VerifyCertificateKeys("w", key.PublicKey.ToBase64()).WitnessPublicKey.Verify(hello, key.Sign(hello)), Is.True);
        }

        [Test]
        public void test_rejects_wrong_length_public_key() =>
            Assert.That(Assert.Throws<CryptoFormatException>(() => _ = new VerifyCertificateKeys("w", new byte[16]).WitnessPublicKey.Verify(Message, new byte[64]))!.Message, Does.Contain("32 bytes"));
    }

    public class TestCertFixturesLoadable
    {
        [Test]
        public void test_valid_anchored_shape()
        {
            VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Anchored);
            Assert.Multiple(() =>
            {
                Assert.That(cert.ProtocolVersion, Is.EqualTo(2));
                Assert.That(cert.AnchorStatus!.Status, Is.EqualTo(VeilAnchorStatus.Anchored));
                Assert.That(cert.Verification.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
                Assert.That(cert.WitnessSignature, Is.Not.Empty);
                Assert.That(cert.WitnessKeyId, Is.EqualTo("witness_v1"));
            });
        }

        [Test]
        public void test_issued_at_terminates_in_Z() =>
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Anchored).IssuedAt, Does.EndWith("Z"));

        [Test]
        public void test_pending_and_failed_variants_parse()
        {
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-valid-pending.json")).AnchorStatus!.Status, Is.EqualTo(VeilAnchorStatus.Pending));
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-valid-failed.json")).AnchorStatus!.Status, Is.EqualTo(VeilAnchorStatus.Failed));
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-tampered-payload.json")).Claims[0].ClaimId, Does.EndWith("TAMPERED"));
        }

        [Test]
        public void test_no_signature_and_whitespace_signature_variants()
        {
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-no-signature.json")).WitnessSignature, Is.Empty);
            string whitespace = VeilCertificate.Parse(CertificateFixtures.Text("cert-whitespace-signature.json")).WitnessSignature;
            Assert.That(whitespace.Trim(), Is.Empty);
            Assert.That(whitespace, Is.Not.Empty);
        }

        [Test]
        public void test_protocol_version_mismatch_variant() =>
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-protocol-version-mismatch.json")).ProtocolVersion, Is.EqualTo(999));
    }

    public class TestVerifyCertificateFailureReasons
    {
        [TestCase(null)]
        [TestCase("\"string\"")]
        [TestCase("[]")]
        [TestCase("42")]
        [TestCase("1.5")]
        [TestCase("null")]
        [TestCase("")]
        public void test_malformed_on_non_object(string? json)
        {
            var error = Fails(json!);
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(error.CertificateId, Is.Null);
        }

        [Test]
        [Description("The same inputs as token trees, and a null VeilCertificate.")]
        public void test_malformed_on_non_object_tokens()
        {
            foreach (JToken? token in new JToken?[] { null, new JValue("string"), new JArray(), new JValue(42), new JValue(1.5), JValue.CreateNull() })
            {
                var error = Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(token, Keys))!;
                Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
                Assert.That(error.CertificateId, Is.Null);
            }

            Assert.That(Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify((VeilCertificate?)null, Keys))!.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        }

        [Test]
        public void test_malformed_on_missing_required_fields()
        {
            var error = Fails(CertificateFixtures.Text("cert-malformed-truncated.json"));
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(error.Message, Does.Contain("witness_signature"));
        }

        [Test]
        public void test_malformed_on_request_id_mismatch() =>
            Assert.That(Fails(Anchored(c => c["request_id"] = "req_different_from_claims")).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_malformed_on_unknown_verdict_literal() =>
            Assert.That(Fails(Anchored(c => c["verification"]!["overall_verdict"] = "VERDICT_FUTURE_VALUE")).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_unsupported_protocol_version() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-protocol-version-mismatch.json")).Reason, Is.EqualTo(VerifyCertificateFailureReason.UnsupportedProtocolVersion));

        [Test]
        public void test_witness_mismatch() =>
            Assert.That(Fails(CertificateFixtures.Anchored, new VerifyCertificateKeys("different-label", CertificateFixtures.TestPublicKeyBase64)).Reason,
                Is.EqualTo(VerifyCertificateFailureReason.WitnessMismatch));

        [Test]
        public void test_witness_signature_missing_on_empty() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-no-signature.json")).Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessSignatureMissing));

        [Test]
        public void test_witness_signature_missing_on_whitespace() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-whitespace-signature.json")).Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessSignatureMissing));

        [Test]
        public void test_invalid_signature_on_tampered_payload() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-tampered-payload.json")).Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

        [Test]
        public void test_invalid_signature_on_malformed_public_key_preserves_cause()
        {
            var error = Fails(CertificateFixtures.Anchored, new VerifyCertificateKeys("witness_v1", new byte[16]));
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
            Assert.That(error.InnerException, Is.InstanceOf<CryptoFormatException>());
        }
    }

    public class TestVerifyCertificateHappyPaths
    {
        [Test]
        public void test_returns_result_on_valid_anchored()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Anchored, Keys);
            Assert.Multiple(() =>
            {
                Assert.That(result.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
                Assert.That(result.RequestId, Is.EqualTo("req_test_0000000000000001"));
                Assert.That(result.WitnessKeyId, Is.EqualTo("witness_v1"));
                Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo("2026-04-20T05:24:12.710321721Z"));
                Assert.That(result.WitnessAssertedIssuedAt, Is.EqualTo(new DateTimeOffset(2026, 4, 20, 5, 24, 12, TimeSpan.Zero).AddTicks(7_103_210)));
                Assert.That(result.AnchorStatus, Is.EqualTo(VeilAnchorStatus.Anchored));
                Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
                Assert.That(result.OverallVerdict.ToWireName(), Is.EqualTo("VERDICT_VERIFIED"));
                Assert.That(result.AnchorStatus.ToWireName(), Is.EqualTo("ANCHOR_STATUS_ANCHORED"));
                Assert.That(result.SignableVersion.ToWireName(), Is.EqualTo("v2"));
            });
        }

        [Test]
        public void test_passes_pending_anchor_status_through() =>
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Text("cert-valid-pending.json"), Keys).AnchorStatus, Is.EqualTo(VeilAnchorStatus.Pending));

        [Test]
        public void test_passes_failed_anchor_status_through() =>
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.Text("cert-valid-failed.json"), Keys).AnchorStatus, Is.EqualTo(VeilAnchorStatus.Failed));

        [Test]
        [Description("The three input forms give the same result.")]
        public void text_token_and_model_inputs_agree()
        {
            VerifyCertificateResult fromText = CertificateVerifier.Verify(CertificateFixtures.Anchored, Keys);
            VerifyCertificateResult fromToken = CertificateVerifier.Verify(CertificateFixtures.Load("cert-valid-anchored.json"), Keys);
            VerifyCertificateResult fromModel = CertificateVerifier.Verify(VeilCertificate.Parse(CertificateFixtures.Anchored), Keys);
            foreach (VerifyCertificateResult other in new[] { fromToken, fromModel })
            {
                Assert.That(other.CertificateId, Is.EqualTo(fromText.CertificateId));
                Assert.That(other.WitnessAssertedIssuedAt, Is.EqualTo(fromText.WitnessAssertedIssuedAt));
                Assert.That(other.SignableVersion, Is.EqualTo(fromText.SignableVersion));
                Assert.That(other.AnchorStatus, Is.EqualTo(fromText.AnchorStatus));
            }
        }
    }

    public class TestVerifyCertificateByokExempt
    {
        [Test]
        public void test_parses_and_verifies_byok_exempt_cert()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text("cert-byok-exempt.json"), Keys);
            Assert.That(result.CertificateId, Is.EqualTo("veil_test_byok_exempt_0001"));
            Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
            Assert.That(result.AnchorStatus, Is.EqualTo(VeilAnchorStatus.Anchored));
        }

        [Test]
        public void test_byok_exempt_surfaces_on_pydantic_model()
        {
            VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Text("cert-byok-exempt.json"));
            Assert.That(cert.Verification.ByokExempt, Is.True);
            Assert.That((string?)cert.Claims.Single(c => c.ServiceId == "dsa-ai").GetInference()!["isolation_probe"], Is.EqualTo("ISOLATION_PROBE_BYOK_EXEMPT"));
        }

        [Test]
        public void test_byok_exempt_default_false_on_older_cert() =>
            Assert.That(VeilCertificate.Parse(CertificateFixtures.Anchored).Verification.ByokExempt, Is.False);
    }

    public class TestVerifyCertificateOrdering
    {
        [Test]
        public void test_malformed_before_protocol_version() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-malformed-truncated.json"), new VerifyCertificateKeys("any", new byte[32])).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_malformed_before_unsupported_protocol_version() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-malformed-plus-bad-version.json")).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_unsupported_protocol_version_before_witness_check() =>
            Assert.That(Fails(CertificateFixtures.Text("cert-protocol-version-mismatch.json"), new VerifyCertificateKeys("wrong-label", CertificateFixtures.TestPublicKeyBase64)).Reason,
                Is.EqualTo(VerifyCertificateFailureReason.UnsupportedProtocolVersion));

        [Test]
        public void test_certificate_id_populated_on_typed_failure()
        {
            var error = Fails(CertificateFixtures.Text("cert-tampered-payload.json"));
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
            Assert.That(error.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
        }

        [Test]
        public void test_certificate_id_none_on_structural_parse_failure() =>
            Assert.That(Fails("garbage").CertificateId, Is.Null);
    }

    public class TestGoOracleCrossCheck
    {
        [Test]
        public void test_python_verify_accepts_go_oracle_signed_cert()
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text("cert-go-signed-reference.json"), Keys);
            Assert.Multiple(() =>
            {
                Assert.That(result.CertificateId, Is.EqualTo("veil_oracle_0000000000000001"));
                Assert.That(result.RequestId, Is.EqualTo("req_oracle_0000000000000001"));
                Assert.That(result.WitnessKeyId, Is.EqualTo("witness_v1"));
                Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
                Assert.That(result.AnchorStatus, Is.EqualTo(VeilAnchorStatus.Anchored));
            });
        }
    }

    public class TestVerifyCertificateBadTimestamp
    {
        [Test]
        [Description("Signed over an unparseable issued_at (normalisation leaves it unchanged), so the signature is valid and only the result build fails.")]
        public void test_malformed_issued_at_raises_typed_error()
        {
            JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
            cert["issued_at"] = "not a valid timestamp";
            string json = CertificateFixtures.Resign(cert, CertificateFixtures.TestPrivateKey).ToString();
            var error = Fails(json);
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(error.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
            Assert.That(error.InnerException, Is.InstanceOf<FormatException>());
        }
    }

    public class TestVerifyCertificateGapFills
    {
        [Test]
        public void test_empty_claims_raises_malformed_with_correct_message()
        {
            var error = Fails(Anchored(c => c["claims"] = new JArray()));
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(error.Message, Does.Contain("claims is empty"));
        }

        [Test]
        public void test_empty_string_overall_verdict_is_malformed() =>
            Assert.That(Fails(Anchored(c => c["verification"]!["overall_verdict"] = string.Empty)).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_non_string_claim_id_is_malformed() =>
            Assert.That(Fails(Anchored(c => c["claims"]![0]!["claim_id"] = 42)).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        public void test_none_claim_element_is_malformed() =>
            Assert.That(Fails(Anchored(c => ((JArray)c["claims"]!).Add(JValue.CreateNull()))).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));

        [Test]
        [Description("LucairnValidationException (ParamName keys) is the C# TypeError; the dict-instead-of-keys case cannot compile in C#.")]
        public void test_rejects_non_keys_argument_with_type_error()
        {
            Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(CertificateFixtures.Anchored, null!));
            Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(CertificateFixtures.Load("cert-valid-anchored.json"), null!));
            Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(VeilCertificate.Parse(CertificateFixtures.Anchored), null!));
            Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify("garbage", null!), "keys are checked before the certificate");
            Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(CertificateFixtures.Anchored, Keys, (SignableVersion)7));
        }

        [TestCase("__class__")]
        [TestCase("__proto__")]
        [TestCase("constructor")]
        [TestCase("verdict_verified")]
        [TestCase("VERDICT_VERIFIED, VERDICT_FAILED")]
        [TestCase("1")]
        public void test_unknown_verdict_including_proto_name_as_literal(string verdict) =>
            Assert.That(Fails(Anchored(c => c["verification"]!["overall_verdict"] = verdict)).Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
    }

    public class TestSignableFreeze
    {
        [Test]
        public void test_byte_identical_to_go_reference() =>
            Assert.That(Convert.ToHexStringLower(Signables.BuildV2(CertificateFixtures.Load("cert-go-signed-reference.json"))),
                Is.EqualTo(TestSupport.TestVectors.ReadText("lucairn", "signable-go-reference.hex").Trim()));

        [Test]
        public void test_signable_contains_exactly_seven_keys_no_byok_exempt()
        {
            JObject map = SignableParityTests.Decode(Signables.BuildV2(CertificateFixtures.Load("cert-byok-exempt.json")));
            Assert.That(map.Properties().Select(p => p.Name), Is.EqualTo(new[] { "certificate_id", "claim_ids", "issued_at", "overall_verdict", "protocol_version", "request_id", "witness_key_id" }));
        }
    }
}
