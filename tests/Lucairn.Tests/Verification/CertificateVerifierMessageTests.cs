using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary>
/// The exact failure texts of <see cref="CertificateVerifier"/>: each check names what was wrong
/// and where, so a log line is enough to see why a certificate was rejected.
/// </summary>
public class CertificateVerifierMessageTests
{
    private const string V2File = "cert-valid-anchored.json";
    private const string V3File = "cert-real-v3-production.json";

    private static LucairnCertificateException FailV2(Action<JObject> mutate, VerifyCertificateKeys? keys = null, SignableVersion? minimum = null) =>
        CertificateFixtures.Fails(CertificateFixtures.Mutated(V2File, mutate), keys ?? CertificateFixtures.TestKeys, minimum);

    private static LucairnCertificateException FailV3(Action<JObject> mutate, SignableVersion? minimum = null) =>
        CertificateFixtures.Fails(CertificateFixtures.Mutated(V3File, mutate), CertificateFixtures.ProductionKeys, minimum);

    private static void StripV3(JObject cert)
    {
        cert.Remove("signable_protocol_version_emitted");
        cert.Remove("signable_v3_signature");
    }

    [Test]
    public void Null_parsed_certificate_is_malformed_and_says_so()
    {
        var ex = Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify((VeilCertificate?)null, CertificateFixtures.TestKeys))!;

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (malformed): the certificate is null."));
    }

    [Test]
    public void Undefined_minimum_signable_version_names_the_value()
    {
        var ex = Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(CertificateFixtures.Anchored, CertificateFixtures.TestKeys, (SignableVersion)7))!;

        Assert.That(ex.Message, Does.StartWith("minimumSignableVersion must be SignableVersion.V2, SignableVersion.V3 or null, got 7."));
    }

    [Test]
    public void Witness_mismatch_names_both_key_ids()
    {
        var keys = new VerifyCertificateKeys("witness_v2", CertificateFixtures.TestPublicKeyBase64);

        var ex = CertificateFixtures.Fails(CertificateFixtures.Anchored, keys);

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessMismatch));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (witness_mismatch): the certificate's witness_key_id 'witness_v1' is not the expected 'witness_v2'."));
    }

    [Test]
    public void Blank_witness_signature_says_it_is_empty()
    {
        var ex = FailV2(c => c["witness_signature"] = " ");

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessSignatureMissing));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (witness_signature_missing): witness_signature is empty."));
    }

    [Test]
    public void Stripped_v3_signature_names_the_declared_version()
    {
        var ex = FailV3(c => c.Remove("signable_v3_signature"));

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (version_downgrade_detected): signable_protocol_version_emitted is 3 but signable_v3_signature is missing or empty (v3 signature stripped)."));
    }

    [Test]
    public void Lowered_version_marker_names_the_declared_version()
    {
        var ex = FailV3(c => c["signable_protocol_version_emitted"] = 2);

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.VersionDowngradeDetected));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (version_downgrade_detected): signable_v3_signature is present but signable_protocol_version_emitted is 2 (version marker stripped or lowered)."));
    }

    [Test]
    public void Wrong_v3_signature_names_the_v3_member()
    {
        var ex = FailV3(c => c["signable_v3_signature"] = c["witness_signature"]);

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (invalid_signature): signable_v3_signature does not verify against the witness key."));
    }

    [Test]
    public void Wrong_v2_signature_names_the_witness_signature_member()
    {
        var ex = FailV2(c => c["witness_signature"] = Convert.ToBase64String(new byte[64]));

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (invalid_signature): witness_signature does not verify against the witness key."));
    }

    [Test]
    public void V2_only_certificate_in_strict_mode_says_v3_is_required()
    {
        var ex = FailV3(StripV3, SignableVersion.V3);

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (signable_version_insufficient): the certificate verified on the v2 signable only, but v3 is required."));
    }

    [Test]
    public void Signed_impossible_issued_at_is_malformed_and_quotes_the_text()
    {
        JObject cert = CertificateFixtures.Load(V2File);
        cert["issued_at"] = "2024-02-30T00:00:00Z";
        string json = CertificateFixtures.Resign(cert, CertificateFixtures.TestPrivateKey).ToString(Newtonsoft.Json.Formatting.None);

        var ex = CertificateFixtures.Fails(json, CertificateFixtures.TestKeys);

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (malformed): issued_at '2024-02-30T00:00:00Z' is not an RFC 3339 timestamp."));
        Assert.That(ex.InnerException, Is.TypeOf<FormatException>());
        Assert.That(ex.InnerException!.Message, Is.EqualTo("'2024-02-30T00:00:00Z' is not an RFC 3339 timestamp."));
    }

    [Test]
    public void Signed_issued_at_with_an_offset_beyond_14_hours_verifies_as_the_same_instant_in_UTC()
    {
        JObject cert = CertificateFixtures.Load(V2File);
        cert["issued_at"] = "2026-05-01T08:00:00.5-15:30";
        string json = CertificateFixtures.Resign(cert, CertificateFixtures.TestPrivateKey).ToString(Newtonsoft.Json.Formatting.None);

        VerifyCertificateResult result = CertificateVerifier.Verify(json, CertificateFixtures.TestKeys);

        Assert.That(result.WitnessAssertedIssuedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 23, 30, 0, 500, TimeSpan.Zero)));
        Assert.That(result.WitnessAssertedIssuedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(result.WitnessAssertedIssuedAtIso, Is.EqualTo("2026-05-01T08:00:00.5-15:30"));
    }

    [Test]
    public void Signature_that_is_not_base64_names_the_member()
    {
        var ex = FailV2(c => c["witness_signature"] = "not base64!");

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (invalid_signature): witness_signature is not strict base64."));
    }

    [Test]
    public void Signature_of_the_wrong_length_states_both_lengths()
    {
        var ex = FailV2(c => c["witness_signature"] = Convert.ToBase64String(new byte[10]));

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (invalid_signature): witness_signature is 10 bytes, not 64."));
    }

    [Test]
    public void Unusable_public_key_carries_the_decoding_error()
    {
        var ex = CertificateFixtures.Fails(CertificateFixtures.Anchored, new VerifyCertificateKeys(CertificateFixtures.WitnessKeyId, "not a key"));

        Assert.That(ex.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
        Assert.That(ex.InnerException, Is.TypeOf<CryptoFormatException>());
        Assert.That(ex.Message, Is.EqualTo("Certificate verification failed (invalid_signature): the witness public key is not usable: " + ex.InnerException!.Message));
    }
}
