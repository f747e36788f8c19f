using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Hashing;

public class MerkleTreeTests
{
    private static JObject Window => (JObject)Vectors.Read("merkle.proposed.json")["window"]!;

    private static List<byte[]> Leaves(JToken array) => array.Select(t => Hex.Decode((string)t!)).ToList();

    [Test]
    public void Window_root_of_the_vector_leaves_matches()
    {
        byte[] root = MerkleTree.ComputeRoot(Leaves(Window["leaves"]!), MerkleDomain.Window);
        Assert.That(Hex.Encode(root), Is.EqualTo((string)Window["root"]!));
    }

    [Test]
    public void Built_proofs_equal_the_vector_proofs()
    {
        List<byte[]> leaves = Leaves(Window["leaves"]!);
        foreach (JObject c in Window["inclusion_cases"]!.Cast<JObject>().Where(c => (bool)c["expected"]!))
        {
            int index = (int)c["leaf_index"]!;
            var built = new JArray(MerkleTree.BuildProof(leaves, index, MerkleDomain.Window).Select(s => s.ToJson()));
            Assert.That(JToken.DeepEquals(built, c["proof"]), Is.True, $"leaf {index}: {built}");
        }
    }

    [Test]
    public void Checkpoint_root_of_the_vector_windows_matches()
    {
        JObject first = (JObject)Vectors.Read("merkle.proposed.json")["checkpoint_root_cases"]![0]!;
        byte[] root = MerkleTree.ComputeRoot(Leaves(first["window_hashes"]!), MerkleDomain.Checkpoint);
        Assert.That(Hex.Encode(root), Is.EqualTo((string)first["checkpoint_root"]!));
    }

    [Test]
    public void Trees_of_1_to_33_leaves_prove_every_leaf_and_reject_every_tampering()
    {
        for (int count = 1; count <= 33; count++)
        {
            List<byte[]> leaves = Enumerable.Range(0, count).Select(i => Hashes.Sha256(BitConverter.GetBytes(i * 7919 + count))).ToList();
            string root = Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window));
            for (int index = 0; index < count; index++)
            {
                string leaf = Hex.Encode(leaves[index]);
                List<MerkleProofStep> proof = MerkleTree.BuildProof(leaves, index, MerkleDomain.Window).ToList();
                Assert.That(MerkleTree.VerifyInclusion(leaf, proof, root, MerkleDomain.Window), Is.True, $"n={count} i={index}");
                Assert.That(MerkleTree.VerifyInclusion(leaf, proof, root, MerkleDomain.Checkpoint), count == 1 ? Is.True : Is.False, "domain separation");

                for (int s = 0; s < proof.Count; s++)
                {
                    byte[] sibling = Hex.Decode(proof[s].Hash);
                    sibling[s % 32] ^= 0x01;
                    var flipped = proof.ToList();
                    flipped[s] = proof[s] with { Hash = Hex.Encode(sibling) };
                    Assert.That(MerkleTree.VerifyInclusion(leaf, flipped, root, MerkleDomain.Window), Is.False, $"flipped bit n={count} i={index} s={s}");

                    var moved = proof.ToList();
                    moved[s] = proof[s] with { Position = proof[s].Position == MerkleSide.Left ? MerkleSide.Right : MerkleSide.Left };
                    Assert.That(MerkleTree.VerifyInclusion(leaf, moved, root, MerkleDomain.Window), Is.False, $"wrong position n={count} i={index} s={s}");
                }

                if (proof.Count > 0)
                {
                    Assert.That(MerkleTree.VerifyInclusion(leaf, proof.Take(proof.Count - 1).ToList(), root, MerkleDomain.Window), Is.False, $"truncated n={count} i={index}");
                }

                var extended = proof.Append(new MerkleProofStep(leaf, MerkleSide.Right)).ToList();
                Assert.That(MerkleTree.VerifyInclusion(leaf, extended, root, MerkleDomain.Window), Is.False, $"extended n={count} i={index}");

                byte[] otherLeaf = (byte[])leaves[index].Clone();
                otherLeaf[31] ^= 0x80;
                Assert.That(MerkleTree.VerifyInclusion(Hex.Encode(otherLeaf), proof, root, MerkleDomain.Window), Is.False, $"other leaf n={count} i={index}");
            }
        }
    }

    [Test]
    public void Odd_node_is_promoted_not_duplicated()
    {
        List<byte[]> leaves = Enumerable.Range(0, 3).Select(i => Hashes.Sha256([(byte)i])).ToList();
        byte[] left = new byte[32];
        AttestoHashes.WindowNode(leaves[0], leaves[1], left);
        byte[] expected = new byte[32];
        AttestoHashes.WindowNode(left, leaves[2], expected);
        Assert.That(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window), Is.EqualTo(expected));
    }

    [Test]
    public void Empty_tree_and_bad_leaves_are_rejected_when_building()
    {
        Assert.Throws<AttestoValidationException>(() => MerkleTree.ComputeRoot([], MerkleDomain.Window));
        Assert.Throws<AttestoValidationException>(() => MerkleTree.ComputeRoot([new byte[31]], MerkleDomain.Window));
        Assert.Throws<AttestoValidationException>(() => MerkleTree.BuildProof([new byte[32]], 1, MerkleDomain.Window));
    }
}
