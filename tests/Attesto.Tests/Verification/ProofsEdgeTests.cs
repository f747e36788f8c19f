using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Attesto.Tests.Verification;

/// <summary>Proof parsing, checkpoint extension and the bulk inclusion entry points.</summary>
public class ProofsEdgeTests
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    private static List<byte[]> Leaves(int count) => Enumerable.Range(0, count).Select(i => Hashes.Sha256([(byte)i, 7])).ToList();

    private static InclusionCheck Check(List<byte[]> leaves, int index, bool tamper = false)
    {
        string root = Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window));
        byte[] leaf = (byte[])leaves[index].Clone();
        if (tamper)
        {
            leaf[0] ^= 1;
        }

        return new InclusionCheck(Hex.Encode(leaf), MerkleTree.BuildProof(leaves, index, MerkleDomain.Window), root);
    }

    [Test]
    public void Proof_parsing_refuses_anything_but_an_array_of_sided_steps()
    {
        Assert.That(Proofs.TryParseProof(new JObject(), out var steps), Is.False);
        Assert.That(steps, Is.Null);
        Assert.That(Proofs.TryParseProof(new JArray(1), out steps), Is.False);
        Assert.That(steps, Is.Null);
        Assert.That(Proofs.TryParseProof(new JArray(new JObject { ["hash"] = HashA, ["position"] = "up" }), out steps), Is.False);
        Assert.That(steps, Is.Null);
        Assert.That(Proofs.TryParseProof(new JArray(new JObject { ["hash"] = HashA }), out steps), Is.False);
    }

    [Test]
    public void Proof_parsing_reads_the_hash_field()
    {
        Assert.That(Proofs.TryParseProof(new JArray(new JObject { ["hash"] = HashA, ["position"] = "left" }, new JObject { ["hash"] = HashB, ["is_left"] = false }), out var steps), Is.True);
        Assert.That(steps, Is.EqualTo(new[] { new MerkleProofStep(HashA, MerkleSide.Left), new MerkleProofStep(HashB, MerkleSide.Right) }));
    }

    private static CheckpointRange Range(long from, long to, string hash, string? previous) => new("cp", from, to, hash, previous);

    [Test]
    public void A_missing_checkpoint_is_reported()
    {
        Assert.That(Proofs.VerifyCheckpointExtension(null!, Range(1, 2, HashA, null)).Problems, Is.EqualTo(new[] { "checkpoint missing" }));
        Assert.That(Proofs.VerifyCheckpointExtension(Range(1, 2, HashA, null), null!).Problems, Is.EqualTo(new[] { "checkpoint missing" }));
    }

    [Test]
    public void An_inverted_range_on_either_side_is_reported_and_a_single_event_range_is_not()
    {
        const string Inverted = "checkpoint range is inverted (from_seq_no > to_seq_no)";
        Assert.That(Proofs.VerifyCheckpointExtension(Range(1, 5, HashA, null), Range(6, 6, HashB, HashA)).Problems, Is.Empty);
        Assert.That(Proofs.VerifyCheckpointExtension(Range(5, 5, HashA, null), Range(6, 7, HashB, HashA)).Problems, Is.Empty);
        Assert.That(Proofs.VerifyCheckpointExtension(Range(1, 5, HashA, null), Range(6, 4, HashB, HashA)).Problems, Is.EqualTo(new[] { Inverted }));
        Assert.That(Proofs.VerifyCheckpointExtension(Range(7, 5, HashA, null), Range(6, 9, HashB, HashA)).Problems, Is.EqualTo(new[] { Inverted }));
    }

    [Test]
    public void A_gap_names_the_expected_next_seq_no_and_a_different_hash_is_reported()
    {
        Assert.That(Proofs.VerifyCheckpointExtension(Range(1, 5, HashA, null), Range(8, 9, HashB, HashB)).Problems, Is.EqualTo(new[]
        {
            "checkpoint range is not contiguous: current.from_seq_no 8 != previous.to_seq_no + 1 (6)",
            "previous_checkpoint_hash does not match the previous checkpoint_hash",
        }));
    }

    [Test]
    public void Malformed_checkpoint_json_names_which_side()
    {
        var good = new JObject { ["from_seq_no"] = 1, ["to_seq_no"] = 2, ["checkpoint_hash"] = HashA };
        Assert.That(Proofs.VerifyCheckpointExtension(new JObject(), good).Problems, Is.EqualTo(new[] { "previous checkpoint is malformed" }));
        Assert.That(Proofs.VerifyCheckpointExtension(good, new JObject()).Problems, Is.EqualTo(new[] { "current checkpoint is malformed" }));
    }

    [Test]
    public void Same_hash_needs_two_equal_well_formed_hashes()
    {
        Assert.That(Proofs.SameHash(HashA, HashA.ToUpperInvariant()), Is.True);
        Assert.That(Proofs.SameHash(HashA, HashB), Is.False);
        Assert.That(Proofs.SameHash(HashA, null), Is.False);
        Assert.That(Proofs.SameHash(null, HashA), Is.False);
        Assert.That(Proofs.SameHash(HashA, "zz"), Is.False);
    }

    [Test]
    public async Task Bulk_inclusion_keeps_order_and_reports_a_null_check_as_that_item_error()
    {
        List<byte[]> leaves = Leaves(5);
        InclusionCheck?[] checks = [Check(leaves, 0), null, Check(leaves, 4, tamper: true), Check(leaves, 3)];

        var results = new List<BulkResult<bool>>();
        await foreach (BulkResult<bool> result in Proofs.VerifyInclusionManyAsync(checks, new BulkOptions { MaxDegreeOfParallelism = 2 }))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
        Assert.That(results[0].Value, Is.True);
        Assert.That(results[1].Succeeded, Is.False);
        Assert.That(results[1].Error, Is.TypeOf<AttestoValidationException>());
        Assert.That(results[1].Error!.Message, Is.EqualTo("The inclusion check is null."));
        Assert.That(results[2].Succeeded, Is.True);
        Assert.That(results[2].Value, Is.False);
        Assert.That(results[3].Value, Is.True);
    }

    [Test]
    public async Task Streamed_inclusion_checks_give_the_same_answers()
    {
        List<byte[]> leaves = Leaves(3);
        var results = new List<BulkResult<bool>>();
        await foreach (BulkResult<bool> result in Proofs.VerifyInclusionStreamAsync(AsyncSequence.Yielding<InclusionCheck?>([Check(leaves, 2), Check(leaves, 1, tamper: true), null])))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Succeeded ? (object)r.Value : r.Error!.Message), Is.EqualTo(new object[] { true, false, "The inclusion check is null." }));
    }

    [Test]
    public void Bulk_inclusion_without_checks_is_a_typed_error()
    {
        var many = Assert.Throws<AttestoValidationException>(() => Proofs.VerifyInclusionManyAsync(null!));
        Assert.That(many!.ParamName, Is.EqualTo("checks"));
        var stream = Assert.Throws<AttestoValidationException>(() => Proofs.VerifyInclusionStreamAsync(null!));
        Assert.That(stream!.ParamName, Is.EqualTo("checks"));
    }
}
