using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class PayloadCommitmentTests
{
    private static TestCaseData[] Cases => Vectors.Cases("payload-commitment.proposed.json")
        .Select((c, i) => new TestCaseData(c).SetArgDisplayNames($"case{i}")).ToArray();

    [TestCaseSource(nameof(Cases))]
    public void Commitment_matches_the_vector(JObject c)
    {
        PayloadCommitmentValue value = PayloadCommitment.Compute(c["payload"]);
        Assert.That(JToken.DeepEquals(value.ToJson(), c["expected"]), Is.True, value.ToString());
        Assert.That(AttestoCanonicalJson.SerializeToString(c["payload"]!), Is.EqualTo((string)c["canonical"]!));
    }

    [TestCaseSource(nameof(Cases))]
    public void Verify_accepts_every_spelling_of_the_event_field(JObject c)
    {
        JToken payload = c["payload"]!;
        string hash = (string)c["expected"]!["canonical_payload_hash"]!;
        Assert.That(PayloadCommitment.Verify(payload, new JObject { ["payload_commitment"] = c["expected"]!.DeepClone() }), Is.True);
        Assert.That(PayloadCommitment.Verify(payload, new JObject { ["payload_hash"] = hash.ToUpperInvariant() }), Is.True);
        Assert.That(PayloadCommitment.Verify(payload, new JObject { ["canonical_payload_hash"] = hash }), Is.True);
        Assert.That(PayloadCommitment.Verify(payload, c["expected"]!), Is.True);
    }

    [Test]
    public void Verify_fails_closed()
    {
        var payload = new JObject { ["decision"] = "approve", ["score_bp"] = 8700 };
        JObject commitment = PayloadCommitment.Compute(payload).ToJson();
        Assert.That(PayloadCommitment.Verify(new JObject { ["decision"] = "deny", ["score_bp"] = 8700 }, commitment), Is.False);
        Assert.That(PayloadCommitment.Verify(payload, new JObject { ["hash_alg"] = "sha512", ["canonical_payload_hash"] = commitment["canonical_payload_hash"] }), Is.False);
        Assert.That(PayloadCommitment.Verify(payload, new JObject { ["payload_hash"] = "zz" }), Is.False);
        Assert.That(PayloadCommitment.Verify(payload, new JObject()), Is.False);
        Assert.That(PayloadCommitment.Verify(payload, new JArray()), Is.False);
        Assert.That(PayloadCommitment.Verify(new { score = 0.5 }, commitment), Is.False);
    }

    [Test]
    public void Key_order_and_clr_shape_do_not_change_the_commitment()
    {
        string a = PayloadCommitment.Compute(new { score_bp = 8700, decision = "approve" }).CanonicalPayloadHash;
        string b = PayloadCommitment.Compute(new Dictionary<string, object> { ["decision"] = "approve", ["score_bp"] = 8700 }).CanonicalPayloadHash;
        Assert.That(a, Is.EqualTo(b));
        Assert.Throws<AttestoUnsafeNumberException>(() => PayloadCommitment.Compute(new { score = 0.87 }));
    }
}
