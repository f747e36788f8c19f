using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The Proofstream hash and signing inputs the spec leaves entirely open (checkpoint hash, witness
/// signatures, bundle artifact and manifest digests, anchor root), all PROPOSED, one function each,
/// shared by <c>MockAttesto</c> and <see cref="VerifierBundle"/> so a correction touches one place.
/// </summary>
internal static partial class AttestoHashes
{
    /// <summary>
    /// <c>checkpoint_hash = hex(DH("attesto.v2.checkpoint-hash", canonical({stream_id, from_seq_no,
    /// to_seq_no, checkpoint_root, previous_checkpoint_hash})))</c> (PROPOSED).
    /// </summary>
    internal static string CheckpointHash(string streamId, long fromSeqNo, long toSeqNo, string checkpointRoot, string previousCheckpointHash)
    {
        var body = new JObject
        {
            ["stream_id"] = streamId,
            ["from_seq_no"] = fromSeqNo,
            ["to_seq_no"] = toSeqNo,
            ["checkpoint_root"] = checkpointRoot.ToLowerInvariant(),
            ["previous_checkpoint_hash"] = previousCheckpointHash.ToLowerInvariant(),
        };
        return Hex.Encode(DomainHash.Compute(DomainTags.CheckpointHash, AttestoCanonicalJson.Serialize(body)));
    }

    /// <summary>The bytes a witness signs: the 32 raw bytes of the checkpoint hash (PROPOSED); null for malformed hex.</summary>
    internal static byte[]? WitnessSigningInput(string? checkpointHash) => HexSpan.TryDecode(checkpointHash, Hashes.DigestSize);

    /// <summary>An artifact digest in a bundle manifest: SHA-256 of the artifact's canonical JSON, hex (PROPOSED).</summary>
    internal static string ArtifactHash(JToken artifact) => Hashes.Sha256Hex(AttestoCanonicalJson.Serialize(artifact));

    /// <summary>The bundle hash: SHA-256 of the manifest's canonical JSON, hex (PROPOSED).</summary>
    internal static string ManifestDigest(JObject manifest) => Hashes.Sha256Hex(AttestoCanonicalJson.Serialize(manifest));

    /// <summary>
    /// The root an anchor epoch commits on chain: the checkpoint-domain Merkle root over the
    /// checkpoint hashes it covers, in order (PROPOSED).
    /// </summary>
    internal static string AnchorRoot(IReadOnlyList<string> checkpointHashes)
    {
        var leaves = new List<byte[]>(checkpointHashes.Count);
        foreach (string hash in checkpointHashes)
        {
            leaves.Add(HexSpan.TryDecode(hash, Hashes.DigestSize) ?? throw new AttestoValidationException($"'{hash}' is not a 32-byte hex checkpoint hash.", nameof(checkpointHashes)));
        }

        return Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Checkpoint));
    }
}
