using Lucairn.Testing;
using Lucairn.Tests.Verification;
using Lucairn.Tests.Verification.Chain;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Emulator;

/// <summary>The emulator's certificates end to end through the chain verifier: honest ones verify with its own keys only, each fault fails with its reason.</summary>
public class EmulatorChainTests
{
    /// <summary>Every fault and the reason the chain verifier must give (written out here, not taken from the library).</summary>
    private static readonly (EmulatorCertificateFault Fault, string Reason)[] Faults =
    [
        (EmulatorCertificateFault.Malformed, "malformed"),
        (EmulatorCertificateFault.UnsupportedProtocolVersion, "unsupported_protocol_version"),
        (EmulatorCertificateFault.WitnessKeyMismatch, "witness_key_mismatch"),
        (EmulatorCertificateFault.VersionDowngradeDetected, "version_downgrade_detected"),
        (EmulatorCertificateFault.WitnessSignatureInvalid, "witness_signature_invalid"),
        (EmulatorCertificateFault.SealedFailed, "sealed_failed"),
        (EmulatorCertificateFault.DuplicateClaimId, "duplicate_claim_id"),
        (EmulatorCertificateFault.UnknownService, "unknown_service"),
        (EmulatorCertificateFault.ServiceKeyMismatch, "service_key_mismatch"),
        (EmulatorCertificateFault.ClaimSignatureInvalid, "claim_signature_invalid"),
        (EmulatorCertificateFault.ClaimCanonicalMismatch, "claim_canonical_mismatch"),
        (EmulatorCertificateFault.ClaimNotWitnessListed, "claim_not_witness_listed"),
        (EmulatorCertificateFault.RequestIdSplice, "request_id_splice"),
        (EmulatorCertificateFault.TypedPayloadMismatch, "typed_payload_mismatch"),
        (EmulatorCertificateFault.EgressDigestMalformed, "egress_digest_malformed"),
        (EmulatorCertificateFault.EgressBodyUnbound, "egress_body_unbound"),
        (EmulatorCertificateFault.EgressBodyHashMismatch, "egress_body_hash_mismatch"),
        (EmulatorCertificateFault.CertTierMismatch, "cert_tier_mismatch"),
    ];

    private static IEnumerable<TestCaseData> FaultCases() =>
        from fault in Faults
        from version in new[] { "v2", "v3" }
        select new TestCaseData(fault.Fault, version, fault.Reason).SetName($"{fault.Fault}_{version}");

