using Shared.Telemetry;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Offline Merkle and checkpoint verification (spec §10): window inclusion proofs, checkpoint
/// roots over window hashes (odd node promoted), and checkpoint extension. Malformed hex or
/// proofs give false or a failed report, never an exception. Pure and thread-safe.
/// </summary>
public static partial class Proofs
{
    /// <summary>Verifies that an event (leaf) is included in a window root.</summary>
    /// <param name="leafHash">The leaf: the event's <c>event_hash</c> (hex).</param>
    /// <param name="proof">The sibling steps from the leaf upward.</param>
    /// <param name="rootHash">The window root (hex).</param>
    /// <returns>Whether folding the proof from the leaf gives the root.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static bool VerifyInclusion(string leafHash, IReadOnlyList<MerkleProofStep> proof, string rootHash) =>
        ObservedInclusion(leafHash, proof, rootHash);

    /// <summary>
    /// Verifies an inclusion proof given as JSON: a list of <c>{"hash", "position": "left"|"right"}</c>
    /// (also accepted: <c>sibling</c>/<c>sibling_hash</c> for the hash, <c>side</c> for the position,
    /// or <c>is_left: true</c> when the sibling is the left child).
    /// </summary>
    /// <param name="leafHash">The leaf (hex).</param>
    /// <param name="proof">The proof as JSON.</param>
    /// <param name="rootHash">The window root (hex).</param>
    /// <returns>Whether the proof is well-formed and leads to the root.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static bool VerifyInclusion(string leafHash, JToken proof, string rootHash) =>
        ObservedInclusion(leafHash, TryParseProof(proof, out IReadOnlyList<MerkleProofStep>? steps) ? steps : null, rootHash);

    /// <summary>Folds the proof (null: malformed) inside an <c>Attesto.VerifyInclusion</c> span (free when nothing listens).</summary>
    private static bool ObservedInclusion(string leafHash, IReadOnlyList<MerkleProofStep>? proof, string rootHash)
    {
        using VerificationScope? span = AttestoTelemetry.Instance.StartVerification("Attesto.VerifyInclusion", "inclusion");
        try
        {
            SelfTest.EnsurePassed();
            bool ok = proof is not null && MerkleTree.VerifyInclusion(leafHash, proof, rootHash, MerkleDomain.Window);
            span?.Complete(ok, proof is null ? "malformed_proof" : "root_mismatch");
            return ok;
        }
        catch (Exception ex) when (VerificationScope.Fail(span, ex))
        {
            throw;
        }
    }

    /// <summary>Reads a proof given as JSON (see <see cref="VerifyInclusion(string, JToken, string)"/> for the accepted shapes).</summary>
    /// <param name="proof">The JSON list.</param>
    /// <param name="steps">The steps, or null when the JSON is not a proof.</param>
    /// <returns>Whether the JSON is a well-formed proof.</returns>
    public static bool TryParseProof(JToken? proof, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<MerkleProofStep>? steps)
    {
        steps = null;
        if (proof is not JArray array)
        {
            return false;
        }

        var list = new List<MerkleProofStep>(array.Count);
        foreach (JToken item in array)
        {
            if (item is not JObject step || JsonFields.Text(step, "hash", "sibling", "sibling_hash") is not { } hash)
            {
                return false;
            }

            MerkleSide? side = (JsonFields.Text(step, "position", "side")?.ToLowerInvariant()) switch
            {
                "left" => MerkleSide.Left,
                "right" => MerkleSide.Right,
                null => JsonFields.Boolean(step, "is_left") switch
                {
                    true => MerkleSide.Left,
                    false => MerkleSide.Right,
                    null => null,
                },
                _ => null,
            };
            if (side is null)
            {
                return false;
            }

            list.Add(new MerkleProofStep(hash, side.Value));
        }

        steps = list;
        return true;
    }

