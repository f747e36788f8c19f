using Lucairn.Tests.Verification;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Models;

/// <summary><see cref="LucairnModelFactory"/>: every output model can be built without JSON, with the values given.</summary>
public class ModelFactoryTests
{
    [Test]
    public void builds_a_certificate_whose_values_and_json_agree()
    {
        var bridge = new JObject { ["epoch"] = "7" };
        VeilClaim claim = LucairnModelFactory.VeilClaim(claimId: "c-1", serviceId: "bridge", claimType: VeilClaimType.TokenGenerated, dataSeen: ["customer_id"], bridge: bridge);
        VeilCertificate certificate = LucairnModelFactory.VeilCertificate(
            certificateId: "cert-1",
            requestId: "req-1",
            protocolVersion: 3,
            claims: [claim],
            verification: LucairnModelFactory.VeilVerificationResult(signaturesValid: true, overallVerdict: VeilVerdict.Verified, missingServices: ["audit"], qiScore: new JValue(0.25m)),
            issuedAt: "2026-06-10T00:01:56Z",
            privacyBudget: new JObject { ["epsilon"] = 1 },
            witnessKeyId: "w",
            attestation: LucairnModelFactory.VeilExternalAttestation(notary: new JObject { ["n"] = 1 }),
            anchorStatus: LucairnModelFactory.VeilAnchorStatusInfo(VeilAnchorStatus.Pending, attempts: 2),
            clientId: "client",
            signableProtocolVersionEmitted: 3);
        bridge["epoch"] = "changed";

        JObject json = certificate.ToJObject();
        Assert.Multiple(() =>
        {
            Assert.That(certificate.CertificateId, Is.EqualTo("cert-1"));
            Assert.That(certificate.RequestId, Is.EqualTo("req-1"));
            Assert.That(certificate.ProtocolVersion, Is.EqualTo(3));
            Assert.That(certificate.Claims.Single().ClaimId, Is.EqualTo("c-1"));
            Assert.That(certificate.Claims[0].DataSeen, Is.EqualTo(new[] { "customer_id" }));
            Assert.That((string?)certificate.Claims[0].GetBridge()!["epoch"], Is.EqualTo("7"), "the factory copies JSON arguments");
            Assert.That(certificate.Verification.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
            Assert.That(certificate.Verification.MissingServices, Is.EqualTo(new[] { "audit" }));
            Assert.That((decimal?)certificate.Verification.GetQiScore(), Is.EqualTo(0.25m));
            Assert.That((int?)certificate.GetPrivacyBudget()!["epsilon"], Is.EqualTo(1));
            Assert.That(certificate.GetFormalVerification(), Is.Null);
            Assert.That(certificate.Attestation!.GetNotary(), Is.Not.Null);
            Assert.That(certificate.AnchorStatus!.Attempts, Is.EqualTo(2));
            Assert.That(certificate.ClientId, Is.EqualTo("client"));
            Assert.That(certificate.SignableProtocolVersionEmitted, Is.EqualTo(3));
            Assert.That((string?)json["certificate_id"], Is.EqualTo("cert-1"));
            Assert.That((string?)json["claims"]![0]!["claim_type"], Is.EqualTo("CLAIM_TYPE_TOKEN_GENERATED"));
            Assert.That((string?)json["anchor_status"]!["status"], Is.EqualTo("ANCHOR_STATUS_PENDING"));
        });
    }

    [Test]
    public void a_built_certificate_without_real_signatures_fails_verification_closed()
    {
        VeilCertificate certificate = LucairnModelFactory.VeilCertificate(certificateId: "cert-1", requestId: "req-1", witnessKeyId: CertificateFixtures.WitnessKeyId);
        Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(certificate, CertificateFixtures.TestKeys));
    }

