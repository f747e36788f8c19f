using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>Which event fields <see cref="PayloadCommitment.Verify"/> falls back to when a payload_commitment object is incomplete.</summary>
public class PayloadCommitmentFieldTests
{
    private static readonly JObject Payload = new() { ["decision"] = "approve", ["score_bp"] = 8700 };

    private static string Hash => PayloadCommitment.Compute(Payload).CanonicalPayloadHash;

    [Test]
    public void A_commitment_object_without_its_hash_falls_back_to_the_events_canonical_payload_hash()
    {
        var @event = new JObject { ["payload_commitment"] = new JObject { ["hash_alg"] = "sha256" }, ["canonical_payload_hash"] = Hash };
        Assert.That(PayloadCommitment.Verify(Payload, @event), Is.True);
    }

    [Test]
    public void A_commitment_object_without_its_algorithm_takes_the_events_algorithm()
    {
        var @event = new JObject { ["payload_commitment"] = new JObject { ["canonical_payload_hash"] = Hash }, ["hash_alg"] = "sha512" };
        Assert.That(PayloadCommitment.Verify(Payload, @event), Is.False);
        @event["hash_alg"] = "SHA256";
        Assert.That(PayloadCommitment.Verify(Payload, @event), Is.True);
    }
}
