using Lucairn;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Lucairn.Tests.Verification;

/// <summary>Every certificate file in vectors/lucairn with the outcome MANIFEST.md gives.</summary>
public class VectorConformanceTests
{
    [TestCase("cert-valid-anchored.json", "veil_test_0000000000000001", "req_test_0000000000000001", VeilAnchorStatus.Anchored)]
    [TestCase("cert-valid-pending.json", "veil_test_0000000000000001", "req_test_0000000000000001", VeilAnchorStatus.Pending)]
    [TestCase("cert-valid-failed.json", "veil_test_0000000000000001", "req_test_0000000000000001", VeilAnchorStatus.Failed)]
    [TestCase("cert-byok-exempt.json", "veil_test_byok_exempt_0001", null, VeilAnchorStatus.Anchored)]
    [TestCase("cert-go-signed-reference.json", "veil_oracle_0000000000000001", "req_oracle_0000000000000001", VeilAnchorStatus.Anchored)]
    public void LegacyTestKeyCertificatesVerifyAsV2(string file, string certificateId, string? requestId, VeilAnchorStatus anchor)
    {
        VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text(file), CertificateFixtures.TestKeys);

        Assert.Multiple(() =>
        {
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(result.CertificateId, Is.EqualTo(certificateId));
            if (requestId is not null)
            {
                Assert.That(result.RequestId, Is.EqualTo(requestId));
            }

            Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
            Assert.That(result.AnchorStatus, Is.EqualTo(anchor));
            Assert.That(result.V3SignatureStripped, Is.False);
            Assert.That(result.WitnessKeyId, Is.EqualTo("witness_v1"));
        });
    }

    [TestCase("cert-valid-anchored.json")]
    [TestCase("cert-valid-pending.json")]
    [TestCase("cert-valid-failed.json")]
    [TestCase("cert-byok-exempt.json")]
    [TestCase("cert-go-signed-reference.json")]
    public void LegacyCertificatesInStrictModeAreInsufficient(string file)
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Text(file), CertificateFixtures.TestKeys, SignableVersion.V3);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));
        Assert.That(error.ReasonCode, Is.EqualTo("signable_version_insufficient"));
    }

    [TestCase(null)]
    [TestCase(SignableVersion.V3)]
    public void TamperedPayloadIsInvalidSignatureInBothModes(SignableVersion? minimum)
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Text("cert-tampered-payload.json"), CertificateFixtures.TestKeys, minimum);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(error.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
    }

    [TestCase("cert-no-signature.json", VerifyCertificateFailureReason.WitnessSignatureMissing)]
    [TestCase("cert-whitespace-signature.json", VerifyCertificateFailureReason.WitnessSignatureMissing)]
    [TestCase("cert-protocol-version-mismatch.json", VerifyCertificateFailureReason.UnsupportedProtocolVersion)]
    [TestCase("cert-malformed-truncated.json", VerifyCertificateFailureReason.Malformed)]
    [TestCase("cert-malformed-plus-bad-version.json", VerifyCertificateFailureReason.Malformed)]
    public void BrokenCertificatesFailWithTheManifestReasonWithAnyKeyAndMode(string file, VerifyCertificateFailureReason reason)
    {
        foreach (VerifyCertificateKeys keys in new[] { CertificateFixtures.TestKeys, CertificateFixtures.ProductionKeys })
        {
            foreach (SignableVersion? minimum in new SignableVersion?[] { null, SignableVersion.V3 })
            {
                var error = CertificateFixtures.Fails(CertificateFixtures.Text(file), keys, minimum);
                Assert.That(error.Reason, Is.EqualTo(reason), $"{file} with {keys}, minimum {minimum}");
            }
        }
    }

    [Test]
    public void ProtocolVersionMismatchWinsEvenWithAWrongKeyId()
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Text("cert-protocol-version-mismatch.json"), new VerifyCertificateKeys("other", CertificateFixtures.TestPublicKeyBase64));
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.UnsupportedProtocolVersion));
    }

    [Test]
    public void TruncatedCertificateErrorCarriesItsCertificateId()
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Text("cert-malformed-truncated.json"), CertificateFixtures.TestKeys);
        Assert.That(error.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
    }

    [TestCase("cert-real-v3-production.json")]
    [TestCase("real-v3-cert.fixture.json")]
    public void RealV3CertificateVerifiesWithTheProductionKeyInBothModes(string file)
    {
        foreach (SignableVersion? minimum in new SignableVersion?[] { null, SignableVersion.V2, SignableVersion.V3 })
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(CertificateFixtures.Text(file), CertificateFixtures.ProductionKeys, minimum);
            Assert.Multiple(() =>
            {
                Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
                Assert.That(result.OverallVerdict, Is.EqualTo(VeilVerdict.Partial));
                Assert.That(result.AnchorStatus, Is.EqualTo(VeilAnchorStatus.Anchored));
                Assert.That(result.CertificateId, Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
                Assert.That(result.RequestId, Is.EqualTo("0ad683d6a85692cc1631422a8c4293ba"));
                Assert.That(result.V3SignatureStripped, Is.False);
                Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo("2026-06-10T00:01:59.878143387Z"));
            });
        }
    }

    [Test]
    public void RealV3CertificateWithTheTestKeyIsInvalidSignature()
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.RealV3, CertificateFixtures.TestKeys);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
    }

    [TestCase("cert-valid-anchored.json")]
    [TestCase("cert-go-signed-reference.json")]
    public void TestKeyCertificatesWithTheProductionKeyAreInvalidSignature(string file)
    {
        var error = CertificateFixtures.Fails(CertificateFixtures.Text(file), CertificateFixtures.ProductionKeys);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
    }

    [Test]
    public void ProductionKeyFilesAgree()
    {
        JObject json = JObject.Parse(CertificateFixtures.Text("production-witness-pubkey.json"));
        Assert.That((string?)json["publicKeyHex"], Is.EqualTo(CertificateFixtures.ProductionPublicKeyHex));
        Assert.That(Shared.Crypto.Ed25519PublicKey.FromBase64((string)json["publicKeyBase64"]!).ToHex(), Is.EqualTo(CertificateFixtures.ProductionPublicKeyHex));
        Assert.That((string?)json["witnessKeyId"], Is.EqualTo(CertificateFixtures.WitnessKeyId));
    }

    [Test]
    public void BothTestKeypairFilesHoldTheSamePair()
    {
        Assert.That(TestVectors.ReadText("lucairn", "witness-keypair.json").Contains(CertificateFixtures.TestPublicKeyBase64, StringComparison.Ordinal), Is.True);
        Assert.That(CertificateFixtures.TestPrivateKey.PublicKey.ToBase64(), Is.EqualTo(CertificateFixtures.TestPublicKeyBase64));
    }

    [TestCase("cert-go-signed-reference.json", "signable-go-reference.hex", false)]
    [TestCase("cert-real-v3-production.json", "real-v2-signable-go-reference.hex", false)]
    [TestCase("cert-real-v3-production.json", "real-v3-signable-go-reference.hex", true)]
    public void SignablesMatchTheGoReferenceBytes(string certificate, string hexFile, bool v3)
    {
        JObject cert = CertificateFixtures.Load(certificate);
        byte[] actual = v3 ? Signables.BuildV3(cert) : Signables.BuildV2(cert);
        Assert.That(Convert.ToHexStringLower(actual), Is.EqualTo(Convert.ToHexStringLower(TestVectors.ReadHex("lucairn", hexFile))));
    }

    [Test]
    public void GoV3FreezeVectorIsBuiltByTheRealSignableBuilder()
    {
        // MANIFEST: the Go freeze input is the oracle certificate with only its bridge claim, no
        // client/api-key ids, byok false and no sanitizer claim.
        JObject cert = CertificateFixtures.Load("cert-go-signed-reference.json");
        cert["claims"] = new JArray(cert["claims"]![0]!);

        byte[] actual = Signables.BuildV3(cert);

        Assert.That(Convert.ToHexStringLower(actual), Is.EqualTo(Convert.ToHexStringLower(TestVectors.ReadHex("lucairn", "v3-signable-go-reference.hex"))));
    }
}
