using System.Net;
using Polly;
using Polly.Retry;

namespace Lucairn.Http;

/// <summary>
/// The Polly.Core retry pipeline for idempotent GETs: 429/502/503/504 and transport errors,
/// (including a connection broken while reading the body), jittered exponential back-off, <c>Retry-After</c> honoured (capped at <see cref="MaxDelay"/>).
/// </summary>
internal static class RetryPipeline
{
    /// <summary>The first back-off step before jitter.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also the cap on <c>Retry-After</c>.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    internal static ResiliencePipeline<RawResponse> Create(int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        if (maxRetries == 0)
        {
            return ResiliencePipeline<RawResponse>.Empty;
        }

        var options = new RetryStrategyOptions<RawResponse>
        {
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = MaxDelay,
            ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Outcome)),
            DelayGenerator = static args => ValueTask.FromResult(
                args.Outcome.Result?.RetryAfter is { } retryAfter ? (TimeSpan?)Clamp(retryAfter) : null),
            OnRetry = Shared.Telemetry.RetryTelemetry.OnRetry,
        };
        return new ResiliencePipelineBuilder<RawResponse>
        {
            TimeProvider = timeProvider,
            TelemetryListener = logger is null ? null : new Shared.Http.RetryLogListener<RawResponse>(logger, "Lucairn", static r => r.Status),
        }.AddRetry(options).Build();
    }

    internal static bool IsRetryableStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.BadGateway
            or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;

    private static bool IsRetryable(Outcome<RawResponse> outcome) =>
        outcome.Exception is HttpRequestException or IOException || (outcome.Result is { } result && IsRetryableStatus(result.Status));

    private static TimeSpan Clamp(TimeSpan retryAfter) =>
        retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > MaxDelay ? MaxDelay : retryAfter;
}
