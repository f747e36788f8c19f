using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Shared.Http;

/// <summary>Builds the Polly.Core retry pipeline every vendor transport runs its attempts through, from that vendor's <see cref="RetryPolicy"/>.</summary>
internal static class RetryPipelineFactory
{
    /// <summary>
    /// The pipeline: a retry strategy when <see cref="RetryPolicy.MaxRetries"/> is above 0, the
    /// server's <c>Retry-After</c> honoured up to <see cref="RetryPolicy.MaxRetryAfter"/>, else the
    /// policy's back-off; each replaced answer is disposed; each retry is logged when a logger is given and counted on the current operation's span.
    /// </summary>
    internal static ResiliencePipeline<BufferedResponse> Build(RetryPolicy policy, TimeProvider timeProvider, ILogger? logger, string vendor)
    {
        var builder = new ResiliencePipelineBuilder<BufferedResponse>
        {
            TimeProvider = timeProvider,
            TelemetryListener = logger is null ? null : new RetryLogListener<BufferedResponse>(logger, vendor, static r => r.Status),
        };
        if (policy.MaxRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<BufferedResponse>
        {
            MaxRetryAttempts = policy.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(policy, args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(policy, args.AttemptNumber, args.Outcome.Result, timeProvider)),
            OnRetry = static args =>
            {
                args.Outcome.Result?.Dispose();
                return Shared.Telemetry.RetryTelemetry.OnRetry(args);
            },
        }).Build();
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1 after <paramref name="answer"/>.</summary>
    internal static TimeSpan DelayFor(RetryPolicy policy, int attempt, HttpResponseMessage? answer, TimeProvider timeProvider) =>
        RetryAfter.Of(answer, timeProvider) is { } hint
            ? RetryAfter.Clamp(hint, policy.MaxRetryAfter)
            : policy.Backoff(attempt) is var backoff && backoff > TimeSpan.Zero ? backoff : TimeSpan.Zero;

    private static bool ShouldRetry(RetryPolicy policy, Outcome<BufferedResponse> outcome) => outcome switch
    {
        { Exception: OperationCanceledException } => false,
        { Exception: { } ex } => policy.RetryFailure(ex),
        { Result: { } answer } => policy.RetryStatus(answer.Status),
        _ => false,
    };
}
