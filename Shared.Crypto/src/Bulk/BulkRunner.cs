using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Shared.Crypto;

/// <summary>
/// Runs a CPU-bound, per-document verifier over a sequence of documents on several workers and
/// yields the results in input order. Memory is bounded: the input is read at most
/// <see cref="BulkOptions.MaxDegreeOfParallelism"/> × <see cref="BulkOptions.InFlightPerWorker"/>
/// documents ahead of the consumer, so an input of any length streams through. An exception from
/// the verifier becomes a failed <see cref="BulkResult{TResult}"/> for that document and the run
/// goes on; an exception from the input sequence itself ends the run after the results before it.
/// Cancelling the token stops reading and ends the enumeration with
/// <see cref="OperationCanceledException"/>; stopping the enumeration early stops the workers.
/// </summary>
public static class BulkRunner
{
    /// <summary>Verifies every document of a synchronous sequence (enumerated on a worker thread, so blocking reads are fine).</summary>
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
        int capacity = checked(options.MaxDegreeOfParallelism * options.InFlightPerWorker);
        Channel<Slot<TInput, TResult>> order = Channel.CreateBounded<Slot<TInput, TResult>>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        Channel<Slot<TInput, TResult>> work = Channel.CreateUnbounded<Slot<TInput, TResult>>(
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
                while (order.Reader.TryRead(out Slot<TInput, TResult>? slot))
                {
                    token.ThrowIfCancellationRequested();
                    BulkResult<TResult> result = await slot.Task.WaitAsync(token).ConfigureAwait(false);
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

            options.Progress?.Report(new BulkProgress(completed, failed, options.TotalCount, options.TimeProvider.GetElapsedTime(started)));
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            work.Writer.TryComplete();
            await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The inputs and verifier of one run, with the producer and worker loops.</summary>
    private sealed class Run<TInput, TResult>(Func<TInput, TResult> verify, BulkOptions options, IEnumerable<TInput>? sync, IAsyncEnumerable<TInput>? async)
    {
        internal BulkOptions Options { get; } = options;

        /// <summary>Reads the input: each document goes to the order queue (bounded) and then to the workers.</summary>
        internal async Task ProduceAsync(ChannelWriter<Slot<TInput, TResult>> order, ChannelWriter<Slot<TInput, TResult>> work, CancellationToken token)
        {
            try
            {
                long index = 0;
                if (sync is not null)
                {
                    foreach (TInput input in sync)
                    {
                        await EnqueueAsync(new Slot<TInput, TResult>(index++, input), order, work, token).ConfigureAwait(false);
                    }
                }
                else
                {
                    await foreach (TInput input in async!.WithCancellation(token).ConfigureAwait(false))
                    {
                        await EnqueueAsync(new Slot<TInput, TResult>(index++, input), order, work, token).ConfigureAwait(false);
                    }
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

        /// <summary>Verifies documents until the queue is empty and complete, or the run stops.</summary>
        internal async Task WorkAsync(ChannelReader<Slot<TInput, TResult>> work, CancellationToken token)
        {
            TimeProvider clock = Options.TimeProvider;
            while (await work.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (work.TryRead(out Slot<TInput, TResult>? slot))
                {
                    token.ThrowIfCancellationRequested();
                    TInput input = slot.TakeInput();
                    long begin = clock.GetTimestamp();
                    BulkResult<TResult> result;
                    try
                    {
                        TResult value = verify(input);
                        result = new BulkResult<TResult>(slot.Index, value, null, clock.GetElapsedTime(begin));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        result = new BulkResult<TResult>(slot.Index, default, ex, clock.GetElapsedTime(begin));
                    }

                    slot.TrySetResult(result);
                }
            }
        }

        private static async ValueTask EnqueueAsync(Slot<TInput, TResult> slot, ChannelWriter<Slot<TInput, TResult>> order, ChannelWriter<Slot<TInput, TResult>> work, CancellationToken token)
        {
            await order.WriteAsync(slot, token).ConfigureAwait(false);
            _ = work.TryWrite(slot);
        }
    }

    /// <summary>One document in flight: its position, its input until a worker takes it, and its result to come.</summary>
    private sealed class Slot<TInput, TResult>(long index, TInput input) : TaskCompletionSource<BulkResult<TResult>>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private TInput? _input = input;

        internal long Index { get; } = index;

        /// <summary>Hands the input to the worker and drops the reference, so a finished document can be collected.</summary>
        internal TInput TakeInput()
        {
            TInput input = _input!;
            _input = default;
            return input;
        }
    }
}
