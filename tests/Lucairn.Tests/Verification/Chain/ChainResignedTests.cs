using System.Text;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>
/// Steps only a signer can reach: an honest corpus certificate edited in its signed parts and
/// signed again with the corpus test keys (the v3 signature dropped, so the witness signs v2).
/// </summary>
public class ChainResignedTests
{
    private static CertificateChainKeys Keys => ChainCorpus.KeysFor("default");

    private static StrictJsonNode Honest()
    {
        JObject manifestCase = ChainCorpus.Cases.Single(c => (string)c["id"]! == "honest_full_chain_egress");
        return StrictJsonReader.TryParse(ChainCorpus.Input(manifestCase), out _)!;
    }

    private static void Set(StrictJsonNode node, string key, StrictJsonNode value)
    {
        int index = node.Members!.FindIndex(m => m.Key == key);
        if (index < 0)
        {
            node.Members.Add(new(key, value));
        }
        else
        {
            node.Members[index] = new(key, value);
        }
    }

    private static void Remove(StrictJsonNode node, string key) => node.Members!.RemoveAll(m => m.Key == key);

    /// <summary>Drops the v3 signature and signs the v2 signable (over the issued_at in its normalized UTC form).</summary>
    private static byte[] WitnessSigned(StrictJsonNode root, string verdict)
    {
        Remove(root, "signable_v3_signature");
        Remove(root, "signable_protocol_version_emitted");
        Set(root.Get("verification")!, "overall_verdict", StrictJsonNode.String(verdict));
        var claimIds = StrictJsonNode.NewArray();
        claimIds.Items!.AddRange(root.Get("claims")!.Items!.Select(c => c.Get("claim_id")!));
        var signable = StrictJsonNode.NewObject();
        signable.Members!.Add(new("certificate_id", root.Get("certificate_id")!));
        signable.Members.Add(new("claim_ids", claimIds));
        Assert.That(ChainIssuedAt.TryNormalize(root.GetString("issued_at")!, out string issuedUtc), Is.True);
        signable.Members.Add(new("issued_at", StrictJsonNode.String(issuedUtc)));
        signable.Members.Add(new("overall_verdict", StrictJsonNode.String(verdict.StartsWith("VERDICT_", StringComparison.Ordinal) ? verdict["VERDICT_".Length..] : verdict)));
        signable.Members.Add(new("protocol_version", StrictJsonNode.Number("2")));
        signable.Members.Add(new("request_id", root.Get("request_id")!));
        signable.Members.Add(new("witness_key_id", root.Get("witness_key_id")!));
        Set(root, "witness_signature", StrictJsonNode.String(ChainCorpusSigner.Sign("witness", CanonicalLexeme.Write(signable))));
        return CanonicalLexeme.Write(root);
    }

    /// <summary>Replaces claim 0 (dsa-bridge) with a signed document and signs it with the dsa-bridge key.</summary>
    private static void SignClaimZero(StrictJsonNode root, byte[] document)
    {
        StrictJsonNode claim = root.Get("claims")!.Items![0];
        Assert.That(claim.GetString("service_id"), Is.EqualTo("dsa-bridge"));
        Set(claim, "canonical_payload", StrictJsonNode.String(Convert.ToBase64String(document)));
        Set(claim, "signature", StrictJsonNode.String(ChainCorpusSigner.Sign("dsa-bridge", document)));
    }

    [Test]
    public void DerivedKeysAreTheCorpusKeys() =>
        Assert.That(
            (ChainCorpusSigner.Key("witness").PublicKey.ToBase64(), ChainCorpusSigner.Key("dsa-bridge").PublicKey.ToBase64()),
            Is.EqualTo((ChainCorpus.WitnessKey, ChainCorpus.ServiceKeys["dsa-bridge"])));

    [Test]
    public void ResignedAsV2TheHonestCertificateVerifies()
    {
        CertificateChainResult result = CertificateChainVerifier.Verify(WitnessSigned(Honest(), "VERDICT_VERIFIED"), Keys);
        Assert.That((result.Verdict, result.SignableVersion), Is.EqualTo(("VERIFIED", "v2")));
    }

