using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary>
/// Spec §14 (mutations of the real v3 certificate measured on the upstream SDK) and the derived
/// cases of vectors/lucairn/MANIFEST.md not already covered by the ported upstream tests.
/// Where this port is deliberately stricter than the upstream Python SDK (its lax coercions),
/// the test says so.
/// </summary>
public class EdgeBehaviourTests
{
    private const string RealFile = "cert-real-v3-production.json";

    private static VerifyCertificateResult VerifyReal(Action<JObject> mutate, VerifyCertificateKeys? keys = null, SignableVersion? minimum = null) =>
        CertificateVerifier.Verify(CertificateFixtures.Mutated(RealFile, mutate), keys ?? CertificateFixtures.ProductionKeys, minimum);

    private static VerifyCertificateFailureReason FailReal(Action<JObject> mutate, VerifyCertificateKeys? keys = null) =>
        CertificateFixtures.Fails(CertificateFixtures.Mutated(RealFile, mutate), keys ?? CertificateFixtures.ProductionKeys).Reason;

    [Test]
    public void emitted_version_4_verifies_as_v3() =>
        Assert.That(VerifyReal(c => c["signable_protocol_version_emitted"] = 4).SignableVersion, Is.EqualTo(SignableVersion.V3));

    [Test]
    [Description("Deliberately stricter than Python, which coerces \"3\" and 3.0 to 3 and true to 1: only JSON integers are accepted.")]
    public void emitted_version_that_is_not_an_integer_is_malformed()
    {
        foreach (JToken value in new JToken[] { "3", new JValue(3.0m), new JValue(3.5m), true, new JArray(3) })
        {
            Assert.That(FailReal(c => c["signable_protocol_version_emitted"] = value), Is.EqualTo(VerifyCertificateFailureReason.Malformed), value.ToString());
        }
    }

