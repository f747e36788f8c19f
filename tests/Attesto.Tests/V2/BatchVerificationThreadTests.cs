using System.Collections.Concurrent;
using System.Diagnostics;
using Attesto.Testing;
using Attesto.Tests.Mock;

namespace Attesto.Tests.V2;

/// <summary>
/// <c>LogEventsAsync</c> never blocks its caller: the receipt checks of a batch run awaited on the
/// thread pool, never on the thread that called the method (as <c>Parallel.For</c> would, joining in
/// and blocking it until every slice is done).
/// </summary>
[NonParallelizable]
public class BatchVerificationThreadTests
{
    [Test]
    public async Task Receipt_checks_of_a_batch_never_run_on_the_calling_thread()
    {
        await using var mock = new MockAttesto();
        using var http = new HttpClient(mock.CreateHandler());
        using var client = MockClients.InProcess(mock, new MemoryHeadStore(), http);
        string streamId = (await client.CreateStreamAsync("batch", "pol_default")).StreamId;

        var checkThreads = new ConcurrentBag<int>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Attesto",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.DisplayName == "Attesto.VerifyReceipt")
                {
                    checkThreads.Add(Environment.CurrentManagedThreadId);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        // Run the call from a dedicated thread that starts it and only then returns, so "the calling
        // thread" is one no continuation can land on by chance.
        int callingThread = 0;
        Task<StreamEventBatchResult>? pending = null;
        var caller = new Thread(() =>
        {
            callingThread = Environment.CurrentManagedThreadId;
            pending = client.LogEventsAsync(streamId, MockClients.Events(0, 200));
        });
        caller.Start();
        caller.Join();
        StreamEventBatchResult result = await pending!;

        Assert.That(result.Receipts, Has.Count.EqualTo(200));
        Assert.That(checkThreads, Has.Count.EqualTo(200), "every receipt was checked (one VerifyReceipt span each)");
        Assert.That(checkThreads, Has.No.Member(callingThread), "a receipt check ran on (and blocked) the calling thread");
    }
}
