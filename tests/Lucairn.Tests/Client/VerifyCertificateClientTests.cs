using Lucairn;
using Lucairn.Tests.Verification;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_client_verify_certificate.py</c>: the client forwards to <see cref="CertificateVerifier"/> (no network).</summary>
public class VerifyCertificateClientTests
{
    private static LucairnClient Client() => new(new LucairnClientOptions { ApiKey = Support.TestClients.LiveKey });

    [Test]
    public void test_v2_cert_minimum_v3_raises_signable_version_insufficient()
    {
        using var client = Client();
        var error = Assert.Throws<LucairnCertificateException>(() =>
            client.VerifyCertificate(CertificateFixtures.Anchored, CertificateFixtures.TestKeys, SignableVersion.V3))!;
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));
    }

    [Test]
    public void test_v3_cert_minimum_v3_passes()
    {
        using var client = Client();
        VerifyCertificateResult result = client.VerifyCertificate(CertificateFixtures.RealV3, CertificateFixtures.ProductionKeys, SignableVersion.V3);
        Assert.Multiple(() =>
        {
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(result.V3SignatureStripped, Is.False);
        });
    }

    [Test]
    public void test_v2_cert_default_args_unchanged()
    {
        using var client = Client();
        VerifyCertificateResult result = client.VerifyCertificate(CertificateFixtures.Anchored, CertificateFixtures.TestKeys);
        Assert.Multiple(() =>
        {
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
        });
    }

    [Test]
    public void every_overload_gives_the_same_result_as_the_static_verifier()
    {
        using var client = Client();
        VerifyCertificateResult expected = CertificateVerifier.Verify(CertificateFixtures.RealV3, CertificateFixtures.ProductionKeys);
        JObject token = CertificateFixtures.Load("cert-real-v3-production.json");
        VeilCertificate model = VeilCertificate.Parse(CertificateFixtures.RealV3);
        VerifyCertificateResult[] results =
        [
            client.VerifyCertificate(CertificateFixtures.RealV3, CertificateFixtures.ProductionKeys),
            client.VerifyCertificate(token, CertificateFixtures.ProductionKeys),
            client.VerifyCertificate(token, CertificateFixtures.ProductionKeys, SignableVersion.V3),
            client.VerifyCertificate(model, CertificateFixtures.ProductionKeys),
            client.VerifyCertificate(model, CertificateFixtures.ProductionKeys, null),
        ];
        Assert.That(results.Select(r => (r.CertificateId, r.SignableVersion, r.WitnessAssertedIssuedAtIso)),
            Is.All.EqualTo((expected.CertificateId, expected.SignableVersion, expected.WitnessAssertedIssuedAtIso)));
    }
}
