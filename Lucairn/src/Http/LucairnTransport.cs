using System.Net;
using Polly;
using Refit;
using Shared.Http;

namespace Lucairn.Http;

/// <summary>
/// Runs one gateway call through <see cref="ILucairnApi"/> on the shared transport core
/// (<see cref="TransportCore"/>): per-attempt timeout on the injected clock covering the body
/// read, bounded body read, retries of idempotent GETs, and the transport error mapping of spec §3.
/// </summary>
internal sealed class LucairnTransport
{
    /// <summary>The first back-off step before jitter.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also the cap on <c>Retry-After</c>.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly ILucairnApi _api;
    private readonly ValidatedOptions _config;
    private readonly TransportCore _core;
    private readonly ResiliencePipeline<BufferedResponse> _retry;
    private readonly ResiliencePipeline<BufferedResponse> _once;

    internal LucairnTransport(ILucairnApi api, ValidatedOptions config, HttpSender sender)
    {
        _api = api;
        _config = config;
        _core = new TransportCore(sender, config.TimeProvider);
        _retry = RetryPipelineFactory.Build(Policy(config.MaxRetries), config.TimeProvider, config.Logger, "Lucairn");
        _once = RetryPipelineFactory.Build(RetryPolicy.None, config.TimeProvider, config.Logger, "Lucairn");
    }

    internal delegate Task<HttpResponseMessage> ApiCall(ILucairnApi api, IDictionary<string, string> headers, CancellationToken cancellationToken);

    /// <summary>
    /// Lucairn's retry policy (idempotent GETs only): 429/502/503/504 and connection failures
    /// (including a connection broken mid-body); jittered exponential back-off from
    /// <see cref="BaseDelay"/>; <c>Retry-After</c> honoured up to <see cref="MaxDelay"/>.
    /// </summary>
    internal static RetryPolicy Policy(int maxRetries) => new(
        maxRetries,
        IsRetryableStatus,
        TransportFailure.IsConnection,
        static attempt =>
        {
            double step = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
            return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * Random.Shared.NextDouble())));
        },
        MaxDelay);

    internal static bool IsRetryableStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.BadGateway
            or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;

    /// <summary>Sends the call; <paramref name="idempotent"/> enables the retry pipeline.</summary>
    /// <param name="operation">The public operation (it starts every error message).</param>
    /// <param name="call">The Refit call.</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="idempotent">True to retry on the policy's statuses and failures.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    internal async Task<RawResponse> SendAsync(string operation, ApiCall call, LucairnRequestOptions? options, bool idempotent, CancellationToken cancellationToken)
    {
        TimeSpan timeout = options?.Timeout is { } perCall ? ValidatedOptions.ValidateTimeout(perCall, "options.Timeout") : _config.Timeout;
        Dictionary<string, string> headers = RequestHeaders.Build(options?.Headers, _config.ApiKey);
        try
        {
            using BufferedResponse answer = await _core.SendAsync(
                idempotent ? _retry : _once,
                timeout,
                _config.ApiKey,
                token => call(_api, new Dictionary<string, string>(headers, StringComparer.Ordinal), token),
                cancellationToken).ConfigureAwait(false);
            // A plain 2xx needs nothing more; every other answer keeps the facts its error (or 202 result) reports.
            ApiErrorDetails? details = answer.IsSuccessStatusCode && answer.Status != (int)HttpStatusCode.Accepted
                ? null
                : ApiErrorDetails.From(answer, _config.TimeProvider);
            return new RawResponse(operation, answer.Status, answer.ReasonPhrase ?? string.Empty, answer.Body, answer.OverCap, details);
        }
        catch (AttemptTimeoutException ex)
        {
            throw LucairnErrorMapper.Timeout(operation, timeout, ex.InnerException);
        }
        catch (RedirectRefusedException ex)
        {
            throw LucairnErrorMapper.Connection(operation, ex);
        }
        catch (Exception ex) when (TransportFailure.IsConnection(ex))
        {
            // IOException: the connection broke while the body was being read.
            throw LucairnErrorMapper.Connection(operation, ex);
        }
        catch (ApiExceptionBase ex)
        {
            // Refit's own exception types never reach the caller.
            throw LucairnErrorMapper.Connection(operation, ex.InnerException ?? ex);
        }
    }
}
