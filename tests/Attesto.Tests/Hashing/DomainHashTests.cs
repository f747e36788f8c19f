using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Hashing;

public class DomainHashTests
{
    [Test]
    public void Domain_hash_is_sha256_of_tag_zero_data()
    {
        byte[] data = Encoding.ASCII.GetBytes("payload");
        byte[] expected = Hashes.Sha256([.. Encoding.ASCII.GetBytes("attesto.v2.receipt"), 0, .. data]);
        Assert.That(DomainHash.Compute("attesto.v2.receipt", data), Is.EqualTo(expected));
    }

    [Test]
    public void Large_inputs_use_the_pooled_buffer_with_the_same_result()
    {
        byte[] data = new byte[5000];
        new Random(4).NextBytes(data);
        byte[] expected = Hashes.Sha256([.. Encoding.ASCII.GetBytes("attesto.v2.event"), 0, .. data]);
        Assert.That(DomainHash.Compute("attesto.v2.event", data), Is.EqualTo(expected));
    }

    [Test]
    public void Receipt_digest_matches_the_vector()
    {
        JObject valid = Vectors.Cases("receipt.proposed.json").First(c => (string)c["name"]! == "valid");
        byte[] digest = ReceiptSigning.SigningInput(valid["receipt"]!["payload"]!);
        Assert.That(Hex.Encode(digest), Is.EqualTo((string)valid["expected_digest_hex"]!));
    }

    [Test]
    public void Signing_with_the_rfc8032_test_key_reproduces_the_vector_signature()
    {
        JObject file = Vectors.Read("receipt.proposed.json");
        var key = Ed25519PrivateKey.FromBytes(Hex.Decode((string)file["private_key_hex_TEST_ONLY"]!));
        foreach (JObject c in ((JArray)file["cases"]!).Cast<JObject>().Where(c => (string)c["name"]! is "valid" or "mock_receipt_valid_under_its_own_key"))
        {
            JObject receipt = (JObject)c["receipt"]!;
            bool mock = receipt["mock"] is not null;
            JObject signed = ReceiptSigning.Sign((JObject)receipt["payload"]!.DeepClone(), key, (string)receipt["kid"]!, mock);
            Assert.That(JToken.DeepEquals(signed, receipt), Is.True, (string?)c["name"]);
        }
    }

    [Test]
    public void Event_and_head_hashes_use_their_own_tags()
    {
        var input = new EventHashInput("ten_1", "str_1", 1, "src-1", "decision", "2026-06-07T12:00:00.000000+00:00", new string('a', 64), AttestoHashes.GenesisPreviousEventHash);
        byte[] canonical = AttestoCanonicalJson.Serialize(new JObject
        {
            ["tenant_id"] = "ten_1", ["stream_id"] = "str_1", ["seq_no"] = 1, ["source_ref"] = "src-1", ["event_type"] = "decision",
            ["occurred_at"] = "2026-06-07T12:00:00.000000+00:00", ["payload_hash"] = new string('a', 64), ["previous_event_hash"] = new string('0', 64),
        });
        byte[] eventHash = AttestoHashes.EventHash(input);
        Assert.That(eventHash, Is.EqualTo(Hashes.Sha256([.. Encoding.ASCII.GetBytes("attesto.v2.event"), 0, .. canonical])));
        Assert.That(AttestoHashes.StreamHeadHash(eventHash), Is.EqualTo(Hashes.Sha256([.. Encoding.ASCII.GetBytes("attesto.v2.head"), 0, .. eventHash])));
    }
}
