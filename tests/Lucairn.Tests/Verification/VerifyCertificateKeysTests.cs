namespace Lucairn.Tests.Verification;

/// <summary><see cref="VerifyCertificateKeys"/>: the lazily decoded key and its log description.</summary>
public class VerifyCertificateKeysTests
{
    [Test]
    public void To_string_is_the_key_id_until_the_key_is_decoded()
    {
        VerifyCertificateKeys keys = CertificateFixtures.TestKeys;

        Assert.That(keys.ToString(), Is.EqualTo(CertificateFixtures.WitnessKeyId));
    }

    [Test]
    public void To_string_adds_the_public_key_once_decoded()
    {
        VerifyCertificateKeys keys = CertificateFixtures.TestKeys;
        string key = keys.WitnessPublicKey.ToString();

        Assert.That(key, Is.Not.Empty);
        Assert.That(keys.ToString(), Is.EqualTo(CertificateFixtures.WitnessKeyId + ": " + key));
    }

    [Test]
    public void Bulk_witness_check_decodes_the_key_up_front()
    {
        VerifyCertificateKeys keys = CertificateFixtures.TestKeys;

        _ = CertificateVerifier.Witness(keys, minimumSignableVersion: null);

        Assert.That(keys.ToString(), Is.EqualTo(CertificateFixtures.WitnessKeyId + ": " + keys.WitnessPublicKey));
    }

    [Test]
    public void Bulk_witness_check_with_an_unusable_key_still_fails_each_certificate()
    {
        var keys = new VerifyCertificateKeys(CertificateFixtures.WitnessKeyId, "not a key");

        Func<string?, VerifyCertificateResult> check = CertificateVerifier.Witness(keys, minimumSignableVersion: null);

        var ex = Assert.Throws<LucairnCertificateException>(() => check(CertificateFixtures.Anchored))!;
        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
    }
}