    [Test]
    public void emitted_version_null_with_v3_signature_is_a_downgrade() =>
        Assert.That(FailReal(c => c["signable_protocol_version_emitted"] = null), Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));

    [Test]
    public void both_v3_fields_deleted_verifies_as_v2_and_fails_strict_mode()
    {
        void Strip(JObject c)
        {
            c.Remove("signable_protocol_version_emitted");
            c.Remove("signable_v3_signature");
        }

        Assert.That(VerifyReal(Strip).SignableVersion, Is.EqualTo(SignableVersion.V2));
        Assert.That(CertificateFixtures.Fails(CertificateFixtures.Mutated(RealFile, Strip), CertificateFixtures.ProductionKeys, SignableVersion.V3).Reason,
            Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));
    }

    [Test]
    public void protocol_version_as_non_integer_number_is_malformed() =>
        Assert.That(FailReal(c => c["protocol_version"] = new JValue(2.0m)), Is.EqualTo(VerifyCertificateFailureReason.Malformed));

    [Test]
    public void protocol_version_as_string_or_bool_is_malformed()
    {
        Assert.That(FailReal(c => c["protocol_version"] = "2"), Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(FailReal(c => c["protocol_version"] = true), Is.EqualTo(VerifyCertificateFailureReason.Malformed));
    }

    [Test]
    public void huge_protocol_version_is_unsupported_not_a_crash()
    {
        string json = CertificateFixtures.Mutated(RealFile, c => c["protocol_version"] = new JValue(System.Numerics.BigInteger.Pow(2, 70)));
        Assert.That(json, Does.Contain("\"protocol_version\":1180591620717411303424"));
        var error = CertificateFixtures.Fails(json, CertificateFixtures.ProductionKeys);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.UnsupportedProtocolVersion));
        Assert.That(error.Message, Does.Contain("1180591620717411303424"));
    }

    [Test]
    [Description("Deliberately stricter than Python, which coerces the string \"false\" to false: booleans must be JSON booleans.")]
    public void byok_exempt_as_string_is_malformed() =>
        Assert.That(FailReal(c => c["verification"]!["byok_exempt"] = "false"), Is.EqualTo(VerifyCertificateFailureReason.Malformed));

    [Test]
    public void byok_exempt_flipped_breaks_the_v3_signature() =>
        Assert.That(FailReal(c => c["verification"]!["byok_exempt"] = true), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

    [TestCase("client_id")]
    [TestCase("api_key_id")]
    public void correlation_id_that_is_not_a_string_is_malformed(string member) =>
        Assert.That(FailReal(c => c[member] = 5), Is.EqualTo(VerifyCertificateFailureReason.Malformed));

    [TestCase("api_key_id", "k_someone_else")]
    [TestCase("client_id", "org_injected")]
    public void changing_a_v3_signed_field_is_invalid_signature(string member, string value) =>
        Assert.That(FailReal(c => c[member] = value), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

    [Test]
    public void v3_signature_that_is_not_strict_base64_is_invalid_signature()
    {
        string signature = (string)CertificateFixtures.Load(RealFile)["signable_v3_signature"]!;
        Assert.That(FailReal(c => c["signable_v3_signature"] = signature.Insert(10, "\n")), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(FailReal(c => c["signable_v3_signature"] = signature.TrimEnd('=')), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(FailReal(c => c["signable_v3_signature"] = Convert.ToBase64String(new byte[63])), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
    }

    [Test]
    public void unknown_claim_type_or_anchor_status_is_malformed()
    {
        Assert.That(FailReal(c => c["claims"]![2]!["claim_type"] = "CLAIM_TYPE_TELEPORTED"), Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(FailReal(c => c["anchor_status"]!["status"] = "ANCHOR_STATUS_MAYBE"), Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(FailReal(c => c["verification"]!["completeness"] = "COMPLETENESS_SOME"), Is.EqualTo(VerifyCertificateFailureReason.Malformed));
    }

    [Test]
    public void missing_or_null_anchor_status_verifies_as_unspecified()
    {
        Assert.That(VerifyReal(c => c.Remove("anchor_status")).AnchorStatus, Is.EqualTo(VeilAnchorStatus.Unspecified));
        Assert.That(VerifyReal(c => c["anchor_status"] = null).AnchorStatus, Is.EqualTo(VeilAnchorStatus.Unspecified));
    }

    [Test]
    [Description("Upstream: the witness signature is only checked for blankness on the v3 path, never decoded.")]
    public void garbage_witness_signature_on_a_v3_certificate_verifies() =>
        Assert.That(VerifyReal(c => c["witness_signature"] = "!!!").SignableVersion, Is.EqualTo(SignableVersion.V3));

    [TestCase("2026-06-10T00:01:59.878143387+00:00")]
    [TestCase("2026-06-10T00:01:59.878143387000Z")]
    [TestCase("2026-06-10T02:01:59.878143387+02:00")]
    public void issued_at_that_normalises_to_the_signed_text_verifies_with_the_production_signature(string issuedAt)
    {
        VerifyCertificateResult result = VerifyReal(c => c["issued_at"] = issuedAt);
        Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo(issuedAt));
        Assert.That(result.WitnessAssertedIssuedAt.UtcDateTime, Is.EqualTo(new DateTime(2026, 6, 10, 0, 1, 59, DateTimeKind.Utc).AddTicks(8_781_430)));
    }

    [Test]
    public void issued_at_that_differs_breaks_the_signature() =>
        Assert.That(FailReal(c => c["issued_at"] = "2026-06-10T00:01:59.878143388Z"), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

    [Test]
    public void unknown_members_are_ignored()
    {
        VerifyCertificateResult result = VerifyReal(c =>
        {
            c["future_field"] = new JObject { ["nested"] = new JArray(1, "two", JValue.CreateNull(), 1.5m) };
            ((JObject)c["claims"]![0]!)["future_claim_field"] = new JValue(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
            ((JObject)c["verification"]!)["future_flag"] = true;
        });
        Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
    }

    [Test]
    public void reordered_claims_break_the_signature() =>
        Assert.That(FailReal(c =>
        {
            var claims = (JArray)c["claims"]!;
            var reversed = new JArray(claims.Reverse().Select(t => t.DeepClone()));
            reversed[0]!["request_id"] = c["request_id"]!.DeepClone();
            c["claims"] = reversed;
        }), Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));

    [Test]
    public void production_key_in_every_text_form_verifies()
    {
        Ed25519PublicKey key = Ed25519PublicKey.FromHex(CertificateFixtures.ProductionPublicKeyHex);
        foreach (VerifyCertificateKeys keys in new[]
        {
            new VerifyCertificateKeys("witness_v1", key.ToBase64()),
            new VerifyCertificateKeys("witness_v1", key.ToHex()),
            new VerifyCertificateKeys("witness_v1", key.ToHex().ToUpperInvariant()),
            new VerifyCertificateKeys("witness_v1", key.ToPem()),
            new VerifyCertificateKeys("witness_v1", key.ToArray()),
            new VerifyCertificateKeys("witness_v1", key),
        })
        {
            Assert.That(CertificateVerifier.Verify(CertificateFixtures.RealV3, keys).SignableVersion, Is.EqualTo(SignableVersion.V3));
        }
    }

    [Test]
    public void unpadded_base64_key_is_invalid_signature_with_the_cause()
    {
        string unpadded = Ed25519PublicKey.FromHex(CertificateFixtures.ProductionPublicKeyHex).ToBase64().TrimEnd('=');
        var error = CertificateFixtures.Fails(CertificateFixtures.RealV3, new VerifyCertificateKeys("witness_v1", unpadded));
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(error.InnerException, Is.InstanceOf<CryptoFormatException>());
    }

    [Test]
    public void minimum_v2_imposes_nothing() =>
        Assert.That(CertificateVerifier.Verify(CertificateFixtures.RealV3, CertificateFixtures.ProductionKeys, SignableVersion.V2).SignableVersion, Is.EqualTo(SignableVersion.V3));

    [Test]
    [Description("Upstream Python: an empty certificate_id is a valid string, so the (changed) signature decides.")]
    public void empty_certificate_id_on_a_test_key_certificate_is_invalid_signature()
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["certificate_id"] = string.Empty), CertificateFixtures.TestKeys);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(error.CertificateId, Is.Empty);
    }

    [Test]
    public void key_id_comparison_is_case_sensitive() =>
        Assert.That(CertificateFixtures.Fails(CertificateFixtures.Anchored, new VerifyCertificateKeys("WITNESS_V1", CertificateFixtures.TestPublicKeyBase64)).Reason,
            Is.EqualTo(VerifyCertificateFailureReason.WitnessMismatch));

    [Test]
    public void resigned_empty_certificate_id_verifies()
    {
        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        cert["certificate_id"] = string.Empty;
        CertificateFixtures.Resign(cert, CertificateFixtures.TestPrivateKey);
        Assert.That(CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys).CertificateId, Is.Empty);
    }

    [Test]
    [Description("A certificate re-signed with a v3 map by the test key verifies as v3 with the test key, and not with the production key.")]
    public void resigned_v3_certificate_verifies_only_with_its_key()
    {
        JObject cert = CertificateFixtures.Resign(CertificateFixtures.Load(RealFile), CertificateFixtures.TestPrivateKey);
        Assert.That(CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys, SignableVersion.V3).SignableVersion, Is.EqualTo(SignableVersion.V3));
        Assert.That(Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(cert, CertificateFixtures.ProductionKeys))!.Reason,
            Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
    }

    [Test]
    public void failure_messages_name_the_reason_and_the_problem()
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Mutated(RealFile, c => c["claims"]![1]!["service_id"] = 7), CertificateFixtures.ProductionKeys);
        Assert.That(error.Message, Does.Contain("malformed").And.Contain("claims[1].service_id").And.Contain("string"));
        Assert.That(error.ReasonCode, Is.EqualTo("malformed"));
        Assert.That(error.CertificateId, Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
    }

    [TestCase(VerifyCertificateFailureReason.Malformed, "malformed")]
    [TestCase(VerifyCertificateFailureReason.UnsupportedProtocolVersion, "unsupported_protocol_version")]
    [TestCase(VerifyCertificateFailureReason.WitnessMismatch, "witness_mismatch")]
    [TestCase(VerifyCertificateFailureReason.WitnessSignatureMissing, "witness_signature_missing")]
    [TestCase(VerifyCertificateFailureReason.InvalidSignature, "invalid_signature")]
    [TestCase(VerifyCertificateFailureReason.VersionDowngradeDetected, "version_downgrade_detected")]
    [TestCase(VerifyCertificateFailureReason.SignableVersionInsufficient, "signable_version_insufficient")]
    public void failure_reasons_carry_the_upstream_strings(VerifyCertificateFailureReason reason, string wire)
    {
        Assert.That(reason.ToWireName(), Is.EqualTo(wire));
        Assert.That(new LucairnCertificateException("m", reason).ReasonCode, Is.EqualTo(wire));
    }

    [Test]
    public void seven_failure_reasons_exist() =>
        Assert.That(Enum.GetValues<VerifyCertificateFailureReason>(), Has.Length.EqualTo(7));
}
