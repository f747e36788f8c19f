using Attesto.Testing;
using Attesto.Tests.Mock;
using Attesto.Tests.Witness;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.V2;

/// <summary>The whole Proofstream story against MockAttesto over real loopback HTTP.</summary>
public class EndToEndTests
{
    [Test]
    public async Task Thousand_events_three_checkpoints_bundle_and_anchor_all_verify()
    {
        using var dir = new TempDir();
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 64 });
        using var client = MockClients.Loopback(mock, new FileHeadStore(Path.Combine(dir.Path, "heads.json")));

        ProofStream stream = await client.CreateStreamAsync("credit-decisions", "pol_default");
        string streamId = stream.StreamId!;
        Assert.That(stream.Mock, Is.True);

        var receipts = new List<StreamEventReceipt>();
        var checkpointIds = new List<string>();
        int next = 1;
        foreach (int[] batches in new[] { new[] { 300 }, new[] { 200, 200 }, new[] { 250, 50 } })
        {
            foreach (int size in batches)
            {
                StreamEventBatchResult result = await client.LogEventsAsync(streamId, MockClients.Events(next, size));
                Assert.That(result.Accepted, Is.EqualTo(size));
                receipts.AddRange(result.Receipts!);
                next += size;
            }

            checkpointIds.Add(mock.CreateCheckpoint(streamId));
        }

        // Every receipt verifies offline with the mock's key (and only as mock evidence).
        Assert.That(receipts, Has.Count.EqualTo(1000));
        Assert.That(receipts.Select(r => r.SeqNo), Is.EqualTo(Enumerable.Range(1, 1000).Select(i => (long?)i)));
        foreach (StreamEventReceipt r in receipts)
        {
            Assert.That(Receipts.Verify(r.GetReceipt()!, mock.PublicKeyHex, allowMock: true).Ok, Is.True);
        }

        Assert.That(Receipts.Verify(receipts[0].GetReceipt()!, mock.PublicKeyHex).Problems, Does.Contain(Receipts.MockReceipt));

        // The head store witnessed the whole stream.
        Assert.That(await new FileHeadStore(Path.Combine(dir.Path, "heads.json")).GetAsync(streamId), Is.EqualTo(new StreamHead(1000, receipts[^1].EventHash!)));

        // Inclusion proof for every event against its window root.
        var windows = new Dictionary<string, Window>();
        await foreach (Window w in client.GetAllWindowsAsync(streamId))
        {
            windows.Add(w.WindowId!, w);
        }

        foreach (StreamEventReceipt r in receipts)
        {
            StreamEventReceipt fetched = await client.GetReceiptAsync(r.StreamEventId!);
            InclusionProof inclusion = fetched.Inclusion!;
            Assert.That(inclusion.LeafHash, Is.EqualTo(r.EventHash));
            Assert.That(inclusion.WindowRoot, Is.EqualTo(windows[inclusion.WindowId!].WindowRoot));
            Assert.That(Proofs.VerifyInclusion(r.EventHash!, inclusion.GetProof()!, inclusion.WindowRoot!), Is.True, $"seq {r.SeqNo}");
        }

        // Three checkpoints, each extending the previous, each rooted over its windows.
        var checkpoints = new List<Checkpoint>();
        await foreach (Checkpoint c in client.GetAllCheckpointsAsync(streamId))
        {
            checkpoints.Add(c);
        }

        Assert.That(checkpoints.Select(c => c.CheckpointId), Is.EqualTo(checkpointIds));
        Assert.That(checkpoints.Select(c => (c.FromSeqNo, c.ToSeqNo)), Is.EqualTo(new[] { ((long?)1, (long?)300), (301, 700), (701, 1000) }));
        for (int i = 0; i < checkpoints.Count; i++)
        {
            Assert.That(Proofs.VerifyCheckpointRoot(checkpoints[i].WindowIds!.Select(id => windows[id].WindowRoot!).ToList(), checkpoints[i].CheckpointRoot!), Is.True);
            if (i > 0)
            {
                var report = Proofs.VerifyCheckpointExtension(JObject.FromObject(checkpoints[i - 1]), JObject.FromObject(checkpoints[i]));
                Assert.That(report.Problems, Is.Empty);
            }
        }

        CheckpointConsistency consistency = await client.GetCheckpointConsistencyAsync(checkpointIds[2], checkpointIds[0]);
        Assert.That(consistency.StepCount, Is.EqualTo(2));

        // Completeness over the whole range from the tenant event listing.
        var events = new List<ChainEvent>();
        await foreach (ChainEvent e in client.ReadStreamEventsAsync(streamId))
        {
            events.Add(e);
        }

        Assert.That(Completeness.Verify(events, 1, 1000).Problems, Is.Empty);
        Assert.That(Completeness.Verify(events.Where(e => e.SeqNo != 500), 1, 1000).MissingSeqNos, Is.EqualTo(new[] { 500L }));

        // A verifier bundle over all three checkpoints verifies offline against keys we hold.
        VerifierBundleResult bundle = await client.BuildVerifierBundleAsync(checkpointIds[0], checkpointIds[2]);
        var keys = new VerifierBundleKeys(mock.PublicKeyHex, mock.WitnessPublicKeys) { AllowMock = true, ExpectedBundleHash = bundle.BundleHash };
        VerifierBundleReport bundleReport = VerifierBundle.Verify(bundle.GetBundle()!, keys);
        Assert.That(bundleReport.Problems, Is.Empty);
        Assert.That(bundleReport.Checked, Is.EqualTo(VerifierBundle.Checks));
        Assert.That(VerifierBundle.Verify(bundle.GetBundle()!, new VerifierBundleKeys(mock.PublicKeyHex, mock.WitnessPublicKeys)).Problems, Does.Contain("mock bundle"));

        // The anchor of the last checkpoint verifies on chain through the mock's JSON-RPC endpoint.
        AnchorEpoch anchor = await client.GetAnchorEpochAsync(checkpoints[2].AnchorEpochId!);
        AnchorVerificationReport onChain = await Attesto.Anchors.VerifyOnChainAsync(anchor, mock.RpcUrl, new AnchorVerificationOptions { AllowMock = true });
        Assert.That(onChain.Problems, Is.Empty);
        Assert.That((await Attesto.Anchors.VerifyOnChainAsync(anchor, mock.RpcUrl)).Problems, Is.EqualTo(new[] { "mock anchor" }));
    }
}