    [TestCase("VERDICT_FAILED", "6a")]
    [TestCase("VERDICT_UNSPECIFIED", "6b")]
    [TestCase("VERIFIED", "6b")]
    public void SealedVerdictOtherThanVerifiedOrPartialFails(string verdict, string step)
    {
        CertificateChainResult result = CertificateChainVerifier.Verify(WitnessSigned(Honest(), verdict), Keys);
        Assert.That((result.Verdict, result.Step, result.Reason), Is.EqualTo(("FAILED", step, ChainSteps.Get(step).Reason)));
    }

    [Test]
    public void UnknownClaimTypeIsSignedAsEmpty()
    {
        StrictJsonNode root = Honest();
        StrictJsonNode claim = root.Get("claims")!.Items![0];
        StrictJsonNode signed = StrictJsonReader.TryParse(Convert.FromBase64String(claim.GetString("canonical_payload")!), out _)!;
        Set(signed, "claim_type", StrictJsonNode.String(string.Empty));
        SignClaimZero(root, CanonicalLexeme.Write(signed));
        Set(claim, "claim_type", StrictJsonNode.String("CLAIM_TYPE_SOMETHING_NEW"));
        Remove(claim, "bridge");
        CertificateChainResult result = CertificateChainVerifier.Verify(CanonicalLexeme.Write(root), Keys);
        Assert.That((result.Verdict, result.Step), Is.EqualTo(("VERIFIED", "9e")));
        Assert.That(result.Verified!.Claims.Keys, Has.Member("0:dsa-bridge:"));
    }

    /// <summary>A document whose value pointers total exactly <paramref name="total"/> bytes, the one-byte pointer <c>/</c> read last.</summary>
    private static byte[] PointerHeavyDocument(long total)
    {
        const int Leaves = 64;
        long fixedPart = 1 + 1; // "/" (empty key, read last) and "/" of the padding key
        long perLeafDigits = 10 + ((Leaves - 10) * 2);
        long longKey = (total - fixedPart - 1 - perLeafDigits - (Leaves * 2L)) / Leaves;
        long padKey = total - fixedPart - perLeafDigits - (Leaves * (longKey + 2));
        Assert.That(padKey, Is.GreaterThanOrEqualTo(1));
        var json = new StringBuilder();
        json.Append("{\"\":\"v\",\"").Append('k', (int)longKey).Append("\":[");
        json.AppendJoin(',', Enumerable.Repeat("\"v\"", Leaves));
        json.Append("],\"").Append('p', (int)padKey).Append("\":\"v\"}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    [Test]
    public void PointerHeavyDocumentHasTheComputedTotal()
    {
        byte[] document = PointerHeavyDocument(1000);
        StrictJsonNode node = StrictJsonReader.TryParse(document, out _)!;
        Assert.That(ChainPointers.Flatten(node).Keys.Sum(k => (long)Encoding.UTF8.GetByteCount(k)), Is.EqualTo(1000));
    }

    [Test]
    public void ValuesPointersOfExactlyTheBoundAreRead()
    {
        StrictJsonNode root = Honest();
        SignClaimZero(root, PointerHeavyDocument(ChainRun.MaxValuesPointerBytes));
        CertificateChainResult result = CertificateChainVerifier.Verify(CanonicalLexeme.Write(root), Keys);
        Assert.That(result.Step, Is.EqualTo("7f"), "past 7e: the document has no claim_id");
    }

    [Test]
    public void ValuesPointersOneByteOverTheBoundFail()
    {
        StrictJsonNode root = Honest();
        SignClaimZero(root, PointerHeavyDocument(ChainRun.MaxValuesPointerBytes + 1));
        CertificateChainResult result = CertificateChainVerifier.Verify(CanonicalLexeme.Write(root), Keys);
        Assert.That(result.Step, Is.EqualTo("7e"));
    }
}
