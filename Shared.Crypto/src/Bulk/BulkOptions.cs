namespace Shared.Crypto;

/// <summary>
/// How <see cref="BulkRunner"/> spreads a sequence of documents over workers: how many workers,
/// how many documents may be in flight, and how progress is reported. Immutable.
/// </summary>
public sealed record BulkOptions
{
    /// <summary>The default options: one worker per processor, 32 documents in flight per worker (handed over 8 at a time), progress every 250 ms.</summary>
    public static BulkOptions Default { get; } = new();

    /// <summary>The number of workers that verify documents at the same time (default <see cref="Environment.ProcessorCount"/>; at least 1).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many documents per worker may be read ahead of the result being consumed (default 32;
    /// at least 1). This bounds memory. Documents are handed to the workers in batches of a
    /// quarter of this (at least one), because every hand-over wakes a thread: with one document
    /// at a time the wake-ups of a certificate run cost about as much CPU as the verification.
    /// </summary>
    public int InFlightPerWorker { get; init; } = 32;

    /// <summary>
    /// Receives <see cref="BulkProgress"/> reports, called synchronously on the consuming side in
    /// result order, so the counts never go down (a <see cref="Progress{T}"/> instance re-posts
    /// them to its own context). Null for none.
    /// </summary>
    public IProgress<BulkProgress>? Progress { get; init; }

    /// <summary>The shortest time between two progress reports (default 250 ms; <see cref="TimeSpan.Zero"/> reports after every document). The last report is always sent.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The number of documents when the caller knows it, for percentages and the remaining-time estimate; null when unknown.</summary>
    public long? TotalCount { get; init; }

    /// <summary>The clock for elapsed times and rates (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "At least one worker is needed.");
        }

        if (InFlightPerWorker < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InFlightPerWorker), InFlightPerWorker, "At least one document per worker must be allowed in flight.");
        }

        if (ProgressInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ProgressInterval), ProgressInterval, "The progress interval cannot be negative.");
        }

        if (TotalCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TotalCount), TotalCount, "The total cannot be negative.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
