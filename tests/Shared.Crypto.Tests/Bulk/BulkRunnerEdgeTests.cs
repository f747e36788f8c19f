using Microsoft.Extensions.Time.Testing;

namespace Shared.Crypto.Tests.Bulk;

/// <summary>Argument checks, batch boundaries, cancellation and progress edges of <see cref="BulkRunner"/>.</summary>
public class BulkRunnerEdgeTests
{
    [Test]
    public void A_null_verifier_or_source_is_rejected_on_both_entry_points()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => BulkRunner.RunAsync<int, int>([1], null!))!.ParamName, Is.EqualTo("verify"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => BulkRunner.RunStreamAsync<int, int>(null!, x => x))!.ParamName, Is.EqualTo("inputs"));
    }

    [Test]
    public void The_stream_entry_point_validates_its_options_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkRunner.RunStreamAsync(Empty(), x => x, new BulkOptions { InFlightPerWorker = 0 }));
    }

    [Test]
    public async Task The_stream_entry_point_uses_the_given_options_and_reports_an_empty_source()
    {
        var reports = new List<BulkProgress>();
        var options = new BulkOptions { MaxDegreeOfParallelism = 1, Progress = new SyncProgress(reports), TotalCount = 0 };
        int results = 0;
        await foreach (BulkResult<int> _ in BulkRunner.RunStreamAsync(Empty(), x => x, options))
        {
            results++;
        }

        Assert.That(results, Is.Zero);
        Assert.That(reports, Has.Count.EqualTo(1), "the final report is sent even for an empty source");
        Assert.That((reports[0].Completed, reports[0].Failed, reports[0].Total), Is.EqualTo((0L, 0L, (long?)0)));
    }

    [Test]
    public async Task Failures_inside_later_batches_carry_their_own_index([Values] bool asyncSource)
    {
        // InFlightPerWorker 8 = batches of 2: the odd documents are the second of their batch.
        var options = new BulkOptions { MaxDegreeOfParallelism = 2, InFlightPerWorker = 8 };
        static int Verify(int x) => x % 2 == 1 ? throw new InvalidDataException($"odd {x}") : x;
        IAsyncEnumerable<BulkResult<int>> run = asyncSource
            ? BulkRunner.RunStreamAsync(Ready(20), Verify, options)
            : BulkRunner.RunAsync(Enumerable.Range(0, 20), Verify, options);

        var results = new List<BulkResult<int>>();
        await foreach (BulkResult<int> result in run)
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
        foreach (BulkResult<int> failed in results.Where(r => !r.Succeeded))
        {
            Assert.That(failed.Error!.Message, Is.EqualTo($"odd {failed.Index}"));
        }

        Assert.That(results.Count(r => !r.Succeeded), Is.EqualTo(10));
    }

    [Test]
    public async Task A_verifier_that_throws_OperationCanceledException_on_its_own_is_one_failed_document()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // a runner that lost the document would hang until here
        var results = new List<BulkResult<int>>();
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(
            Enumerable.Range(0, 6), x => x == 3 ? throw new OperationCanceledException("verifier gave up") : x, new BulkOptions { MaxDegreeOfParallelism = 2, InFlightPerWorker = 8 }, guard.Token))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Succeeded), Is.EqualTo(new[] { true, true, true, false, true, true }));
        Assert.That(results[3].Error, Is.TypeOf<OperationCanceledException>());
        Assert.That(results[3].Index, Is.EqualTo(3));
    }

    [Test]
    public async Task Cancelling_from_inside_a_batch_stops_the_worker_before_the_next_document()
    {
        // One worker, batches of 100: after the cancel the rest of the batch is not verified.
        using var cts = new CancellationTokenSource();
        int verified = 0;
        int Verify(int x)
        {
            Interlocked.Increment(ref verified);
            if (x == 5)
            {
                cts.Cancel();
            }

            return x;
        }

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Enumerable.Range(0, 1_000), Verify, new BulkOptions { MaxDegreeOfParallelism = 1, InFlightPerWorker = 400 }, cts.Token))
            {
            }
        });

        Assert.That(Volatile.Read(ref verified), Is.EqualTo(6));
    }

    [Test]
    public async Task Cancelling_while_consuming_a_batch_yields_nothing_more_from_it()
    {
        // Batches of 10: the cancel comes after the first result of the first batch.
        using var cts = new CancellationTokenSource();
        int received = 0;
        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Enumerable.Range(0, 100), x => x, new BulkOptions { MaxDegreeOfParallelism = 1, InFlightPerWorker = 40 }, cts.Token))
            {
                received++;
                await cts.CancelAsync();
            }
        });

        Assert.That(received, Is.EqualTo(1));
    }

    [Test]
    public async Task Progress_is_reported_when_exactly_the_interval_has_passed()
    {
        var clock = new FakeTimeProvider();
        var reports = new List<BulkProgress>();
        var options = new BulkOptions { MaxDegreeOfParallelism = 1, Progress = new SyncProgress(reports), ProgressInterval = TimeSpan.FromSeconds(1), TimeProvider = clock };
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Enumerable.Range(0, 10), x => x, options))
        {
            if (result.Index == 4)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.That(reports.Select(r => r.Completed), Is.EqualTo(new long[] { 6, 10 }));
        Assert.That(reports[0].Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task A_read_ahead_bound_that_overflows_fails_instead_of_wrapping_around()
    {
        // 65 536 × 32 768 = 2^31 does not fit in an int.
        var options = new BulkOptions { MaxDegreeOfParallelism = 65_536, InFlightPerWorker = 32_768 };

        await Assert.ThrowsAsync<OverflowException>(async () =>
        {
            await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Array.Empty<int>(), x => x, options))
            {
            }
        });
    }

    [Test]
    public async Task A_ready_async_source_is_read_ahead_in_full_batches()
    {
        // One worker, 32 in flight = 4 batches of 8. While the consumer holds the first result the
        // reader fills the remaining batches: at least 32 documents are read. A reader that handed
        // on every ready document alone would stop after about 4.
        long read = 0;
        async IAsyncEnumerable<int> Counted()
        {
            await Task.CompletedTask;
            for (int i = 0; i < 200; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        bool filled = false;
        int results = 0;
        await foreach (BulkResult<int> _ in BulkRunner.RunStreamAsync(Counted(), x => x, new BulkOptions { MaxDegreeOfParallelism = 1, InFlightPerWorker = 32 }))
        {
            if (results++ == 0)
            {
                filled = SpinWait.SpinUntil(() => Interlocked.Read(ref read) >= 32, TimeSpan.FromSeconds(10));
            }
        }

        Assert.That(filled, Is.True, $"only {Interlocked.Read(ref read)} documents were read ahead");
        Assert.That(results, Is.EqualTo(200));
    }

    [Test]
    public async Task Ending_the_enumeration_waits_for_the_workers_to_finish()
    {
        // Two workers, batches of one. Document 1 is still being verified when the consumer stops
        // after document 0; disposing the enumeration must not return before that verifier has.
        using var started = new ManualResetEventSlim();
        using var stopped = new ManualResetEventSlim();
        int finished = 0;
        int Verify(int x)
        {
            if (x == 1)
            {
                started.Set();
                stopped.Wait(TimeSpan.FromSeconds(10));
                Thread.SpinWait(2_000_000);
                Volatile.Write(ref finished, 1);
            }

            return x;
        }

        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Enumerable.Range(0, 4), Verify, new BulkOptions { MaxDegreeOfParallelism = 2, InFlightPerWorker = 1 }))
        {
            Assert.That(started.Wait(TimeSpan.FromSeconds(10)), Is.True, "document 1 is being verified"); // else the stop could come before its worker starts
            stopped.Set();
            break;
        }

        Assert.That(Volatile.Read(ref finished), Is.EqualTo(1));
    }

    private static async IAsyncEnumerable<int> Empty()
    {
        await Task.Yield();
        yield break;
    }

    private static async IAsyncEnumerable<int> Ready(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 3 == 0)
            {
                await Task.Yield();
            }

            yield return i;
        }
    }

    private sealed class SyncProgress(List<BulkProgress> reports) : IProgress<BulkProgress>
    {
        public void Report(BulkProgress value) => reports.Add(value);
    }
}
