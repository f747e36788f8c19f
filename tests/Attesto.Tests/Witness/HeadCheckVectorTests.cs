using Newtonsoft.Json.Linq;
using TestSupport;

namespace Attesto.Tests.Witness;

public class HeadCheckVectorTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var root = Vectors.Read("heads.derived.json");
        foreach (JObject c in root["cases"]!.Cast<JObject>())
        {
            yield return new TestCaseData(c).SetName("heads: " + (string)c["name"]!);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Outcome_matches_vector(JObject vector)
    {
        StreamHead? stored = vector["stored"] is JObject s ? new StreamHead((long)s["seq_no"]!, (string)s["event_hash"]!) : null;
        var incoming = Incoming(vector);
        string expected = (string)vector["expected"]!;

        HeadCheckOutcome outcome = HeadCheck.Check(stored, incoming, out string? reason);

        Assert.That(outcome.ToString().ToLowerInvariant(), Is.EqualTo(expected));
        Assert.That(reason is not null, Is.EqualTo(expected == "fork"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Store_advances_only_when_vector_says_so(JObject vector)
    {
        var store = new MemoryHeadStore();
        StreamHead? stored = vector["stored"] is JObject s ? new StreamHead((long)s["seq_no"]!, (string)s["event_hash"]!) : null;
        if (stored is not null)
        {
            await store.UpdateAsync("str_test", _ => stored);
        }

        var incoming = Incoming(vector);
        string expected = (string)vector["expected"]!;
        Task witness = HeadWitness.WitnessAsync(store, "str_test", [incoming], CancellationToken.None);

        if (expected == "fork")
        {
            var ex = await Assert.ThrowsAsync<AttestoForkDetectedException>(() => witness);
            Assert.That(ex!.StreamId, Is.EqualTo("str_test"));
            Assert.That(ex.ReceivedSeqNo, Is.EqualTo(incoming.SeqNo));
            Assert.That(await store.GetAsync("str_test"), Is.EqualTo(stored), "head must not move on a fork");
        }
        else
        {
            await witness;
            StreamHead? after = await store.GetAsync("str_test");
            Assert.That(after, Is.EqualTo(expected == "noop" ? stored : new StreamHead(incoming.SeqNo, incoming.EventHash)));
        }
    }

    [Test]
    public void File_example_layout_is_read_by_FileHeadStore()
    {
        using var dir = new TempDir();
        var root = Vectors.Read("heads.derived.json");
        string path = Path.Combine(dir.Path, "heads.json");
        File.WriteAllText(path, root["file_example"]!.ToString());
        var example = (JObject)root["file_example"]!["heads"]!["str_test"]!;

        StreamHead? head = new FileHeadStore(path).GetAsync("str_test").GetAwaiter().GetResult();

        Assert.That(head, Is.EqualTo(new StreamHead((long)example["seq_no"]!, (string)example["event_hash"]!)));
    }

    [Test]
    public async Task Batch_is_checked_in_seq_order_and_stored_only_if_all_pass()
    {
        var store = new MemoryHeadStore();
        string h1 = new('1', 64), h2 = new('2', 64), h3 = new('3', 64), bad = new('b', 64);
        await HeadWitness.WitnessAsync(store, "s", [new WitnessedEvent(2, h2, h1), new WitnessedEvent(1, h1, new string('0', 64))], CancellationToken.None);
        Assert.That(await store.GetAsync("s"), Is.EqualTo(new StreamHead(2, h2)));

        await Assert.ThrowsAsync<AttestoForkDetectedException>(() =>
            HeadWitness.WitnessAsync(store, "s", [new WitnessedEvent(3, h3, h2), new WitnessedEvent(4, new string('4', 64), bad)], CancellationToken.None));
        Assert.That(await store.GetAsync("s"), Is.EqualTo(new StreamHead(2, h2)), "a batch with one fork stores nothing");
    }

    [Test]
    public async Task Replayed_batch_that_links_to_the_head_is_not_a_rewind()
    {
        var store = new MemoryHeadStore();
        string h0 = new('0', 64), h1 = new('1', 64), h2 = new('2', 64), h3 = new('3', 64);
        WitnessedEvent[] batch = [new(1, h1, h0), new(2, h2, h1), new(3, h3, h2)];
        await HeadWitness.WitnessAsync(store, "s", batch, CancellationToken.None);

        await HeadWitness.WitnessAsync(store, "s", batch, CancellationToken.None);
        Assert.That(await store.GetAsync("s"), Is.EqualTo(new StreamHead(3, h3)));

        // The same seq numbers with a broken link below the head are a rewind, not a replay.
        WitnessedEvent[] forged = [new(1, new string('9', 64), h0), new(2, h2, h1), new(3, h3, h2)];
        await Assert.ThrowsAsync<AttestoForkDetectedException>(() => HeadWitness.WitnessAsync(store, "s", forged, CancellationToken.None));

        // Older events without the head in the batch stay a rewind (spec vector forged_rewind_fork).
        await Assert.ThrowsAsync<AttestoForkDetectedException>(() => HeadWitness.WitnessAsync(store, "s", batch[..2], CancellationToken.None));
        Assert.That(await store.GetAsync("s"), Is.EqualTo(new StreamHead(3, h3)));
    }

    [Test]
    public async Task Null_store_disables_witnessing()
    {
        await Assert.DoesNotThrowAsync(() => HeadWitness.WitnessAsync(null, "s", [new WitnessedEvent(1, new string('1', 64), null)], CancellationToken.None));
    }

    private static WitnessedEvent Incoming(JObject vector)
    {
        var i = (JObject)vector["incoming"]!;
        return new WitnessedEvent((long)i["seq_no"]!, (string)i["event_hash"]!, (string?)i["previous_event_hash"]);
    }
}
