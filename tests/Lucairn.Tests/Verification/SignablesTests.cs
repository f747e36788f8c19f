using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary>
/// <see cref="Signables"/>: the claim checks both maps run, the short verdict forms and the
/// failure when a signed field cannot be written as canonical JSON.
/// </summary>
public class SignablesTests
{
    private const string V3File = "cert-real-v3-production.json";

    private static CertificateFields Fields(string certificateId)
    {
        var fields = new CertificateFields
        {
            CertificateId = certificateId,
            RequestId = "req_1",
            FirstClaimRequestId = "req_1",
            IssuedAt = "2024-01-01T00:00:00Z",
            WitnessKeyId = "witness_v1",
            WitnessSignature = "x",
            ProtocolVersionText = "2",
            ProtocolVersionIsSupported = true,
            OverallVerdict = VeilVerdict.Verified,
        };
        fields.ClaimIds.Add("claim_1");
        return fields;
    }

    [Test]
    public void Both_maps_reject_a_request_id_that_differs_from_the_first_claim()
    {
        JObject cert = CertificateFixtures.Load(V3File);
        cert["request_id"] = "req_other";

        foreach (Func<JObject, byte[]> build in new Func<JObject, byte[]>[] { Signables.BuildV2, Signables.BuildV3 })
        {
            var ex = Assert.Throws<LucairnCertificateException>(() => build(cert))!;
            Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (malformed): request_id differs from claims[0].request_id."));
        }
    }

    [Test]
    public void Both_maps_reject_a_certificate_without_claims()
    {
        CertificateFields fields = Fields("cert_1");
        fields.ClaimIds.Clear();

        foreach (Func<CertificateFields, byte[]> build in new Func<CertificateFields, byte[]>[] { Signables.BuildV2, Signables.BuildV3 })
        {
            var ex = Assert.Throws<LucairnCertificateException>(() => build(fields))!;
            Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (malformed): claims is empty; a certificate needs at least one claim."));
        }
    }

    [TestCase(VeilVerdict.Unspecified, "UNSPECIFIED")]
    [TestCase(VeilVerdict.Verified, "VERIFIED")]
    [TestCase(VeilVerdict.Partial, "PARTIAL")]
    [TestCase(VeilVerdict.Failed, "FAILED")]
    public void Short_verdict_is_the_upper_case_wire_form(VeilVerdict verdict, string expected) =>
        Assert.That(Signables.ShortVerdict(verdict), Is.EqualTo(expected));

    [Test]
    public void Short_verdict_of_an_undefined_value_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Signables.ShortVerdict((VeilVerdict)99));

    [Test]
    public void Short_verdict_is_what_the_v2_map_carries()
    {
        CertificateFields fields = Fields("cert_1");
        fields.OverallVerdict = VeilVerdict.Unspecified;

        string json = System.Text.Encoding.UTF8.GetString(Signables.BuildV2(fields));

        Assert.That(json, Does.Contain("\"overall_verdict\":\"UNSPECIFIED\""));
    }

    [Test]
    public void Field_with_a_lone_surrogate_is_malformed_with_the_encoder_reason()
    {
        CertificateFields fields = Fields("cert_\uD800");

        foreach (Func<CertificateFields, byte[]> build in new Func<CertificateFields, byte[]>[] { Signables.BuildV2, Signables.BuildV3 })
        {
            var ex = Assert.Throws<LucairnCertificateException>(() => build(fields))!;
            Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
            Assert.That(ex.InnerException, Is.TypeOf<CanonicalJsonException>());
            Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (malformed): the signed fields cannot be encoded as canonical JSON: " + ex.InnerException!.Message));
            Assert.That(ex.InnerException.Message, Does.Contain("$.certificate_id"));
        }
    }
}
