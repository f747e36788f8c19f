
namespace Attesto;

/// <summary>Completeness over a stream of events in constant memory.</summary>
public static partial class Completeness
{
    /// <summary>
    /// Verifies completeness of events that arrive in ascending <c>seq_no</c> order, one at a time,
    /// never holding them all (see <see cref="CompletenessChecker"/>).
    /// </summary>
    /// <param name="events">The events, in ascending seq_no order.</param>
    /// <param name="fromSeqNo">The first sequence number of the range.</param>
    /// <param name="toSeqNo">The last sequence number of the range (inclusive).</param>
    /// <returns>The report.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="events"/> is null.</exception>
    public static CompletenessReport VerifyOrdered(IEnumerable<ChainEvent?> events, long fromSeqNo, long toSeqNo)
    {
        AttestoArguments.NotNull(events, nameof(events));
        var checker = new CompletenessChecker(fromSeqNo, toSeqNo);
        foreach (ChainEvent? item in events)
        {
            checker.Add(item);
        }

        return checker.Complete();
    }

    /// <summary>Verifies completeness of an asynchronous stream of events in ascending <c>seq_no</c> order, in constant memory.</summary>
    /// <param name="events">The events, in ascending seq_no order.</param>
    /// <param name="fromSeqNo">The first sequence number of the range.</param>
    /// <param name="toSeqNo">The last sequence number of the range (inclusive).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The report.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="events"/> is null.</exception>
    public static async Task<CompletenessReport> VerifyOrderedAsync(IAsyncEnumerable<ChainEvent?> events, long fromSeqNo, long toSeqNo, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(events, nameof(events));
        var checker = new CompletenessChecker(fromSeqNo, toSeqNo);
        await foreach (ChainEvent? item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            checker.Add(item);
        }

        return checker.Complete();
    }
}
