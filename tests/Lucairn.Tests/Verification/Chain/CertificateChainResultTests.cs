namespace Lucairn.Tests.Verification.Chain;

/// <summary><see cref="CertificateChainResult.Reaches"/> at each rank and the exact JSON of a FAILED result.</summary>
public class CertificateChainResultTests
{
    private static CertificateChainResult Result(string verdict) =>
        new("9e", verdict, "r", "signed_digests", "false", "absent", "v3", "not_checked", verified: null);

    [TestCase("FAILED", "FAILED", true)]
    [TestCase("PARTIAL", "FAILED", true)]
    [TestCase("FAILED", "PARTIAL", false)]
    [TestCase("PARTIAL", "PARTIAL", true)]
    [TestCase("PARTIAL", "EGRESS_UNATTESTED", false)]
    [TestCase("VERIFIED", "VERIFIED", true)]
    [TestCase("EGRESS_UNATTESTED", "VERIFIED", false)]
    public void ReachesComparesRanks(string verdict, string minimum, bool expected) =>
        Assert.That(Result(verdict).Reaches(minimum), Is.EqualTo(expected));

    [Test]
    public void ReachesRefusesAnUnknownVerdict()
    {
        var error = Assert.Throws<ArgumentException>(() => Result("VERIFIED").Reaches("verified"))!;
        Assert.That(error.ParamName, Is.EqualTo("minimum"));
        Assert.That(error.Message, Does.StartWith("'verified' is not a chain verdict (expected FAILED, PARTIAL, EGRESS_UNATTESTED or VERIFIED)."));
    }

    [Test]
    public void UnknownVerdictRanksBelowFailed() =>
        Assert.That((ChainVerdicts.Rank("x"), ChainVerdicts.Rank(null), Result("x").Reaches("FAILED")), Is.EqualTo((-1, -1, false)));

    [Test]
    public void CompactJson() =>
        Assert.That(
            ChainRun.Fail("1").ToJson(),
            Is.EqualTo("{\"verdict\":\"FAILED\",\"reason\":\"malformed\",\"egress_attestation\":\"not_evaluated\",\"user_unredacted\":\"unknown\",\"signed_cert_tier\":\"not_evaluated\",\"signable_version\":\"none\",\"request_binding\":\"not_evaluated\",\"verified\":null}"));

    [Test]
    public void IndentedJson()
    {
        string json = Result("PARTIAL").ToJson(indented: true);
        Assert.That(json.ReplaceLineEndings("\n"), Is.EqualTo("{\n  \"verdict\": \"PARTIAL\",\n  \"reason\": \"r\",\n  \"egress_attestation\": \"signed_digests\",\n  \"user_unredacted\": \"false\",\n  \"signed_cert_tier\": \"absent\",\n  \"signable_version\": \"v3\",\n  \"request_binding\": \"not_checked\",\n  \"verified\": null\n}"));
    }
}
