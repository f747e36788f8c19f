using Attesto.Testing;
using Attesto.Tests.Mock;
using Attesto.Tests.Witness;

namespace Attesto.Tests.V2;

public class ForkDetectionTests
{
    [Test]
    public async Task Rewound_stream_is_a_fork_and_the_head_stays()
    {
        await using var mock = MockAttesto.Start();
        var store = new MemoryHeadStore();
        using var client = MockClients.Loopback(mock, store);
        string streamId = (await client.CreateStreamAsync("uc", "pol")).StreamId!;
        var batch = await client.LogEventsAsync(streamId, MockClients.Events(1, 5));
        StreamHead head = (await store.GetAsync(streamId))!;
        Assert.That(head, Is.EqualTo(new StreamHead(5, batch.Receipts![4].EventHash!)));

        mock.ForkRewind(streamId, 2);

        var ex = await Assert.ThrowsAsync<AttestoForkDetectedException>(() => client.LogEventAsync(streamId, "after-rewind", new { n = 1 }));
        Assert.That(ex!.StreamId, Is.EqualTo(streamId));
        Assert.That(ex.StoredSeqNo, Is.EqualTo(5));
        Assert.That(ex.ReceivedSeqNo, Is.EqualTo(3));
        Assert.That(ex.Message, Does.Contain("rewind"));
        Assert.That(await store.GetAsync(streamId), Is.EqualTo(head));
    }

    [Test]
    public async Task Divergent_lineage_is_a_fork_and_the_head_stays()
    {
        await using var mock = MockAttesto.Start();
        var store = new MemoryHeadStore();
        using var client = MockClients.Loopback(mock, store);
        string streamId = (await client.CreateStreamAsync("uc", "pol")).StreamId!;
        await client.LogEventsAsync(streamId, MockClients.Events(1, 5));
        StreamHead head = (await store.GetAsync(streamId))!;

        mock.ForkDiverge(streamId);

        var ex = await Assert.ThrowsAsync<AttestoForkDetectedException>(() => client.LogEventsAsync(streamId, MockClients.Events(6, 3)));
        Assert.That(ex!.ReceivedSeqNo, Is.EqualTo(6));
        Assert.That(ex.Message, Does.Contain("divergent lineage"));
        Assert.That(await store.GetAsync(streamId), Is.EqualTo(head));

        // The service's own fork evidence is listed too.
        var evidence = new List<ForkEvidence>();
        await foreach (ForkEvidence f in client.GetAllForkEvidenceAsync(streamId))
        {
            evidence.Add(f);
        }

        Assert.That(evidence, Has.Count.EqualTo(1));
        Assert.That(evidence[0].WitnessedEventHash, Is.EqualTo(head.EventHash));
    }

    [Test]
    public async Task Head_persists_across_a_new_client_instance()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        await using var mock = MockAttesto.Start();
        string streamId;
        using (var first = MockClients.Loopback(mock, new FileHeadStore(path)))
        {
            streamId = (await first.CreateStreamAsync("uc", "pol")).StreamId!;
            await first.LogEventsAsync(streamId, MockClients.Events(1, 4));
        }

        using (var second = MockClients.Loopback(mock, new FileHeadStore(path)))
        {
            StreamEventReceipt fifth = await second.LogEventAsync(streamId, "ev-5", new { n = 5 });
            Assert.That(fifth.SeqNo, Is.EqualTo(5));
            Assert.That(await new FileHeadStore(path).GetAsync(streamId), Is.EqualTo(new StreamHead(5, fifth.EventHash!)));
        }

        mock.ForkRewind(streamId, 3);
        using var third = MockClients.Loopback(mock, new FileHeadStore(path));
        await Assert.ThrowsAsync<AttestoForkDetectedException>(() => third.LogEventAsync(streamId, "ev-x", new { n = 6 }));
        Assert.That((await new FileHeadStore(path).GetAsync(streamId))!.SeqNo, Is.EqualTo(5));
    }

    [Test]
    public async Task Idempotent_replay_is_a_noop_and_disabled_store_never_checks()
    {
        await using var mock = MockAttesto.Start();
        var store = new MemoryHeadStore();
        using var client = MockClients.Loopback(mock, store);
        string streamId = (await client.CreateStreamAsync("uc", "pol")).StreamId!;
        StreamEventReceipt first = await client.LogEventAsync(streamId, "same-ref", new { n = 1 });
        StreamEventReceipt replay = await client.LogEventAsync(streamId, "same-ref", new { n = 1 });
        Assert.That(replay.EventHash, Is.EqualTo(first.EventHash));
        Assert.That(await store.GetAsync(streamId), Is.EqualTo(new StreamHead(1, first.EventHash!)));

        mock.ForkDiverge(streamId);
        using var unwitnessed = MockClients.Loopback(mock, store: null);
        Assert.That((await unwitnessed.LogEventAsync(streamId, "other", new { n = 2 })).SeqNo, Is.EqualTo(2));
    }
}
