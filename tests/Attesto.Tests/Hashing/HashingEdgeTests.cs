using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Hashing;

/// <summary>The guards, messages and field names of the hashing primitives that the vector tests do not reach.</summary>
public class HashingEdgeTests
{
    private static readonly string RootA = new('a', 64);
    private static readonly string RootB = new('b', 64);

    [Test]
    public void Checkpoint_hash_commits_to_every_named_field_in_lowercase()
    {
        byte[] canonical = AttestoCanonicalJson.Serialize(new JObject
        {
            ["stream_id"] = "str_1",
            ["from_seq_no"] = 3,
            ["to_seq_no"] = 9,
            ["checkpoint_root"] = RootA,
            ["previous_checkpoint_hash"] = RootB,
        });
        string expected = Hex.Encode(Hashes.Sha256([.. Encoding.ASCII.GetBytes("attesto.v2.checkpoint-hash"), 0, .. canonical]));

        Assert.That(AttestoHashes.CheckpointHash("str_1", 3, 9, RootA.ToUpperInvariant(), RootB.ToUpperInvariant()), Is.EqualTo(expected));
    }

    [Test]
    public void Anchor_root_names_the_malformed_checkpoint_hash()
    {
        var error = Assert.Throws<AttestoValidationException>(() => AttestoHashes.AnchorRoot([RootA, "zz"]));
        Assert.That(error!.Message, Does.Contain("'zz' is not a 32-byte hex checkpoint hash."));
        Assert.That(error.ParamName, Is.EqualTo("checkpointHashes"));
    }

    [Test]
    public void Event_hash_of_null_is_a_typed_error()
    {
        var error = Assert.Throws<AttestoValidationException>(() => AttestoHashes.EventHash(null!));
        Assert.That(error!.ParamName, Is.EqualTo("input"));
    }

    [Test]
    public void Domain_tag_of_exactly_128_characters_is_accepted_and_129_is_refused()
    {
        string tag = new('t', 128);
        byte[] data = [1, 2, 3];
        Assert.That(DomainHash.Compute(tag, data), Is.EqualTo(Hashes.Sha256([.. Encoding.ASCII.GetBytes(tag), 0, .. data])));

        var error = Assert.Throws<AttestoValidationException>(() => DomainHash.Compute(tag + "t", data));
        Assert.That(error!.Message, Does.Contain("Domain tag is longer than 128 characters."));
        Assert.That(error.ParamName, Is.EqualTo("tag"));
    }

    [Test]
    public void Hex_span_of_the_wrong_length_is_refused()
    {
        Assert.That(HexSpan.TryDecode("abcd".AsSpan(), new byte[1]), Is.False);
        Assert.That(HexSpan.TryDecode("ab".AsSpan(), new byte[2]), Is.False);
        byte[] one = new byte[1];
        Assert.That(HexSpan.TryDecode("Ab".AsSpan(), one), Is.True);
        Assert.That(one[0], Is.EqualTo(0xab));
    }

    private static List<byte[]> Leaves(int count) => Enumerable.Range(0, count).Select(i => Hashes.Sha256([(byte)i])).ToList();

    [Test]
    public void Proof_index_outside_the_tree_names_the_valid_range()
    {
        var error = Assert.Throws<AttestoValidationException>(() => MerkleTree.BuildProof(Leaves(3), 3, MerkleDomain.Window));
        Assert.That(error!.Message, Is.EqualTo("leafIndex must be between 0 and 2; got 3."));
    }

    [Test]
    public void Missing_proof_or_root_is_false_not_an_exception()
    {
        string leaf = Hex.Encode(Leaves(1)[0]);
        Assert.That(MerkleTree.VerifyInclusion(leaf, null, leaf, MerkleDomain.Window), Is.False);
        Assert.That(MerkleTree.VerifyInclusion(leaf, [], null, MerkleDomain.Window), Is.False);
        Assert.That(MerkleTree.VerifyInclusion(null, [], leaf, MerkleDomain.Window), Is.False);
        Assert.That(MerkleTree.VerifyInclusion(leaf, [], leaf, MerkleDomain.Window), Is.True);
    }

    [Test]
    public void Bad_leaf_lists_are_typed_errors_with_their_messages()
    {
        Assert.Throws<AttestoValidationException>(() => MerkleTree.ComputeRoot(null!, MerkleDomain.Window));

        var empty = Assert.Throws<AttestoValidationException>(() => MerkleTree.ComputeRoot([], MerkleDomain.Window));
        Assert.That(empty!.Message, Is.EqualTo("A Merkle tree needs at least one leaf."));

        var shortLeaf = Assert.Throws<AttestoValidationException>(() => MerkleTree.ComputeRoot([Leaves(1)[0], new byte[31]], MerkleDomain.Window));
        Assert.That(shortLeaf!.Message, Is.EqualTo("Leaf 1 must be a 32-byte digest."));
    }

    [Test]
    public void Signing_without_payload_or_key_is_a_typed_error()
    {
        var key = Ed25519PrivateKey.FromBytes(Hex.Decode((string)Vectors.Read("receipt.proposed.json")["private_key_hex_TEST_ONLY"]!));
        var noPayload = Assert.Throws<AttestoValidationException>(() => ReceiptSigning.Sign(null!, key, "k", mock: false));
        Assert.That(noPayload!.ParamName, Is.EqualTo("payload"));
        var noKey = Assert.Throws<AttestoValidationException>(() => ReceiptSigning.Sign(new JObject { ["a"] = 1 }, null!, "k", mock: false));
        Assert.That(noKey!.ParamName, Is.EqualTo("key"));
    }
}
