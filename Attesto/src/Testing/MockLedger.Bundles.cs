using Attesto.Http;
using Newtonsoft.Json.Linq;

namespace Attesto.Testing;

/// <content>Verifier bundles.</content>
internal sealed partial class MockLedger
{
    /// <summary>The artifact names of a bundle manifest, in manifest order.</summary>
    

    internal JObject Bundle(string fromCheckpointId, string toCheckpointId)
    {
        lock (_gate)
        {
            var (stream, from) = CheckpointById(fromCheckpointId);
            var (toStream, to) = CheckpointById(toCheckpointId);
            int fromIndex = stream.Checkpoints.IndexOf(from), toIndex = toStream.Checkpoints.IndexOf(to);
            if (toStream != stream || fromIndex > toIndex)
            {
                throw new MockError(422, $"{fromCheckpointId}..{toCheckpointId} is not a checkpoint range of one stream");
            }

            List<MockCheckpoint> checkpoints = stream.Checkpoints.GetRange(fromIndex, toIndex - fromIndex + 1);
            var anchorIds = checkpoints.Select(c => c.AnchorEpochId).ToHashSet(StringComparer.Ordinal);
            var artifacts = new JObject
            {
                ["receipts.json"] = new JArray(stream.Events.Where(e => e.SeqNo >= from.FromSeqNo && e.SeqNo <= to.ToSeqNo).Select(e => e.Receipt.DeepClone())),
                ["windows.json"] = new JArray(checkpoints.SelectMany(c => c.Windows).Select(WindowJson)),
                ["checkpoints.json"] = new JArray(checkpoints.Select(CheckpointJson)),
                ["witnesses.json"] = WitnessesJson(stream.PolicyId),
                ["anchors.json"] = new JArray(_anchors.Where(a => anchorIds.Contains((string)a["anchor_epoch_id"]!)).Select(a => a.DeepClone())),
            };
            var hashes = new JObject();
            foreach (string name in VerifierBundle.ArtifactNames)
            {
                hashes[name] = AttestoHashes.ArtifactHash(artifacts[name]!);
            }

            var manifest = new JObject
            {
                ["bundle_id"] = NewId("bnd"),
                ["protocol"] = AttestoProtocol.Name,
                ["created_at"] = Now(),
                ["stream_id"] = stream.Id,
                ["from_seq_no"] = from.FromSeqNo,
                ["to_seq_no"] = to.ToSeqNo,
                ["artifact_hashes"] = hashes,
                ["mock"] = true,
            };
            return new JObject
            {
                ["bundle_hash"] = AttestoHashes.ManifestDigest(manifest),
                ["bundle"] = new JObject { ["manifest"] = manifest, ["artifacts"] = artifacts, ["mock"] = true },
                ["mock"] = true,
            };
        }
    }
}