    /// <summary>Verifies that window hashes, in order, fold to a checkpoint root (odd node promoted unchanged).</summary>
    /// <param name="windowHashes">The window roots in order (hex); an empty list gives false.</param>
    /// <param name="checkpointRoot">The checkpoint root (hex).</param>
    /// <returns>Whether the tree over the windows has this root.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static bool VerifyCheckpointRoot(IReadOnlyList<string> windowHashes, string checkpointRoot)
    {
        SelfTest.EnsurePassed();
        if (windowHashes is null || windowHashes.Count == 0)
        {
            return false;
        }

        byte[]? root = HexSpan.TryDecode(checkpointRoot, Hashes.DigestSize);
        var leaves = new List<byte[]>(windowHashes.Count);
        foreach (string hash in windowHashes)
        {
            byte[]? leaf = HexSpan.TryDecode(hash, Hashes.DigestSize);
            if (leaf is null)
            {
                return false;
            }

            leaves.Add(leaf);
        }

        return root is not null && MerkleTree.ComputeRoot(leaves, MerkleDomain.Checkpoint).AsSpan().SequenceEqual(root);
    }

    /// <summary>
    /// Checks that <paramref name="current"/> continues <paramref name="previous"/>:
    /// <c>current.from_seq_no == previous.to_seq_no + 1</c> and
    /// <c>current.previous_checkpoint_hash == previous.checkpoint_hash</c>.
    /// </summary>
    /// <param name="previous">The earlier checkpoint.</param>
    /// <param name="current">The later checkpoint.</param>
    /// <returns>The report.</returns>
    public static VerificationReport VerifyCheckpointExtension(CheckpointRange previous, CheckpointRange current)
    {
        var problems = new List<string>();
        if (previous is null || current is null)
        {
            problems.Add("checkpoint missing");
            return new VerificationReport(problems);
        }

        if (current.FromSeqNo > current.ToSeqNo || previous.FromSeqNo > previous.ToSeqNo)
        {
            problems.Add("checkpoint range is inverted (from_seq_no > to_seq_no)");
        }

        if (current.FromSeqNo != previous.ToSeqNo + 1)
        {
            problems.Add($"checkpoint range is not contiguous: current.from_seq_no {current.FromSeqNo} != previous.to_seq_no + 1 ({previous.ToSeqNo + 1})");
        }

        if (!SameHash(current.PreviousCheckpointHash, previous.CheckpointHash))
        {
            problems.Add("previous_checkpoint_hash does not match the previous checkpoint_hash");
        }

        return new VerificationReport(problems);
    }

    /// <summary>
    /// Checks checkpoint extension on JSON objects (<c>from_seq_no</c>, <c>to_seq_no</c>,
    /// <c>checkpoint_hash</c>, <c>previous_checkpoint_hash</c>); a malformed object fails the report.
    /// </summary>
    /// <param name="previous">The earlier checkpoint object.</param>
    /// <param name="current">The later checkpoint object.</param>
    /// <returns>The report.</returns>
    public static VerificationReport VerifyCheckpointExtension(JToken previous, JToken current)
    {
        if (!CheckpointRange.TryFromJson(previous, out CheckpointRange? p))
        {
            return new VerificationReport(["previous checkpoint is malformed"]);
        }

        if (!CheckpointRange.TryFromJson(current, out CheckpointRange? c))
        {
            return new VerificationReport(["current checkpoint is malformed"]);
        }

        return VerifyCheckpointExtension(p, c);
    }

    /// <summary>Whether two hex digests are equal (case-insensitive); malformed or missing gives false.</summary>
    internal static bool SameHash(string? left, string? right)
    {
        Span<byte> a = stackalloc byte[Hashes.DigestSize];
        Span<byte> b = stackalloc byte[Hashes.DigestSize];
        return left is not null && right is not null && HexSpan.TryDecode(left, a) && HexSpan.TryDecode(right, b) && a.SequenceEqual(b);
    }
}