    private static LucairnClient Client(LucairnEmulator emulator) =>
        new(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

    private static async Task<string> IssueAsync(LucairnClient client, string version = "v3")
    {
        var request = new ProxyMessagesRequest { PromptTemplate = "Reply to {email}", Context = new Dictionary<string, string> { ["email"] = "alice@example.com" } };
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(request, new LucairnRequestOptions { Headers = { [LucairnEmulator.SignableVersionHeader] = version } });
        return sync.RequestId!;
    }

    private static async Task<string> RawCertificateAsync(LucairnEmulator emulator, string requestId)
    {
        using var http = new HttpClient(emulator.CreateHandler());
        http.DefaultRequestHeaders.Add("x-api-key", emulator.ProApiKey);
        return await http.GetStringAsync(new Uri($"{emulator.BaseUrl.OriginalString}/api/v1/veil/certificate/{requestId}"));
    }

    private static string ProductionKeyBase64 => Convert.ToBase64String(Convert.FromHexString(CertificateFixtures.ProductionPublicKeyHex));

    [TestCase("v3")]
    [TestCase("v2")]
    public async Task honest_certificate_is_chain_verified_with_the_emulators_own_keys(string version)
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string requestId = await IssueAsync(client, version);
        CertificateChainKeys keys = emulator.ChainKeys;

        CertificateChainResult result = await client.VerifyCertificateChainAsync(requestId, keys);

        Assert.Multiple(() =>
        {
            Assert.That(keys.AllowTestKeys, Is.False, "fresh per-instance keys need no test-key switch");
            Assert.That(result.ToJson(), Does.StartWith($"{{\"verdict\":\"VERIFIED\",\"reason\":\"ok\",\"egress_attestation\":\"signed_digests\",\"user_unredacted\":\"false\",\"signed_cert_tier\":\"absent\",\"signable_version\":\"{version}\",\"request_binding\":\"not_checked\","));
            Assert.That(result.Verified!.Certificate["request_id"].ToString(), Is.EqualTo(requestId));
            Assert.That(result.Verified.Claims.Keys, Is.EqualTo(new[] { "0:dsa-bridge:TOKEN_GENERATED", "1:dsa-sanitizer:PII_SANITIZED", "2:dsa-ai:INFERENCE_COMPLETED", "3:dsa-audit:EVENTS_RECORDED" }));
            Assert.That(result.Verified.Claims["2:dsa-ai:INFERENCE_COMPLETED"].Values["/payload/upstream_body_sha256/0"].ToString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(emulator.ServicePublicKeys.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "dsa-ai", "dsa-audit", "dsa-bridge", "dsa-sanitizer" }));
        });
    }

    [Test]
    public async Task each_claim_is_signed_by_its_own_service_key()
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string requestId = await IssueAsync(client);
        var certificate = JObject.Parse(await RawCertificateAsync(emulator, requestId));

        Assert.Multiple(() =>
        {
            Assert.That((bool)certificate["mock"]!, Is.True);
            Assert.That((string)certificate["verification"]!["cert_tier"]!, Is.EqualTo("full_chain"));
            foreach (JToken claim in certificate["claims"]!)
            {
                byte[] signed = Convert.FromBase64String((string)claim["canonical_payload"]!);
                byte[] signature = Convert.FromBase64String((string)claim["signature"]!);
                string service = (string)claim["service_id"]!;
                foreach ((string other, string key) in emulator.ServicePublicKeys)
                {
                    Assert.That(Shared.Crypto.Ed25519PublicKey.FromBase64(key).VerifyStrict(signed, signature), Is.EqualTo(other == service), $"{service} claim under the {other} key");
                }
            }
        });
    }

    [Test]
    public async Task two_emulators_have_different_service_keys()
    {
        await using var first = LucairnEmulator.Start();
        await using var second = LucairnEmulator.Start();
        Assert.That(first.ServicePublicKeys.Values, Is.Not.EquivalentTo(second.ServicePublicKeys.Values));
        Assert.That(first.ServicePublicKeys.Values.Intersect(second.ServicePublicKeys.Values), Is.Empty);
    }

    [Test]
    public async Task production_witness_key_still_rejects_emulator_certificates()
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string requestId = await IssueAsync(client);
        string raw = await RawCertificateAsync(emulator, requestId);
        var asProduction = new CertificateChainKeys { WitnessKeyId = CertificateFixtures.WitnessKeyId, WitnessPublicKey = ProductionKeyBase64, ServicePublicKeys = emulator.ServicePublicKeys };
        var productionKeyUnderMockId = new CertificateChainKeys { WitnessKeyId = emulator.WitnessKeyId, WitnessPublicKey = ProductionKeyBase64, ServicePublicKeys = emulator.ServicePublicKeys };

        Assert.Multiple(() =>
        {
            Assert.That(CertificateChainVerifier.Verify(raw, asProduction).ToString(), Is.EqualTo("FAILED (witness_key_mismatch)"));
            Assert.That(CertificateChainVerifier.Verify(raw, productionKeyUnderMockId).ToString(), Is.EqualTo("FAILED (witness_signature_invalid)"));
            Assert.That(CertificateChainVerifier.Verify(raw, emulator.ChainKeys).ToString(), Is.EqualTo("VERIFIED (ok)"));
        });
    }

    [Test]
    public async Task another_emulators_service_keys_fail_the_claims()
    {
        await using var emulator = LucairnEmulator.Start();
        await using var other = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string raw = await RawCertificateAsync(emulator, await IssueAsync(client));
        var keys = new CertificateChainKeys { WitnessKeyId = emulator.WitnessKeyId, WitnessPublicKey = Convert.ToBase64String(emulator.WitnessPublicKey), ServicePublicKeys = other.ServicePublicKeys };
        Assert.That(CertificateChainVerifier.Verify(raw, keys).ToString(), Is.EqualTo("FAILED (claim_signature_invalid)"));
    }

    [Test]
    public async Task witness_only_verification_of_the_same_certificate_still_works()
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string requestId = await IssueAsync(client);
        VeilCertificate certificate = await client.GetCertificateAsync(requestId);
        string raw = await RawCertificateAsync(emulator, requestId);

        Assert.Multiple(() =>
        {
            Assert.That(client.VerifyCertificate(certificate, emulator.VerifyKeys, SignableVersion.V3).SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(CertificateVerifier.Verify(raw, emulator.VerifyKeys, SignableVersion.V3).RequestId, Is.EqualTo(requestId));
            Assert.That(certificate.Verification.CertTier, Is.EqualTo("full_chain"));
        });
    }

    [Test]
    public async Task policy_and_request_binding_reasons_come_from_the_callers_options()
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        string v2 = await IssueAsync(client, "v2");
        string v3 = await IssueAsync(client, "v3");
        CertificateChainKeys Keys(string? minimum = null, string? expectedRequestId = null) => new()
        {
            WitnessKeyId = emulator.WitnessKeyId,
            WitnessPublicKey = Convert.ToBase64String(emulator.WitnessPublicKey),
            ServicePublicKeys = emulator.ServicePublicKeys,
            MinimumSignableVersion = minimum,
            ExpectedRequestId = expectedRequestId,
        };

        CertificateChainResult bound = await client.VerifyCertificateChainAsync(v3, Keys(expectedRequestId: v3));
        Assert.Multiple(async () =>
        {
            Assert.That((await client.VerifyCertificateChainAsync(v2, Keys("v3"))).ToString(), Is.EqualTo("FAILED (signable_version_insufficient)"));
            Assert.That((await client.VerifyCertificateChainAsync(v3, Keys("v3"))).ToString(), Is.EqualTo("VERIFIED (ok)"));
            Assert.That((bound.Verdict, bound.RequestBinding), Is.EqualTo(("VERIFIED", "matched")));
            Assert.That((await client.VerifyCertificateChainAsync(v3, Keys(expectedRequestId: v2))).ToString(), Is.EqualTo("FAILED (request_mismatch)"));
        });
    }

    [TestCaseSource(nameof(FaultCases))]
    public async Task each_fault_fails_with_its_reason(EmulatorCertificateFault fault, string version, string reason)
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        emulator.FaultNextCertificates(fault);
        string faulty = await IssueAsync(client, version);
        string honest = await IssueAsync(client, version);

        CertificateChainResult result = await client.VerifyCertificateChainAsync(faulty, emulator.ChainKeys);

        Assert.Multiple(async () =>
        {
            Assert.That((result.Verdict, result.Reason), Is.EqualTo(("FAILED", reason)));
            Assert.That(result.Verified, Is.Null);
            Assert.That((await client.VerifyCertificateChainAsync(honest, emulator.ChainKeys)).ToString(), Is.EqualTo("VERIFIED (ok)"), "the fault applies to the next certificate only");
        });
    }

    [Test]
    public void every_fault_is_covered_and_every_certificate_side_failed_reason_has_a_fault()
    {
        string[] optionReasons = ["signable_version_insufficient", "request_mismatch"];
        string[] failedReasons = ((JArray)ChainCorpus.Manifest["reasons"]!).Select(r => (string)r!)
            .Where(r => r is not ("ok" or "egress_unattested" or "inference_unfinished" or "user_sent_unredacted" or "sealed_partial")).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Faults.Select(f => f.Fault), Is.EquivalentTo(Enum.GetValues<EmulatorCertificateFault>().Where(f => f != EmulatorCertificateFault.None)));
            Assert.That(Faults.Select(f => f.Reason).Concat(optionReasons), Is.EquivalentTo(failedReasons));
        });
    }

    [Test]
    public async Task red_proof_the_witness_only_check_accepts_an_edited_claim_body()
    {
        await using var emulator = LucairnEmulator.Start();
        using LucairnClient client = Client(emulator);
        emulator.FaultNextCertificates(EmulatorCertificateFault.ClaimSignatureInvalid);
        string requestId = await IssueAsync(client);
        string raw = await RawCertificateAsync(emulator, requestId);
        Assert.Multiple(() =>
        {
            Assert.That(CertificateVerifier.Verify(raw, emulator.VerifyKeys, SignableVersion.V3).SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(CertificateChainVerifier.Verify(raw, emulator.ChainKeys).Reason, Is.EqualTo(ChainReasons.ClaimSignatureInvalid));
        });
    }

    [Test]
    public async Task fault_switch_validates_its_arguments_and_counts()
    {
        await using var emulator = LucairnEmulator.Start();
        Assert.Throws<LucairnValidationException>(() => emulator.FaultNextCertificates(EmulatorCertificateFault.None));
        Assert.Throws<LucairnValidationException>(() => emulator.FaultNextCertificates((EmulatorCertificateFault)999));
        Assert.Throws<LucairnValidationException>(() => emulator.FaultNextCertificates(EmulatorCertificateFault.SealedFailed, 0));

        using LucairnClient client = Client(emulator);
        emulator.FaultNextCertificates(EmulatorCertificateFault.SealedFailed, 2);
        string[] ids = [await IssueAsync(client), await IssueAsync(client), await IssueAsync(client)];
        var reasons = new List<string>();
        foreach (string id in ids)
        {
            reasons.Add((await client.VerifyCertificateChainAsync(id, emulator.ChainKeys)).Reason);
        }

        Assert.That(reasons, Is.EqualTo(new[] { "sealed_failed", "sealed_failed", "ok" }));
    }
}
