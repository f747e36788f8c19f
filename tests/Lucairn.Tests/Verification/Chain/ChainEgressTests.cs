using System.Security.Cryptography;
using System.Text;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>Steps 8a–8c case by case: the signed egress digests and the stored upstream bodies.</summary>
public class ChainEgressTests
{
    private const string Inference = "CLAIM_TYPE_INFERENCE_COMPLETED";
    private static readonly string BodyHex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("body")));
    private static readonly string BodyBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("body"));

    private static (string? Step, bool HasDigests) Check(params (string Claim, string Payload)[] claims)
    {
        string? step = ChainEgress.Check(claims.Select(c => ChainJson.Node(c.Claim)).ToList(), [.. claims.Select(c => ChainJson.Node(c.Payload))], out bool hasDigests);
        return (step, hasDigests);
    }

    private static string Claim(string service, string type, string bodies = "") =>
        "{'service_id':'" + service + "','claim_type':'" + type + "'" + (bodies.Length == 0 ? string.Empty : ",'inference':{'upstream_request_bodies':" + bodies + "}") + "}";

    private static string Digests(params string[] hex) => "{'upstream_body_sha256':[" + string.Join(",", hex.Select(h => "'" + h + "'")) + "]}";

    [Test]
    public void DigestsOnAnotherServiceAreIgnored() =>
        Assert.That(Check((Claim("dsa-gateway", Inference), "{'upstream_body_sha256':'x'}")), Is.EqualTo(((string?)null, false)));

    [Test]
    public void DigestsOnAnotherClaimTypeAreIgnored() =>
        Assert.That(Check((Claim("dsa-ai", "CLAIM_TYPE_OTHER"), "{'upstream_body_sha256':'x'}")), Is.EqualTo(((string?)null, false)));

    [Test]
    public void DigestsOnTwoInferenceClaimsFail() =>
        Assert.That(Check((Claim("dsa-ai", Inference), Digests(BodyHex)), (Claim("dsa-ai", Inference), Digests(BodyHex))).Step, Is.EqualTo("8a"));

    [TestCase("{'upstream_body_sha256':null}", TestName = "NullDigestListFails")]
    [TestCase("{'upstream_body_sha256':[]}", TestName = "EmptyDigestListFails")]
    [TestCase("{'upstream_body_sha256':['AB']}", TestName = "BadDigestFails")]
    public void DigestListShape(string payload) =>
        Assert.That(Check((Claim("dsa-ai", Inference), payload)).Step, Is.EqualTo("8a"));

    [Test]
    public void DigestsOnTheFirstClaimAreFound() =>
        Assert.That(Check((Claim("dsa-ai", Inference), Digests(BodyHex)), (Claim("dsa-gateway", "X"), "{}")), Is.EqualTo(((string?)null, true)));

    [Test]
    public void StoredBodyMatchingItsDigestPasses() =>
        Assert.That(Check((Claim("dsa-ai", Inference, "['" + BodyBase64 + "']"), Digests(BodyHex))), Is.EqualTo(((string?)null, true)));

    [Test]
    public void StoredBodyNotMatchingItsDigestFails() =>
        Assert.That(Check((Claim("dsa-ai", Inference, "['AAAA']"), Digests(BodyHex))), Is.EqualTo(("8c", true)));

    [Test]
    public void StoredBodyCountNotMatchingTheDigestsFails() =>
        Assert.That(Check((Claim("dsa-ai", Inference, "['" + BodyBase64 + "']"), Digests(BodyHex, BodyHex))), Is.EqualTo(("8c", true)));

    [Test]
    public void StoredBodiesWithoutDigestsFail() =>
        Assert.That(Check((Claim("dsa-ai", Inference, "['" + BodyBase64 + "']"), "{}")).Step, Is.EqualTo("8b"));

    [Test]
    public void StoredBodiesThatAreNotAListFail() =>
        Assert.That(Check((Claim("dsa-ai", Inference, "'x'"), Digests(BodyHex))).Step, Is.EqualTo("8b"));
}
