using System.Text;
using Lucairn.Tests.Support;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>
/// Hostile certificates: each is a FAILED malformed result in bounded time and memory, never an
/// exception or a stack overflow. Time is the test thread's CPU time, so a machine loaded by
/// other processes does not fail the test (a wall-clock bound did, once, under a load of 30+ on
/// two cores); memory is the bytes the thread allocated.
/// </summary>
public class ChainHostileInputTests
{
    /// <summary>CPU-time bound per input (each takes milliseconds; a quadratic or runaway parse would take far longer).</summary>
    private static readonly TimeSpan CpuBound = TimeSpan.FromSeconds(2);

    /// <summary>Wall-time bound where thread CPU time cannot be read.</summary>
    private static readonly TimeSpan WallBound = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Allocation bound: 1 MiB (the refusals throw and catch a reader exception, ≈ 16–70 KB) plus a
    /// quarter of the input. Measured: at most 69 KB; copying the 32 MiB input, or building a
    /// tree for the 1 MiB of brackets instead of stopping at depth 257, would break it.
    /// </summary>
    private static long AllocationBound(int inputLength) => (1 << 20) + (inputLength / 4);

    private static readonly CertificateChainKeys Keys = ChainCorpus.KeysFor("default");

    private static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData(new byte[(32 << 20) + 1]).SetName("Hostile_32MiBPlusOne");
        yield return new TestCaseData(Encoding.ASCII.GetBytes(new string('[', 257) + new string(']', 257))).SetName("Hostile_Depth257");
        yield return new TestCaseData(Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000))).SetName("Hostile_Depth100000");
        yield return new TestCaseData(Encoding.ASCII.GetBytes(new string('[', 1 << 20))).SetName("Hostile_OneMiBOfBrackets");
        yield return new TestCaseData(Encoding.ASCII.GetBytes(new string('{', 20_000))).SetName("Hostile_Braces");
        yield return new TestCaseData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }).SetName("Hostile_Bom");
        yield return new TestCaseData(new byte[] { 0xFF }).SetName("Hostile_NotUtf8");
        yield return new TestCaseData(Array.Empty<byte>()).SetName("Hostile_Empty");
        foreach ((string name, string json) in Step1Shapes())
        {
            yield return new TestCaseData(Encoding.UTF8.GetBytes(json)).SetName("Hostile_Step1_" + name);
        }
    }

    private static IEnumerable<(string Name, string Json)> Step1Shapes()
    {
        const string ok = "\"certificate_id\":\"c\",\"request_id\":\"r\",\"witness_key_id\":\"witness_parity_v1\",\"issued_at\":\"2026-01-01T00:00:00Z\",\"protocol_version\":2";
        const string claims = "\"claims\":[{\"claim_id\":\"x\",\"service_id\":\"dsa-ai\"}]";
        const string verification = "\"verification\":{\"overall_verdict\":\"VERDICT_VERIFIED\"}";
        yield return ("RootArray", "[]");
        yield return ("RootString", "\"x\"");
        yield return ("MissingCertificateId", "{" + ok.Replace("\"certificate_id\":\"c\",", "", StringComparison.Ordinal) + "," + claims + "," + verification + "}");
        yield return ("CertificateIdNumber", "{" + ok.Replace("\"c\"", "1", StringComparison.Ordinal) + "," + claims + "," + verification + "}");
        yield return ("ClaimsEmpty", "{" + ok + ",\"claims\":[]," + verification + "}");
        yield return ("ClaimsObject", "{" + ok + ",\"claims\":{}," + verification + "}");
        yield return ("ClaimNotObject", "{" + ok + ",\"claims\":[1]," + verification + "}");
        yield return ("ClaimIdMissing", "{" + ok + ",\"claims\":[{\"service_id\":\"dsa-ai\"}]," + verification + "}");
        yield return ("ServiceIdNumber", "{" + ok + ",\"claims\":[{\"claim_id\":\"x\",\"service_id\":1}]," + verification + "}");
        yield return ("VerificationMissing", "{" + ok + "," + claims + "}");
        yield return ("VerdictNumber", "{" + ok + "," + claims + ",\"verification\":{\"overall_verdict\":1}}");
        yield return ("ProtocolFloat", "{" + ok.Replace(":2", ":2.0", StringComparison.Ordinal) + "," + claims + "," + verification + "}");
        yield return ("ProtocolNegative", "{" + ok.Replace(":2", ":-2", StringComparison.Ordinal) + "," + claims + "," + verification + "}");
        yield return ("ProtocolOversized", "{" + ok.Replace(":2", ":4294967296", StringComparison.Ordinal) + "," + claims + "," + verification + "}");
        yield return ("CertTierNumber", "{" + ok + "," + claims + ",\"verification\":{\"overall_verdict\":\"VERDICT_VERIFIED\",\"cert_tier\":1}}");
        yield return ("ByokString", "{" + ok + "," + claims + ",\"verification\":{\"overall_verdict\":\"VERDICT_VERIFIED\",\"byok_exempt\":\"yes\"}}");
        yield return ("EmittedTooLarge", "{" + ok + ",\"signable_protocol_version_emitted\":2147483648," + claims + "," + verification + "}");
        yield return ("V3SignatureNumber", "{" + ok + ",\"signable_v3_signature\":1," + claims + "," + verification + "}");
        yield return ("WitnessSignatureArray", "{" + ok + ",\"witness_signature\":[]," + claims + "," + verification + "}");
        yield return ("ClientIdBool", "{" + ok + ",\"client_id\":true," + claims + "," + verification + "}");
        yield return ("ApiKeyIdObject", "{" + ok + ",\"api_key_id\":{}," + claims + "," + verification + "}");
        yield return ("DuplicateKey", "{" + ok + ",\"request_id\":\"r\"," + claims + "," + verification + "}");
        yield return ("CaseVariantKey", "{" + ok + ",\"Request_Id\":\"r\"," + claims + "," + verification + "}");
        yield return ("TrailingBracket", "{" + ok + "," + claims + "," + verification + "}]");
    }

    [TestCaseSource(nameof(Inputs))]
    public void IsFailedMalformedInBoundedTime(byte[] input)
    {
        Keys.Validate();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = ThreadCpuClock.Start();
        CertificateChainResult result = CertificateChainVerifier.Verify(input, Keys);
        TimeSpan elapsed = clock.Elapsed;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Multiple(() =>
        {
            Assert.That((result.Verdict, result.Reason, result.Step), Is.EqualTo((ChainVerdicts.Failed, ChainReasons.Malformed, "1")));
            Assert.That(result.Verified, Is.Null);
            Assert.That(elapsed, Is.LessThan(clock.IsCpuTime ? CpuBound : WallBound), $"{(clock.IsCpuTime ? "thread CPU" : "wall")} time; wall {clock.Wall}");
            Assert.That(allocated, Is.LessThanOrEqualTo(AllocationBound(input.Length)), "bytes allocated by the verification");
        });
        TestContext.Out.WriteLine($"{input.Length} bytes: cpu={clock.IsCpuTime} {elapsed.TotalMilliseconds:F1} ms (wall {clock.Wall.TotalMilliseconds:F1} ms), allocated {allocated} bytes");
    }

    [Test]
    public void WellShapedButUnsignedPassesStepOne()
    {
        const string json = "{\"certificate_id\":\"c\",\"request_id\":\"r\",\"witness_key_id\":\"witness_parity_v1\",\"issued_at\":\"2026-01-01T00:00:00Z\",\"protocol_version\":2,\"claims\":[{\"claim_id\":\"x\",\"service_id\":\"dsa-ai\"}],\"verification\":{\"overall_verdict\":\"VERDICT_VERIFIED\"}}";
        CertificateChainResult result = CertificateChainVerifier.Verify(json, Keys);
        Assert.That((result.Verdict, result.Reason, result.Step), Is.EqualTo((ChainVerdicts.Failed, ChainReasons.WitnessSignatureInvalid, "5b")));
    }

    [Test]
    public void NullAndLoneSurrogateTextAreFailedResults()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CertificateChainVerifier.Verify((string?)null, Keys).Reason, Is.EqualTo(ChainReasons.Malformed));
            Assert.That(CertificateChainVerifier.Verify((byte[]?)null, Keys).Reason, Is.EqualTo(ChainReasons.Malformed));
            Assert.That(CertificateChainVerifier.Verify("{\"a\":\"\ud800\"}", Keys).Reason, Is.EqualTo(ChainReasons.Malformed));
        });
    }
}
