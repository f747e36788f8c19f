using Polly;
using Polly.Retry;

namespace Attesto.Http;

/// <summary>
/// The Polly.Core retry pipeline every Attesto client shares: up to <c>MaxRetries</c> retries on
/// 5xx, 429, transport errors and attempt timeouts; the server's <c>Retry-After</c> is honoured
/// (capped at 30 s), otherwise full-jitter exponential back-off: random(0, min(8 s, 0.5 s × 2^n)).
/// </summary>
internal static class AttestoRetryPipeline
{
    /// <summary>The longest <c>Retry-After</c> the SDK waits.</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The largest jittered back-off step.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>The base of the exponential back-off.</summary>
    internal static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(500);

    /// <summary>Builds the pipeline.</summary>
    /// <param name="maxRetries">Retries after the first attempt; 0 gives a pass-through pipeline.</param>
    /// <param name="timeProvider">The clock for the delays.</param>
    /// <param name="logger">Where each retry is logged; null for none.</param>
    /// <returns>The pipeline.</returns>
    internal static ResiliencePipeline<HttpResponseMessage> Build(int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            TimeProvider = timeProvider,
            TelemetryListener = logger is null ? null : new Shared.Http.RetryLogListener<HttpResponseMessage>(logger, "Attesto", static r => (int)r.StatusCode),
        };
        if (maxRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = maxRetries,
            ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(args.AttemptNumber, args.Outcome.Result, timeProvider)),
            OnRetry = static args =>
            {
                // The failed answer is replaced by the next attempt's; release it.
                args.Outcome.Result?.Dispose();
                Shared.Telemetry.ClientOperation.Current?.RecordRetry(args.Outcome.Exception);
                return default;
            },
        }).Build();
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> (0-based).</summary>
    internal static TimeSpan DelayFor(int attempt, HttpResponseMessage? response, TimeProvider timeProvider)
    {
        TimeSpan? retryAfter = AttestoErrorMapper.RetryAfterOf(response, timeProvider);
        if (retryAfter is { } hint)
        {
            return hint > MaxRetryAfter ? MaxRetryAfter : hint;
        }

        double capMs = Math.Min(MaxBackoff.TotalMilliseconds, BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * capMs);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or AttemptTimeoutException } => true,
        { Result: { } response } => AttestoErrorMapper.IsTransient(response.StatusCode),
        _ => false,
    };
}
