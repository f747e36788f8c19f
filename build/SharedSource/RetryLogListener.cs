using Microsoft.Extensions.Logging;
using Polly.Retry;
using Polly.Telemetry;

namespace Shared.Http;

/// <summary>
/// A Polly telemetry listener that logs each retry: attempt number, what failed (a status or an
/// exception type) and the delay before the next attempt. Never a body, key or payload.
/// </summary>
/// <typeparam name="TResult">The pipeline's result type.</typeparam>
internal sealed class RetryLogListener<TResult>(ILogger logger, string vendor, Func<TResult, int?> statusOf) : TelemetryListener
{
    /// <inheritdoc />
    public override void Write<T, TArgs>(in TelemetryEventArguments<T, TArgs> args)
    {
        if (args.Arguments is OnRetryArguments<TResult> retry)
        {
            string cause = retry.Outcome.Exception is { } ex ? ex.GetType().Name
                : retry.Outcome.Result is { } result && statusOf(result) is { } status ? $"status {status}"
                : "a retryable answer";
            logger.LogWarning(
                "{Vendor} retry {Attempt} after {Cause}; waiting {DelayMs:0} ms",
                vendor, retry.AttemptNumber + 1, cause, retry.RetryDelay.TotalMilliseconds);
        }
    }
}
