namespace Lucairn.Tests.Verification;

/// <summary>Port of upstream <c>python/tests/test_client_id.py</c> (3 tests): <see cref="Certificates.GetClientId"/>.</summary>
public class ClientIdTests
{
    [Test]
    public void test_client_id_present_when_gateway_emits()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["client_id"] = "org_acme_42"));
        Assert.That(Certificates.GetClientId(cert), Is.EqualTo("org_acme_42"));
        Assert.That(cert.ClientId, Is.EqualTo("org_acme_42"));
    }

    [Test]
    public void test_client_id_default_none_when_omitted()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Anchored);
        Assert.That(Certificates.GetClientId(cert), Is.Null);
    }

    [Test]
    public void test_client_id_explicit_null_remains_none()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["client_id"] = null));
        Assert.That(Certificates.GetClientId(cert), Is.Null);
    }

    [Test]
    [Description("Spec §11: an empty string stays an empty string.")]
    public void empty_client_id_stays_empty()
    {
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["client_id"] = string.Empty));
        Assert.That(Certificates.GetClientId(cert), Is.EqualTo(string.Empty));
    }

    [Test]
    public void null_certificate_is_an_argument_error() =>
        Assert.Throws<LucairnValidationException>(() => Certificates.GetClientId(null!));

    [Test]
    public void client_id_that_is_not_a_string_is_malformed()
    {
        var error = Assert.Throws<LucairnCertificateException>(() => VeilCertificate.Parse(CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["client_id"] = 5)))!;
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(error.Message, Does.Contain("client_id"));
    }
}