    [Test]
    public void builds_the_proxy_responses()
    {
        ProxyVeilReceipt receipt = LucairnModelFactory.ProxyVeilReceipt(ProxyVeilReceiptStatus.Pending, "/c", "/s");
        ProxySyncResponse sync = LucairnModelFactory.ProxySyncResponse(ProxyJobStatus.Failed, "m", 12, new JObject { ["text"] = "hi" }, errorMessage: "boom", redactionCount: 2, requestId: "r", traceVault: new JObject(), veil: receipt);
        ProxyAcceptedResponse accepted = LucairnModelFactory.ProxyAcceptedResponse("job", "r", "/status");
        Assert.Multiple(() =>
        {
            Assert.That(sync.Status, Is.EqualTo(ProxyJobStatus.Failed));
            Assert.That(sync.ModelUsed, Is.EqualTo("m"));
            Assert.That(sync.LatencyMs, Is.EqualTo(12));
            Assert.That((string?)sync.GetResult()!["text"], Is.EqualTo("hi"));
            Assert.That(sync.ErrorMessage, Is.EqualTo("boom"));
            Assert.That(sync.RedactionCount, Is.EqualTo(2));
            Assert.That(sync.GetTraceVault(), Is.Not.Null);
            Assert.That(sync.GetComplianceTrace(), Is.Null);
            Assert.That(sync.Veil, Is.SameAs(receipt));
            Assert.That(receipt.Status, Is.EqualTo(ProxyVeilReceiptStatus.Pending));
            Assert.That(receipt.SummaryUrl, Is.EqualTo("/s"));
            Assert.That(accepted.Status, Is.EqualTo(ProxyAcceptedResponse.ProcessingStatus));
            Assert.That(accepted.JobId, Is.EqualTo("job"));
            Assert.That(accepted.StatusUrl, Is.EqualTo("/status"));
        });
    }

    [Test]
    public void builds_the_audit_export()
    {
        AuditEntry entry = LucairnModelFactory.AuditEntry("2026-05-02T10:00:00Z", "proxy_request", "key-1", "ok", "r");
        AuditExportResponse export = LucairnModelFactory.AuditExportResponse("cust", "pro", "30d", [entry], source: "db");
        Assert.Multiple(() =>
        {
            Assert.That(export.Events.Single(), Is.SameAs(entry));
            Assert.That(export.TotalEvents, Is.EqualTo(1), "defaults to the number of events");
            Assert.That(export.CustomerId, Is.EqualTo("cust"));
            Assert.That(export.Source, Is.EqualTo("db"));
            Assert.That(entry.EventType, Is.EqualTo("proxy_request"));
            Assert.That(entry.RequestId, Is.EqualTo("r"));
        });
    }

    [Test]
    public void builds_the_verification_results()
    {
        var issued = new DateTimeOffset(2026, 6, 10, 0, 1, 56, TimeSpan.Zero);
        VerifyCertificateResult result = LucairnModelFactory.VerifyCertificateResult("cert", "req", "w", issued, overallVerdict: VeilVerdict.Verified, signableVersion: SignableVersion.V3);
        CertificateChainVerifiedClaim claim = LucairnModelFactory.CertificateChainVerifiedClaim("{}", new Dictionary<string, JValue> { ["/a"] = new("b") });
        CertificateChainVerified verified = LucairnModelFactory.CertificateChainVerified([new("request_id", new JValue("req"))], new Dictionary<string, CertificateChainVerifiedClaim> { ["bridge"] = claim });
        CertificateChainResult chain = LucairnModelFactory.CertificateChainResult(ChainVerdicts.Verified, "ok", verified: verified);
        Assert.Multiple(() =>
        {
            Assert.That(result.CertificateId, Is.EqualTo("cert"));
            Assert.That(result.WitnessAssertedIssuedAt, Is.EqualTo(issued));
            Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo("2026-06-10T00:01:56Z"));
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(chain.Reaches(ChainVerdicts.Verified), Is.True);
            Assert.That(chain.Reason, Is.EqualTo("ok"));
            Assert.That((string?)chain.Verified!.Certificate["request_id"], Is.EqualTo("req"));
            Assert.That(chain.Verified.Claims["bridge"].Canonical, Is.EqualTo("{}"));
            Assert.That((string?)chain.Verified.Claims["bridge"].Values["/a"], Is.EqualTo("b"));
            Assert.That(chain.ToJson(), Does.Contain("\"request_id\":\"req\""));
        });
    }
}
