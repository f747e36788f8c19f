using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Shared.Crypto;

/// <summary>
/// Runs a CPU-bound, per-document verifier over a sequence of documents on several workers and
/// yields the results in input order. Memory is bounded: the input is read at most
/// <see cref="BulkOptions.MaxDegreeOfParallelism"/> × <see cref="BulkOptions.InFlightPerWorker"/>
/// documents ahead of the consumer (plus one batch being read and one being consumed), so an
/// input of any length streams through. Documents travel in batches (see
/// <see cref="BulkOptions.InFlightPerWorker"/>): a synchronous source that trickles shows its
/// results when a batch fills or the source ends; an asynchronous source hands on a partial batch
/// as soon as it has nothing more ready. An exception from
/// the verifier becomes a failed <see cref="BulkResult{TResult}"/> for that document and the run
/// goes on; an exception from the input sequence itself ends the run after the results before it.
/// Cancelling the token stops reading and ends the enumeration with
/// <see cref="OperationCanceledException"/>; stopping the enumeration early stops the workers.
/// </summary>
public static class BulkRunner
{
    /// <summary>Verifies every document of a synchronous sequence (enumerated on a worker thread, so blocking reads are fine; a source that trickles is better given to <see cref="RunStreamAsync"/>).</summary>
    /// <typeparam name="TInput">The raw document type.</typeparam>
    /// <typeparam name="TResult">The verifier's result type.</typeparam>
    /// <param name="inputs">The documents.</param>
    /// <param name="verify">The per-document verifier: returns the result or throws (thread-safe; called concurrently).</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per document, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="verify"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<TResult>> RunAsync<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, TResult> verify, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(verify);
        options ??= BulkOptions.Default;
        options.Validate();
        return RunCoreAsync(new Run<TInput, TResult>(verify, options, sync: inputs, async: null), cancellationToken);
    }

    /// <summary>Verifies every document of an asynchronous sequence.</summary>
    /// <typeparam name="TInput">The raw document type.</typeparam>
    /// <typeparam name="TResult">The verifier's result type.</typeparam>
    /// <param name="inputs">The documents.</param>
    /// <param name="verify">The per-document verifier: returns the result or throws (thread-safe; called concurrently).</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per document, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="verify"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<TResult>> RunStreamAsync<TInput, TResult>(
        IAsyncEnumerable<TInput> inputs, Func<TInput, TResult> verify, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(verify);
        options ??= BulkOptions.Default;
        options.Validate();
        return RunCoreAsync(new Run<TInput, TResult>(verify, options, sync: null, async: inputs), cancellationToken);
    }

    private static async IAsyncEnumerable<BulkResult<TResult>> RunCoreAsync<TInput, TResult>(
        Run<TInput, TResult> run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BulkOptions options = run.Options;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = stop.Token;
        Channel<Batch<TInput, TResult>> order = Channel.CreateBounded<Batch<TInput, TResult>>(
            new BoundedChannelOptions(run.Batches) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        Channel<Batch<TInput, TResult>> work = Channel.CreateUnbounded<Batch<TInput, TResult>>(
            new UnboundedChannelOptions { SingleWriter = true, SingleReader = options.MaxDegreeOfParallelism == 1 });

        long started = options.TimeProvider.GetTimestamp();
        var tasks = new Task[options.MaxDegreeOfParallelism + 1];
        tasks[0] = Task.Run(() => run.ProduceAsync(order.Writer, work.Writer, token), CancellationToken.None);
        for (int i = 1; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(() => run.WorkAsync(work.Reader, token), CancellationToken.None);
        }

        long completed = 0, failed = 0;
        long lastReport = started;
        try
        {
            while (await order.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (order.Reader.TryRead(out Batch<TInput, TResult>? batch))
                {
                    token.ThrowIfCancellationRequested();
                    BulkResult<TResult>[] results = await batch.Task.WaitAsync(token).ConfigureAwait(false);
                    foreach (BulkResult<TResult> result in results)
                    {
                        token.ThrowIfCancellationRequested();
                        completed++;
                        if (!result.Succeeded)
                        {
                            failed++;
                        }

                        if (options.Progress is { } progress)
                        {
                            long now = options.TimeProvider.GetTimestamp();
                            if (options.TimeProvider.GetElapsedTime(lastReport, now) >= options.ProgressInterval)
                            {
                                lastReport = now;
                                progress.Report(new BulkProgress(completed, failed, options.TotalCount, options.TimeProvider.GetElapsedTime(started, now)));
                            }
                        }

                        yield return result;
                    }
                }
            }

            options.Progress?.Report(new BulkProgress(completed, failed, options.TotalCount, options.TimeProvider.GetElapsedTime(started)));
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            work.Writer.TryComplete();
            await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// One run. Documents travel in batches of <see cref="BatchSize"/> (a quarter of
    /// <see cref="BulkOptions.InFlightPerWorker"/>, at least one): every hand-over between the
    /// reader, the workers and the consumer wakes a thread, and per document those wake-ups cost
    /// about as much CPU as verifying a certificate. At most <see cref="Batches"/> batches are in
    /// flight, so the read-ahead bound stays MaxDegreeOfParallelism × InFlightPerWorker documents.
    /// A batch from an asynchronous source is handed on early when the source has nothing ready.
    /// </summary>
    private sealed class Run<TInput, TResult>(Func<TInput, TResult> verify, BulkOptions options, IEnumerable<TInput>? sync, IAsyncEnumerable<TInput>? async)
    {
        internal BulkOptions Options { get; } = options;

        internal int BatchSize { get; } = Math.Max(1, options.InFlightPerWorker / 4);

        internal int Batches => Math.Max(1, checked(Options.MaxDegreeOfParallelism * Options.InFlightPerWorker) / BatchSize);

        internal async Task ProduceAsync(ChannelWriter<Batch<TInput, TResult>> order, ChannelWriter<Batch<TInput, TResult>> work, CancellationToken token)
        {
            try
            {
                long index = 0;
                var pending = new List<TInput>(BatchSize);
                if (sync is not null)
                {
                    foreach (TInput input in sync)
                    {
                        pending.Add(input);
                        if (pending.Count == BatchSize)
                        {
                            index = await EnqueueAsync(index, pending, order, work, token).ConfigureAwait(false);
                        }
                    }
                }
                else
                {
                    IAsyncEnumerator<TInput> inputs = async!.GetAsyncEnumerator(token);
                    await using (inputs.ConfigureAwait(false))
                    {
                        while (true)
                        {
                            ValueTask<bool> next = inputs.MoveNextAsync();
                            if (!next.IsCompleted && pending.Count > 0)
                            {
                                index = await EnqueueAsync(index, pending, order, work, token).ConfigureAwait(false); // nothing ready: do not hold what was read
                            }

                            if (!await next.ConfigureAwait(false))
                            {
                                break;
                            }

                            pending.Add(inputs.Current);
                            if (pending.Count == BatchSize)
                            {
                                index = await EnqueueAsync(index, pending, order, work, token).ConfigureAwait(false);
                            }
                        }
                    }
                }

                if (pending.Count > 0)
                {
                    await EnqueueAsync(index, pending, order, work, token).ConfigureAwait(false);
                }

                order.TryComplete();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                order.TryComplete();
            }
            catch (Exception ex)
            {
                // The input itself failed (e.g. an I/O error): the consumer sees it after the results before it.
                order.TryComplete(ex);
            }
            finally
            {
                work.TryComplete();
            }
        }

        internal async Task WorkAsync(ChannelReader<Batch<TInput, TResult>> work, CancellationToken token)
        {
            TimeProvider clock = Options.TimeProvider;
            while (await work.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (work.TryRead(out Batch<TInput, TResult>? batch))
                {
                    TInput[] inputs = batch.TakeInputs();
                    var results = new BulkResult<TResult>[inputs.Length];
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        token.ThrowIfCancellationRequested();
                        long begin = clock.GetTimestamp();
                        try
                        {
                            TResult value = verify(inputs[i]);
                            results[i] = new BulkResult<TResult>(batch.FirstIndex + i, value, null, clock.GetElapsedTime(begin));
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                        {
                            results[i] = new BulkResult<TResult>(batch.FirstIndex + i, default, ex, clock.GetElapsedTime(begin));
                        }

                        inputs[i] = default!; // let a verified document go before the batch is consumed
                    }

                    batch.TrySetResult(results);
                }
            }
        }

        /// <summary>Hands the pending documents on as one batch (in order, then to the workers) and returns the next index.</summary>
        private static async ValueTask<long> EnqueueAsync(long index, List<TInput> pending, ChannelWriter<Batch<TInput, TResult>> order, ChannelWriter<Batch<TInput, TResult>> work, CancellationToken token)
        {
            var batch = new Batch<TInput, TResult>(index, pending.ToArray());
            pending.Clear();
            await order.WriteAsync(batch, token).ConfigureAwait(false);
            _ = work.TryWrite(batch);
            return index + batch.Count;
        }
    }

    /// <summary>Consecutive documents verified by one worker; completes with their results in order.</summary>
    private sealed class Batch<TInput, TResult>(long firstIndex, TInput[] inputs) : TaskCompletionSource<BulkResult<TResult>[]>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private TInput[]? _inputs = inputs;

        internal long FirstIndex { get; } = firstIndex;

        internal int Count { get; } = inputs.Length;

        internal TInput[] TakeInputs()
        {
            TInput[] taken = _inputs!;
            _inputs = null;
            return taken;
        }
    }
}
