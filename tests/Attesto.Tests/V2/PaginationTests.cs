using Attesto.Testing;
using Attesto.Tests.Mock;

namespace Attesto.Tests.V2;

public class PaginationTests
{
    private const int EventCount = 23;

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    public async Task Iterators_walk_every_page_and_stop_on_the_first_short_one(int pageSize)
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 1 });
        using var client = MockClients.Loopback(mock, store: null);
        string streamId = (await client.CreateStreamAsync("uc", "pol")).StreamId!;
        await client.LogEventsAsync(streamId, MockClients.Events(1, EventCount));
        int expectedRequests = (EventCount / pageSize) + 1; // full pages, then the short (possibly empty) one

        int before = mock.RequestCount;
        var events = new List<StreamEvent>();
        await foreach (StreamEvent e in client.GetAllStreamEventsAsync(streamId, pageSize))
        {
            events.Add(e);
        }

        Assert.That(events.Select(e => e.SeqNo), Is.EqualTo(Enumerable.Range(1, EventCount).Select(i => (long?)i)));
        Assert.That(mock.RequestCount - before, Is.EqualTo(expectedRequests));

        before = mock.RequestCount;
        var windows = new List<Window>();
        await foreach (Window w in client.GetAllWindowsAsync(streamId, pageSize))
        {
            windows.Add(w);
        }

        Assert.That(windows.Select(w => w.FromSeqNo), Is.EqualTo(Enumerable.Range(1, EventCount).Select(i => (long?)i)));
        Assert.That(mock.RequestCount - before, Is.EqualTo(expectedRequests));
    }

    [Test]
    public async Task List_returns_one_page_with_limit_and_offset()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, store: null);
        string streamId = (await client.CreateStreamAsync("uc", "pol")).StreamId!;
        await client.LogEventsAsync(streamId, MockClients.Events(1, 10));

        Page<StreamEvent> page = await client.ListStreamEventsAsync(streamId, limit: 4, offset: 4);

        Assert.That(page.Items.Select(e => e.SeqNo), Is.EqualTo(new long?[] { 5, 6, 7, 8 }));
        Assert.That(page.Total, Is.EqualTo(10));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.ListStreamEventsAsync(streamId, limit: 0));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.ListStreamEventsAsync(streamId, limit: 1001));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.ListStreamEventsAsync(streamId, offset: -1));
    }

    [Test]
    public async Task Streams_and_ivc_epochs_are_listed()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, store: null);
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add((await client.CreateStreamAsync("uc", "pol")).StreamId!);
        }

        await client.LogEventsAsync(ids[0], MockClients.Events(1, 3));
        mock.CreateCheckpoint(ids[0]);

        var streams = new List<string>();
        await foreach (ProofStream s in client.GetAllStreamsAsync(pageSize: 2))
        {
            streams.Add(s.StreamId!);
        }

        var epochs = new List<IvcEpoch>();
        await foreach (IvcEpoch e in client.GetAllIvcEpochsAsync())
        {
            epochs.Add(e);
        }

        Assert.That(streams, Is.EqualTo(ids));
        Assert.That(epochs, Has.Count.EqualTo(1));
        Assert.That((await client.GetIvcEpochAsync(epochs[0].IvcEpochId!)).Status, Is.EqualTo("review_pending"));
    }
}
