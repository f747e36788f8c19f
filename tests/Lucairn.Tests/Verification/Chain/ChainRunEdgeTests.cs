using System.Text;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>
/// The recipe's input bound and a few steps reached by editing an honest corpus certificate in
/// its unsigned parts (the strict tree is edited and re-written with its number lexemes kept).
/// </summary>
public class ChainRunEdgeTests
{
    private const string HonestCase = "honest_full_chain_egress";

    private static JObject Case => ChainCorpus.Cases.Single(c => (string)c["id"]! == HonestCase);

    private static CertificateChainKeys Keys => ChainCorpus.KeysFor("default");

    private static byte[] Honest => ChainCorpus.Input(Case);

    private static byte[] Edited(Action<StrictJsonNode> edit)
    {
        StrictJsonNode root = StrictJsonReader.TryParse(Honest, out string? problem)!;
        Assert.That(root, Is.Not.Null, problem);
        edit(root);
        return CanonicalLexeme.Write(root);
    }

    private static void Set(StrictJsonNode node, string key, StrictJsonNode value)
    {
        int index = node.Members!.FindIndex(m => m.Key == key);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), key);
        node.Members[index] = new(key, value);
    }

    private static byte[] Padded(int length)
    {
        byte[] honest = Honest;
        byte[] padded = new byte[length];
        honest.CopyTo(padded, 0);
        padded.AsSpan(honest.Length).Fill((byte)' ');
        return padded;
    }

    [Test]
    public void TheHonestCaseVerifies()
    {
        Assert.That(CertificateChainVerifier.Verify(Honest, Keys).Verdict, Is.EqualTo("VERIFIED"));
        Assert.That(CertificateChainVerifier.Verify(Edited(_ => { }), Keys).Verdict, Is.EqualTo("VERIFIED"));
    }

    [Test]
    public void SpanBytesAndTextGiveTheSameResult()
    {
        byte[] honest = Honest;
        string expected = CertificateChainVerifier.Verify(honest, Keys).ToJson();
        Assert.Multiple(() =>
        {
            Assert.That(CertificateChainVerifier.Verify((ReadOnlySpan<byte>)honest, Keys).ToJson(), Is.EqualTo(expected));
            Assert.That(CertificateChainVerifier.Verify(Encoding.UTF8.GetString(honest), Keys).ToJson(), Is.EqualTo(expected));
            Assert.That(expected, Does.StartWith("{\"verdict\":\"VERIFIED\""));
        });
    }

    [Test]
    public void NullInputIsMalformed()
    {
        Assert.That(CertificateChainVerifier.Verify((byte[]?)null, Keys).ToJson(), Is.EqualTo(ChainRun.Fail("1").ToJson()));
        Assert.That(CertificateChainVerifier.Verify((string?)null, Keys).ToJson(), Is.EqualTo(ChainRun.Fail("1").ToJson()));
    }

    [Test]
    public void InputOfExactlyTheBoundIsRead()
    {
        byte[] atBound = Padded(ChainRun.MaxInputBytes);
        Assert.Multiple(() =>
        {
            Assert.That(CertificateChainVerifier.Verify(atBound, Keys).Verdict, Is.EqualTo("VERIFIED"));
            Assert.That(CertificateChainVerifier.Verify(Encoding.ASCII.GetString(atBound), Keys).Verdict, Is.EqualTo("VERIFIED"));
        });
    }

    [Test]
    public void InputOneByteOverTheBoundIsMalformed()
    {
        byte[] overBound = Padded(ChainRun.MaxInputBytes + 1);
        Assert.Multiple(() =>
        {
            Assert.That(CertificateChainVerifier.Verify(overBound, Keys).Step, Is.EqualTo("1"));
            Assert.That(CertificateChainVerifier.Verify(Encoding.ASCII.GetString(overBound), Keys).Step, Is.EqualTo("1"));
        });
    }

    [TestCase("PASS")]
    [TestCase("VERDICT")]
    [TestCase("")]
    public void ShortSealedVerdictFailsTheWitnessSignature(string verdict)
    {
        byte[] input = Edited(root => Set(root.Get("verification")!, "overall_verdict", StrictJsonNode.String(verdict)));
        CertificateChainResult result = CertificateChainVerifier.Verify(input, Keys);
        Assert.That((result.Verdict, result.Step), Is.EqualTo(("FAILED", "5b")));
    }

    [Test]
    public void DataSeenThatIsNotAListFailsTheClaimRebuild()
    {
        byte[] input = Edited(root =>
        {
            StrictJsonNode claim = root.Get("claims")!.Items![0];
            if (claim.Has("data_seen"))
            {
                Set(claim, "data_seen", StrictJsonNode.Number("1"));
            }
            else
            {
                claim.Members!.Add(new("data_seen", StrictJsonNode.Number("1")));
            }
        });
        CertificateChainResult result = CertificateChainVerifier.Verify(input, Keys);
        Assert.That((result.Verdict, result.Step), Is.EqualTo(("FAILED", "7g")));
    }
}
