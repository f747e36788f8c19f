using Polly;
using Polly.Retry;

namespace Shared.Telemetry;

/// <summary>The retry policies' hook: counts a retry on the operation running on this async flow.</summary>
internal static class RetryTelemetry
{
    /// <summary>Records one retry (a Polly <c>OnRetry</c> callback; free when nothing listens).</summary>
    /// <typeparam name="TResult">The pipeline's result type.</typeparam>
    /// <param name="args">The retry arguments.</param>
    /// <returns>A completed task.</returns>
    internal static ValueTask OnRetry<TResult>(OnRetryArguments<TResult> args)
    {
        ClientOperation.Current?.RecordRetry(args.Outcome.Exception);
        return default;
    }

    /// <summary>Records the status code of an answer on the current operation (free when nothing listens).</summary>
    /// <param name="status">The HTTP status code.</param>
    internal static void OnResponse(int status) => ClientOperation.Current?.SetStatus(status);
}
