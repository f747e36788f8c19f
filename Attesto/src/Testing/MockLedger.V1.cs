using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Testing;

/// <content>
/// The v1 API: events acknowledged with ids, grouped into anchoring batches of
/// <see cref="MockAttestoOptions.WindowSize"/>; a proof is the canonical JSON of the stored event,
/// a window-domain Merkle path from SHA-256 of those bytes to the batch root, and the batch id.
/// </content>
internal sealed partial class MockLedger
{
    private readonly List<(string Id, string CanonicalJson, byte[] Leaf, string BatchId)> _v1Events = [];

    internal JObject LogV1(JObject body)
    {
        if (body["type"] is not JValue { Type: JTokenType.String })
        {
            throw new MockError(422, "type is required");
        }

        if (body["payload"] is { } payload)
        {
            try
            {
                AttestoCanonicalJson.CheckNumberPolicy(payload);
            }
            catch (AttestoUnsafeNumberException ex)
            {
                throw new MockError(422, $"payload: number policy violation at {ex.Path}");
            }
        }

        lock (_gate)
        {
            string id = NewId("evt");
            string ts = (string?)body["ts"] ?? Now();
            var stored = (JObject)body.DeepClone();
            stored["id"] = id;
            stored["system_id"] = "sys_mock";
            stored["ts"] = ts;
            stored["mock"] = true;
            string canonical = AttestoCanonicalJson.SerializeToString(stored);
            string batchId = "bat_mock_" + (_v1Events.Count / _options.WindowSize + 1).ToString(CultureInfo.InvariantCulture);
            _v1Events.Add((id, canonical, Hashes.Sha256(Encoding.ASCII.GetBytes(canonical)), batchId));
            return new JObject { ["id"] = id, ["system_id"] = "sys_mock", ["ts"] = ts, ["mock"] = true };
        }
    }

    internal JObject ProofV1(string id)
    {
        lock (_gate)
        {
            int index = _v1Events.FindIndex(e => e.Id == id);
            if (index < 0)
            {
                throw new MockError(404, $"no event {id}");
            }

            var (_, canonical, _, batchId) = _v1Events[index];
            List<byte[]> leaves = BatchLeaves(batchId);
            int leafIndex = index - _v1Events.FindIndex(e => e.BatchId == batchId);
            return new JObject
            {
                ["canonicalJson"] = canonical,
                ["proof"] = new JArray(MerkleTree.BuildProof(leaves, leafIndex, MerkleDomain.Window).Select(s => s.ToJson())),
                ["batchId"] = batchId,
                ["root"] = Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window)),
                ["mock"] = true,
            };
        }
    }

    internal JObject VerifyV1(JObject body)
    {
        string? canonical = (string?)body["canonicalJson"];
        string? batchId = (string?)body["batchId"];
        List<MerkleProofStep>? proof = null;
        try
        {
            proof = body["proof"]?.ToObject<List<MerkleProofStep>>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Reported as not ok below.
        }

        lock (_gate)
        {
            List<byte[]> leaves = batchId is null ? [] : BatchLeaves(batchId);
            bool ok = canonical is not null && proof is not null && leaves.Count > 0
                && MerkleTree.VerifyInclusion(Hashes.Sha256Hex(Encoding.UTF8.GetBytes(canonical)), proof, Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window)), MerkleDomain.Window);
            return new JObject { ["ok"] = ok, ["batchId"] = batchId, ["mock"] = true };
        }
    }

    private List<byte[]> BatchLeaves(string batchId) => _v1Events.Where(e => e.BatchId == batchId).Select(e => e.Leaf).ToList();
}
