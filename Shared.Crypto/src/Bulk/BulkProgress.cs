namespace Shared.Crypto;

/// <summary>A snapshot of a bulk run: how many documents are done and failed, out of how many, after how long.</summary>
/// <param name="Completed">Documents whose result has been delivered (verified or failed).</param>
/// <param name="Failed">Of those, the documents that failed.</param>
/// <param name="Total">The number of documents when known (<see cref="BulkOptions.TotalCount"/>), else null.</param>
/// <param name="Elapsed">The time since the run started.</param>
public readonly record struct BulkProgress(long Completed, long Failed, long? Total, TimeSpan Elapsed)
{
    /// <summary>Documents per second so far (0 before any time has passed).</summary>
    public double PerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;

    /// <summary>The fraction done, between 0 and 1, when the total is known and not zero; else null.</summary>
    public double? Fraction => Total is > 0 and long total ? Math.Min(1.0, Completed / (double)total) : null;

    /// <summary>The estimated time left at the current rate, when the total is known and the rate is not zero; else null.</summary>
    public TimeSpan? EstimatedRemaining =>
        Total is long total && PerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Completed) / PerSecond) : null;
}
