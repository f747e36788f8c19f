using Attesto.Testing;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>A verifier bundle from a mock ledger, with helpers to tamper with it and reseal its manifest.</summary>
internal sealed class BundleFixture
{
    private readonly JObject _result;

    private BundleFixture(MockLedger ledger, JObject result, IReadOnlyList<string> checkpointIds)
    {
        Ledger = ledger;
        _result = result;
        CheckpointIds = checkpointIds;
    }

    internal MockLedger Ledger { get; }

    /// <summary>The ids of every checkpoint the ledger made (also those outside the bundle).</summary>
    internal IReadOnlyList<string> CheckpointIds { get; }

    internal JObject Bundle => (JObject)_result["bundle"]!;

    internal JObject Manifest => (JObject)Bundle["manifest"]!;

    internal VerifierBundleKeys Keys => new(Ledger.ReceiptPublicKeyHex, Ledger.WitnessPublicKeys) { AllowMock = true };

    /// <summary>Builds a stream of <paramref name="checkpoints"/> checkpoints of <paramref name="eventsPerCheckpoint"/> events and bundles checkpoints <paramref name="first"/>..last.</summary>
    internal static BundleFixture Create(int checkpoints = 3, int eventsPerCheckpoint = 7, int windowSize = 5, int first = 0)
    {
        var ledger = new MockLedger(new MockAttestoOptions { WindowSize = windowSize });
        string streamId = (string)ledger.CreateStream("u", "p")["stream_id"]!;
        var ids = new List<string>();
        for (int c = 0; c < checkpoints; c++)
        {
            ledger.AppendBatch(streamId, new JArray(Enumerable.Range(1, eventsPerCheckpoint).Select(i => new JObject
            {
                ["source_ref"] = $"c{c}-{i}", ["event_type"] = "t", ["occurred_at"] = "2026-06-07T12:00:00+00:00", ["payload"] = new JObject { ["i"] = i },
            })));
            ids.Add((string)ledger.Checkpoint(streamId)["checkpoint_id"]!);
        }

        return new BundleFixture(ledger, ledger.Bundle(ids[first], ids[^1]), ids);
    }

    internal JArray Artifact(string name) => (JArray)Bundle["artifacts"]![name]!;

    internal JObject Checkpoint(int index) => (JObject)Artifact("checkpoints.json")[index]!;

    internal JObject Anchor(int index) => (JObject)Artifact("anchors.json")[index]!;

    internal IReadOnlyList<string> Problems(VerifierBundleKeys? keys = null) => VerifierBundle.Verify(Bundle, keys ?? Keys).Problems;

    /// <summary>Recomputes the manifest's artifact hashes, so a test reaches the deeper check it targets.</summary>
    internal void Reseal()
    {
        foreach (JProperty artifact in ((JObject)Bundle["artifacts"]!).Properties())
        {
            if (Manifest["artifact_hashes"]?[artifact.Name] is not null)
            {
                Manifest["artifact_hashes"]![artifact.Name] = AttestoHashes.ArtifactHash(artifact.Value);
            }
        }
    }
}
