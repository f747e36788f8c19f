namespace Lucairn.Tests.Verification.Chain;

/// <summary>Step 8d case by case: the unsigned cert_tier label against the signed cert_tier copies.</summary>
public class ChainCertTierTests
{
    private const string Inference = "CLAIM_TYPE_INFERENCE_COMPLETED";

    /// <summary>Each claim as <c>service|claim_type|cert_tier</c> (an empty cert_tier = no signed copy).</summary>
    private static (bool Pass, string Tier, bool Cap) Check(string unsigned, string sealedVerdict, params string[] claims)
    {
        var claimNodes = new List<StrictJsonNode>();
        var payloads = new List<StrictJsonNode>();
        foreach (string claim in claims)
        {
            string[] parts = claim.Split('|');
            claimNodes.Add(ChainJson.Node("{'service_id':'" + parts[0] + "','claim_type':'" + parts[1] + "'}"));
            payloads.Add(ChainJson.Node(parts[2].Length == 0 ? "{}" : "{'cert_tier':'" + parts[2] + "'}"));
        }

        bool pass = ChainCertTier.Check(claimNodes, [.. payloads], unsigned, sealedVerdict, out string tier, out bool cap);
        return (pass, tier, cap);
    }

    [Test]
    public void TwoAuditOnlyCopiesStillMarkTheCertificate() =>
        Assert.That(Check("", "VERDICT_PARTIAL", "dsa-gateway|X|audit-only", "dsa-ai|" + Inference + "|audit-only"), Is.EqualTo((false, "inconsistent", false)));

    [Test]
    public void TwoCopiesThatAreNotInputShieldAreInconsistent() =>
        Assert.That(Check("input_shield", "VERDICT_SEALED", "dsa-gateway|X|a", "dsa-ai|" + Inference + "|b"), Is.EqualTo((false, "inconsistent", false)));

    [Test]
    public void GatewayAndAiInputShieldCopiesAreInputShield() =>
        Assert.That(Check("input_shield", "VERDICT_SEALED", "dsa-gateway|X|input-shield", "dsa-ai|" + Inference + "|input-shield"), Is.EqualTo((true, "input_shield", false)));

    [Test]
    public void InputShieldSignedButUnlabelledPassesCapped() =>
        Assert.That(Check("", "VERDICT_SEALED", "dsa-gateway|X|input-shield", "dsa-ai|" + Inference + "|input-shield"), Is.EqualTo((true, "input_shield", true)));

    [Test]
    public void NoCopiesAndNoLabelPass() =>
        Assert.That(Check("", "VERDICT_SEALED", "dsa-gateway|X|", "dsa-ai|" + Inference + "|"), Is.EqualTo((true, "absent", false)));

    [Test]
    public void NoCopiesAndFullChainLabelPass() =>
        Assert.That(Check("full_chain", "VERDICT_SEALED", "dsa-gateway|X|"), Is.EqualTo((true, "absent", false)));

    [Test]
    public void AMismatchPassesOnlyOnAPartialSeal()
    {
        Assert.That(Check("input_shield", "VERDICT_SEALED", "dsa-gateway|X|"), Is.EqualTo((false, "absent", false)));
        Assert.That(Check("input_shield", "VERDICT_PARTIAL", "dsa-gateway|X|"), Is.EqualTo((true, "absent", false)));
    }

    [Test]
    public void TwoSignerWithGatewayCopyAndSanitizerPasses() =>
        Assert.That(Check("input_shield_two_signer", "VERDICT_SEALED", "dsa-gateway|X|input-shield", "dsa-sanitizer|Y|"), Is.EqualTo((true, "input_shield_two_signer", false)));

    [Test]
    public void TwoSignerWithAnAiClaimFails() =>
        Assert.That(Check("input_shield_two_signer", "VERDICT_PARTIAL", "dsa-gateway|X|input-shield", "dsa-sanitizer|Y|", "dsa-ai|" + Inference + "|").Pass, Is.False);

    [Test]
    public void TwoSignerWithoutSanitizerFails() =>
        Assert.That(Check("input_shield_two_signer", "VERDICT_PARTIAL", "dsa-gateway|X|input-shield").Pass, Is.False);

    [Test]
    public void TwoSignerWithASecondCopyFails() =>
        Assert.That(Check("input_shield_two_signer", "VERDICT_PARTIAL", "dsa-gateway|X|input-shield", "dsa-sanitizer|Y|input-shield").Pass, Is.False);

    [Test]
    public void AuditOnlyOnTheInferenceClaimPasses() =>
        Assert.That(Check("audit_only", "VERDICT_SEALED", "dsa-gateway|X|", "dsa-ai|" + Inference + "|audit-only"), Is.EqualTo((true, "audit_only", false)));

    [Test]
    public void AuditOnlyOnAnotherAiClaimTypeFails() =>
        Assert.That(Check("audit_only", "VERDICT_PARTIAL", "dsa-ai|CLAIM_TYPE_OTHER|audit-only").Pass, Is.False);

    [Test]
    public void AuditOnlyLabelWithOtherMarkerOnTheInferenceClaimFails() =>
        Assert.That(Check("audit_only", "VERDICT_PARTIAL", "dsa-ai|" + Inference + "|input-shield").Pass, Is.False);

    [Test]
    public void AuditOnlyMarkerWithoutTheLabelFails() =>
        Assert.That(Check("", "VERDICT_PARTIAL", "dsa-ai|" + Inference + "|audit-only").Pass, Is.False);

    [Test]
    public void UnknownLabelFails() =>
        Assert.That(Check("other", "VERDICT_PARTIAL", "dsa-gateway|X|").Pass, Is.False);
}
