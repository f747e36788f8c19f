namespace Shared.Http;

/// <summary>
/// What one vendor retries and how long it waits: the mechanics (Polly pipeline, Retry-After,
/// disposal of replaced answers, logging) are <see cref="RetryPipelineFactory"/>'s.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt; 0 turns retrying off.</param>
/// <param name="RetryStatus">Whether an answer with this status is worth another attempt.</param>
/// <param name="RetryFailure">Whether an attempt that ended with this exception is worth another (see <see cref="TransportFailure"/>).</param>
/// <param name="Backoff">The wait before retry number n + 1 (n from 0) when the server gave no <c>Retry-After</c>.</param>
/// <param name="MaxRetryAfter">The longest <c>Retry-After</c> honoured; a longer hint is cut to this.</param>
internal sealed record RetryPolicy(
    int MaxRetries,
    Func<int, bool> RetryStatus,
    Func<Exception, bool> RetryFailure,
    Func<int, TimeSpan> Backoff,
    TimeSpan MaxRetryAfter)
{
    /// <summary>A policy that never retries.</summary>
    internal static RetryPolicy None { get; } = new(0, static _ => false, static _ => false, static _ => TimeSpan.Zero, TimeSpan.Zero);
}
