using Lucairn.Tests.Verification;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Models;

/// <summary>The certificate wire models: names, types, unknown members, and the raw JSON they keep.</summary>
public class VeilCertificateTests
{
    [Test]
    public void real_certificate_maps_every_modelled_field()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.RealV3);
        Assert.Multiple(() =>
        {
            Assert.That(cert.CertificateId, Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
            Assert.That(cert.RequestId, Is.EqualTo("0ad683d6a85692cc1631422a8c4293ba"));
            Assert.That(cert.ProtocolVersion, Is.EqualTo(2));
            Assert.That(cert.IssuedAt, Is.EqualTo("2026-06-10T00:01:59.878143387Z"));
            Assert.That(cert.WitnessKeyId, Is.EqualTo("witness_v1"));
            Assert.That(cert.SignableV2Signature, Is.EqualTo(cert.WitnessSignature));
            Assert.That(cert.SignableV3Signature, Is.Not.Empty);
            Assert.That(cert.SignableProtocolVersionEmitted, Is.EqualTo(3));
            Assert.That(cert.ApiKeyId, Is.EqualTo("k_ix3sgwowzhyz6gri"));
            Assert.That(cert.ClientId, Is.Null);
            Assert.That(cert.Claims.Select(c => c.ClaimType), Is.EqualTo(new[] { VeilClaimType.TokenGenerated, VeilClaimType.PiiSanitized, VeilClaimType.InferenceCompleted, VeilClaimType.EventsRecorded }));
            Assert.That(cert.Claims.Select(c => c.ServiceId), Is.EqualTo(new[] { "dsa-bridge", "dsa-sanitizer", "dsa-ai", "dsa-audit" }));
            Assert.That(cert.Claims[0].DataSeen, Is.EqualTo(new[] { "customer_id" }));
            Assert.That(cert.Claims[0].DataNotSeen, Has.Count.EqualTo(3));
            Assert.That((string?)cert.Claims[0].GetBridge()!["epoch"], Is.EqualTo("0"));
            Assert.That(cert.Claims[1].GetSanitizer(), Is.Not.Null);
            Assert.That((string?)cert.Claims[3].GetAudit()!["chain_length"], Is.EqualTo("28471"));
            Assert.That(cert.Claims[0].Timestamp, Is.EqualTo("2026-06-10T00:01:56.725615338Z"), "claim timestamps stay exact text");
            Assert.That(cert.Verification.Completeness, Is.EqualTo(VeilCompleteness.Partial));
            Assert.That(cert.Verification.OverallVerdict, Is.EqualTo(VeilVerdict.Partial));
            Assert.That(cert.Verification.SignaturesValid, Is.True);
            Assert.That(cert.Verification.MissingServices, Is.Empty);
            Assert.That(cert.Verification.GetQiScore()!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(cert.AnchorStatus!.Status, Is.EqualTo(VeilAnchorStatus.Anchored));
            Assert.That(cert.AnchorStatus.Attempts, Is.EqualTo(1));
            Assert.That(cert.AnchorStatus.LastError, Is.Empty);
            Assert.That((string?)cert.Attestation!.GetTimestamp()!["provider"], Is.EqualTo("https://freetsa.org/tsr"));
            Assert.That((string?)cert.Attestation.GetTransparencyLog()!["log_index"], Is.EqualTo("1772145795"));
            Assert.That(cert.Attestation.GetNotary(), Is.Not.Null);
            Assert.That((string?)cert.GetAuditIntegrity()!["tree_size"], Is.EqualTo("28471"));
            Assert.That(cert.GetFormalVerification(), Is.Null);
            Assert.That(cert.GetPrivacyBudget()!["reidentification_bound"]!.Type, Is.EqualTo(JTokenType.Float));
        });
    }

    [Test]
    public void raw_json_is_kept_exactly_and_handed_out_as_copies()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.RealV3);
        JObject copy = cert.ToJObject();
        Assert.That(JToken.DeepEquals(copy, CertificateFixtures.Load("cert-real-v3-production.json")), Is.True);

        copy["certificate_id"] = "changed";
        Assert.That((string?)cert.ToJObject()["certificate_id"], Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
        Assert.That(CertificateVerifier.Verify(cert, CertificateFixtures.ProductionKeys).SignableVersion, Is.EqualTo(SignableVersion.V3));
    }

    [Test]
    public void json_blocks_are_handed_out_as_copies()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.RealV3);
        cert.Claims[0].GetBridge()!["epoch"] = "changed";
        cert.GetAuditIntegrity()!["tree_size"] = "changed";
        cert.Attestation!.GetTimestamp()!["provider"] = "changed";
        Assert.Multiple(() =>
        {
            Assert.That((string?)cert.Claims[0].GetBridge()!["epoch"], Is.EqualTo("0"));
            Assert.That((string?)cert.GetAuditIntegrity()!["tree_size"], Is.EqualTo("28471"));
            Assert.That((string?)cert.Attestation.GetTimestamp()!["provider"], Is.EqualTo("https://freetsa.org/tsr"));
        });
    }

    [Test]
    public void from_jobject_copies_its_input()
    {
        JObject source = CertificateFixtures.Load("cert-real-v3-production.json");
        VeilCertificate cert = VeilCertificate.FromJObject(source);
        source["certificate_id"] = "changed after parsing";
        ((JArray)source["claims"]!).RemoveAt(0);
        Assert.That(cert.CertificateId, Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
        Assert.That(CertificateVerifier.Verify(cert, CertificateFixtures.ProductionKeys).CertificateId, Is.EqualTo(cert.CertificateId));
    }

    [Test]
    public void unknown_members_are_ignored_by_the_model_and_kept_in_the_raw_json()
    {
        string json = CertificateFixtures.Mutated("cert-valid-anchored.json", c =>
        {
            c["future_top_level"] = new JObject { ["x"] = 1 };
            c["claims"]![0]!["future_claim_member"] = "y";
        });
        VeilCertificate cert = VeilCertificate.Parse(json);
        Assert.That((int?)cert.ToJObject()["future_top_level"]!["x"], Is.EqualTo(1));
        Assert.That(CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
    }

    [Test]
    public void big_integers_and_exact_decimals_survive_in_the_raw_json()
    {
        string json = CertificateFixtures.Anchored.TrimEnd().TrimEnd('}') + ",\"big\":123456789012345678901234567890,\"exact\":0.10000000000000000001}";
        JObject raw = VeilCertificate.Parse(json).ToJObject();
        Assert.That(raw["big"]!.ToString(Formatting.None), Is.EqualTo("123456789012345678901234567890"));
        Assert.That(raw["exact"]!.ToString(Formatting.None), Is.EqualTo("0.10000000000000000001"));
    }

    [Test]
    public void parse_rejects_what_the_verifier_rejects()
    {
        foreach (string json in new[] { "[]", "{}", CertificateFixtures.Text("cert-malformed-truncated.json"), CertificateFixtures.Text("cert-malformed-plus-bad-version.json") })
        {
            var error = Assert.Throws<LucairnCertificateException>(() => VeilCertificate.Parse(json))!;
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        }

        Assert.Throws<LucairnCertificateException>(() => VeilCertificate.Parse(null!));
        Assert.Throws<LucairnCertificateException>(() => VeilCertificate.FromJObject(null!));
    }

    [Test]
    [Description("Parsing checks shape only: a certificate with a bad signature or unsupported version still parses.")]
    public void parse_does_not_verify()
    {
        Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-tampered-payload.json")).Claims, Has.Count.EqualTo(4));
        Assert.That(VeilCertificate.Parse(CertificateFixtures.Text("cert-protocol-version-mismatch.json")).ProtocolVersion, Is.EqualTo(999));
    }

    [TestCase("claim_type", "CLAIM_TYPE_TOKEN_GENERATED", VeilClaimType.TokenGenerated)]
    [TestCase("claim_type", "CLAIM_TYPE_UNSPECIFIED", VeilClaimType.Unspecified)]
    public void claim_type_wire_names(string member, string wire, VeilClaimType expected)
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["claims"]![0]![member] = wire));
        Assert.That(cert.Claims[0].ClaimType, Is.EqualTo(expected));
        Assert.That(expected.ToWireName(), Is.EqualTo(wire));
    }

    [Test]
    public void enum_wire_names_round_trip_through_the_serializer()
    {
        foreach (VeilVerdict verdict in Enum.GetValues<VeilVerdict>())
        {
            Assert.That(JsonConvert.DeserializeObject<VeilVerdict>(JsonConvert.SerializeObject(verdict)), Is.EqualTo(verdict));
            Assert.That(JsonConvert.SerializeObject(verdict), Is.EqualTo($"\"{verdict.ToWireName()}\""));
        }

        Assert.That(VeilCompleteness.Full.ToWireName(), Is.EqualTo("COMPLETENESS_FULL"));
        Assert.That(VeilAnchorStatus.Pending.ToWireName(), Is.EqualTo("ANCHOR_STATUS_PENDING"));
        Assert.That(SignableVersion.V3.ToWireName(), Is.EqualTo("v3"));
    }

    [TestCase("\"verdict_verified\"")]
    [TestCase("\"VERDICT_VERIFIED, VERDICT_FAILED\"")]
    [TestCase("1")]
    [TestCase("null")]
    public void enum_converter_accepts_only_exact_wire_names(string json) =>
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<VeilVerdict>(json));

    [Test]
    public void every_model_property_has_a_snake_case_wire_name()
    {
        foreach (Type type in new[] { typeof(VeilCertificate), typeof(VeilClaim), typeof(VeilVerificationResult), typeof(VeilAnchorStatusInfo), typeof(VeilExternalAttestation) })
        {
            foreach (var property in type.GetProperties())
            {
                var attribute = property.GetCustomAttributes(typeof(JsonPropertyAttribute), false).Cast<JsonPropertyAttribute>().SingleOrDefault();
                if (property.Name == nameof(VeilCertificate.SignableProtocolVersionEmitted))
                {
                    continue;
                }

                Assert.That(attribute?.PropertyName, Does.Match("^[a-z][a-z0-9_]*$"), $"{type.Name}.{property.Name}");
            }
        }
    }
}
