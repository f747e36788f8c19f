using System.Runtime.CompilerServices;

namespace Shared.Crypto.Tests.Bulk;

public class BulkRunnerTests
{
    private static readonly BulkOptions FourWorkers = new() { MaxDegreeOfParallelism = 4, InFlightPerWorker = 2 };

    [Test]
    public async Task Results_come_in_input_order_even_when_later_documents_finish_first()
    {
        using var thirdDone = new ManualResetEventSlim();
        bool firstWaitedForThird = false;
        var results = new List<BulkResult<int>>();
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Enumerable.Range(0, 200), Slow, FourWorkers))
        {
            results.Add(result);
        }

        Assert.That(firstWaitedForThird, Is.True, "document 0 finished only after document 3: the workers really ran out of order");
        Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 200).Select(i => (long)i)));
        Assert.That(results.Select(r => r.Value), Is.EqualTo(Enumerable.Range(0, 200).Select(i => i * 2)));
        Assert.That(results.All(r => r.Succeeded), Is.True);

        int Slow(int x)
        {
            if (x == 0)
            {
                firstWaitedForThird = thirdDone.Wait(TimeSpan.FromSeconds(20));
            }
            else if (x == 3)
            {
                thirdDone.Set();
            }
            else if (x % 7 == 0)
            {
                Thread.SpinWait(5_000);
            }

            return x * 2;
        }
    }

    [Test]
    public async Task An_async_source_keeps_its_order_too()
    {
        var indexes = new List<long>();
        var values = new List<string?>();
        await foreach (BulkResult<string> result in BulkRunner.RunStreamAsync(Numbers(50), x => $"v{x}", FourWorkers))
        {
            indexes.Add(result.Index);
            values.Add(result.Value);
        }

        Assert.That(indexes, Is.EqualTo(Enumerable.Range(0, 50).Select(i => (long)i)));
        Assert.That(values, Is.EqualTo(Enumerable.Range(0, 50).Select(i => $"v{i}")));
    }

    [Test]
    public async Task A_bad_document_mid_stream_is_one_failed_result_and_the_run_goes_on()
    {
        string[] lines = ["1", "2", "not a number", "4", "5"];
        var results = new List<BulkResult<int>>();
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(lines, line => int.Parse(line, System.Globalization.CultureInfo.InvariantCulture), FourWorkers))
        {
            results.Add(result);
        }

        Assert.That(results, Has.Count.EqualTo(5));
        Assert.That(results.Select(r => r.Succeeded), Is.EqualTo(new[] { true, true, false, true, true }));
        Assert.That(results[2].Error, Is.TypeOf<FormatException>());
        Assert.That(results[2].Index, Is.EqualTo(2));
        Assert.That(results[3].Value, Is.EqualTo(4));
    }

    [Test]
    public async Task Cancellation_stops_the_run_promptly_and_reading_stops_with_it()
    {
        using var cts = new CancellationTokenSource();
        long read = 0;
        int received = 0;
        IEnumerable<int> Endless()
        {
            for (int i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Endless(), x => x, FourWorkers, cts.Token))
            {
                if (++received == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.That(received, Is.EqualTo(10));
        long readAfterStop = Interlocked.Read(ref read);
        Assert.That(readAfterStop, Is.LessThanOrEqualTo(10 + (4 * 2) + 2), "the input is never read more than the in-flight bound ahead");
    }

    [Test]
    public async Task Memory_is_bounded_the_input_is_read_only_a_few_documents_ahead_of_the_consumer()
    {
        long read = 0;
        long maxAhead = 0;
        long consumed = 0;
        IEnumerable<int> Endless()
        {
            for (int i = 0; i < 2_000; i++)
            {
                long ahead = Interlocked.Increment(ref read) - Interlocked.Read(ref consumed);
                InterlockedMax(ref maxAhead, ahead);
                yield return i;
            }
        }

        await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Endless(), x => x, FourWorkers))
        {
            Interlocked.Increment(ref consumed);
        }

        Assert.That(consumed, Is.EqualTo(2_000));
        Assert.That(maxAhead, Is.LessThanOrEqualTo((4 * 2) + 3));
    }

    [Test]
    public async Task With_the_default_batches_the_read_ahead_stays_within_workers_times_in_flight()
    {
        var options = new BulkOptions { MaxDegreeOfParallelism = 2 };
        Assert.That(options.InFlightPerWorker, Is.EqualTo(32));
        long read = 0, consumed = 0, maxAhead = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 5_000; i++)
            {
                InterlockedMax(ref maxAhead, Interlocked.Increment(ref read) - Interlocked.Read(ref consumed));
                yield return i;
            }
        }

        var indexes = new List<long>();
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Source(), x => x, options))
        {
            indexes.Add(result.Index);
            Interlocked.Increment(ref consumed);
        }

        Assert.That(indexes, Is.EqualTo(Enumerable.Range(0, 5_000).Select(i => (long)i)));
        Assert.That(maxAhead, Is.LessThanOrEqualTo((2 * 32) + (2 * 8)), "workers × in-flight, plus the batch being read and the one being consumed");
        Assert.That(maxAhead, Is.GreaterThan(8), "the source really runs ahead of the consumer (the bound is not met trivially)");
    }

    [Test]
    public async Task An_async_source_that_pauses_hands_on_its_partial_batch()
    {
        // Three documents, then the source waits until the consumer has seen those three: a
        // runner that held them until its batch of 8 filled would never finish.
        var seenThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<int> Pausing()
        {
            for (int i = 0; i < 3; i++)
            {
                yield return i;
            }

            await seenThree.Task.WaitAsync(TimeSpan.FromSeconds(10));
            yield return 3;
        }

        var values = new List<int>();
        await foreach (BulkResult<int> result in BulkRunner.RunStreamAsync(Pausing(), x => x * 10, new BulkOptions { MaxDegreeOfParallelism = 2 }))
        {
            values.Add(result.Value);
            if (values.Count == 3)
            {
                seenThree.SetResult();
            }
        }

        Assert.That(values, Is.EqualTo(new[] { 0, 10, 20, 30 }));
    }

    [Test]
    public async Task Breaking_out_early_stops_the_workers()
    {
        long verified = 0;
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Enumerable.Range(0, 1_000_000), x => (int)Interlocked.Increment(ref verified), FourWorkers))
        {
            if (result.Index == 5)
            {
                break;
            }
        }

        Assert.That(Interlocked.Read(ref verified), Is.LessThan(100));
    }

    [Test]
    public async Task Progress_reports_are_monotonic_and_the_last_one_is_the_total()
    {
        var reports = new List<BulkProgress>();
        var options = FourWorkers with { Progress = new SyncProgress(reports), ProgressInterval = TimeSpan.Zero, TotalCount = 30 };
        await foreach (BulkResult<int> _ in BulkRunner.RunAsync(Enumerable.Range(0, 30), x => x % 10 == 9 ? throw new InvalidOperationException("bad") : x, options))
        {
        }

        Assert.That(reports, Is.Not.Empty);
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.That(reports[i].Completed, Is.GreaterThanOrEqualTo(reports[i - 1].Completed));
            Assert.That(reports[i].Failed, Is.GreaterThanOrEqualTo(reports[i - 1].Failed));
            Assert.That(reports[i].Elapsed, Is.GreaterThanOrEqualTo(reports[i - 1].Elapsed));
        }

        BulkProgress last = reports[^1];
        Assert.That((last.Completed, last.Failed, last.Total, last.Fraction), Is.EqualTo((30L, 3L, (long?)30, (double?)1.0)));
    }

    [Test]
    public async Task Progress_is_throttled_by_the_interval_on_the_given_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var reports = new List<BulkProgress>();
        var options = new BulkOptions { MaxDegreeOfParallelism = 1, Progress = new SyncProgress(reports), ProgressInterval = TimeSpan.FromSeconds(1), TimeProvider = clock };
        await foreach (BulkResult<int> result in BulkRunner.RunAsync(Enumerable.Range(0, 10), x => x, options))
        {
            if (result.Index == 4)
            {
                clock.Advance(TimeSpan.FromSeconds(2));
            }
        }

        // The clock moved once (after the fifth result): one throttled report at the sixth, plus the final one.
        Assert.That(reports.Select(r => r.Completed), Is.EqualTo(new long[] { 6, 10 }));
        Assert.That(reports[^1].PerSecond, Is.EqualTo(5.0));
        Assert.That(reports[^1].EstimatedRemaining, Is.Null, "no total, no estimate");
    }

    [Test]
    public async Task A_failing_input_sequence_ends_the_run_after_the_results_before_it()
    {
        IEnumerable<int> Broken()
        {
            yield return 1;
            yield return 2;
            throw new IOException("disk gone");
        }

        var seen = new List<int>();
        IOException? error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (BulkResult<int> result in BulkRunner.RunAsync(Broken(), x => x, FourWorkers))
            {
                seen.Add(result.Value);
            }
        });

        Assert.That(error!.Message, Is.EqualTo("disk gone"));
        Assert.That(seen, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Options_out_of_range_and_null_arguments_are_rejected_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkRunner.RunAsync([1], x => x, new BulkOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkRunner.RunAsync([1], x => x, new BulkOptions { InFlightPerWorker = 0 }));
        Assert.Throws<ArgumentNullException>(() => BulkRunner.RunAsync<int, int>((IEnumerable<int>)null!, x => x));
        Assert.Throws<ArgumentNullException>(() => BulkRunner.RunStreamAsync<int, int>(Numbers(1), null!));
    }

    private static async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 10 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SyncProgress(List<BulkProgress> reports) : IProgress<BulkProgress>
    {
        public void Report(BulkProgress value) => reports.Add(value);
    }
}
