using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Polly;
using Refit;

namespace Lucairn.Http;

/// <summary>
/// Runs one gateway call through <see cref="ILucairnApi"/>: per-attempt timeout on the injected
/// clock, bounded body read, optional retries, and the transport error mapping of spec §3.
/// </summary>
internal sealed class LucairnTransport
{
    private readonly ILucairnApi _api;
    private readonly ValidatedConfig _config;
    private readonly ResiliencePipeline<RawResponse> _retry;

    internal LucairnTransport(ILucairnApi api, ValidatedConfig config)
    {
        _api = api;
        _config = config;
        _retry = RetryPipeline.Create(config.MaxRetries, config.TimeProvider, config.Logger);
    }

    internal delegate Task<HttpResponseMessage> ApiCall(ILucairnApi api, IDictionary<string, string> headers, CancellationToken cancellationToken);

    /// <summary>Sends the call; <paramref name="idempotent"/> enables the retry pipeline.</summary>
    internal async Task<RawResponse> SendAsync(ApiCall call, MessagesOptions? options, bool idempotent, CancellationToken cancellationToken)
    {
        TimeSpan timeout = options?.Timeout is { } perCall ? ValidatedConfig.ValidateTimeout(perCall, "options.Timeout") : _config.Timeout;
        Dictionary<string, string> headers = RequestHeaders.Build(options?.Headers, _config.ApiKey);
        var state = (Transport: this, Call: call, Headers: headers, Timeout: timeout, Caller: cancellationToken);
        try
        {
            ResiliencePipeline<RawResponse> pipeline = idempotent ? _retry : ResiliencePipeline<RawResponse>.Empty;
            return await pipeline.ExecuteAsync(
                static (s, token) => new ValueTask<RawResponse>(s.Transport.AttemptAsync(s.Call, s.Headers, s.Timeout, s.Caller, token)),
                state,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // IOException: the connection broke while the body was being read.
            throw new LucairnException($"Request failed: {ex.Message}", ex);
        }
        catch (ApiExceptionBase ex)
        {
            // Refit's own exception types never reach the caller.
            throw new LucairnException($"Request failed: {ex.Message}", ex.InnerException);
        }
    }

    private async Task<RawResponse> AttemptAsync(ApiCall call, Dictionary<string, string> headers, TimeSpan timeout, CancellationToken caller, CancellationToken pipelineToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _config.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(pipelineToken, timeoutSource.Token);
        try
        {
            using HttpResponseMessage response = await call(_api, new Dictionary<string, string>(headers, StringComparer.Ordinal), linked.Token).ConfigureAwait(false);
            Shared.Telemetry.RetryTelemetry.OnResponse((int)response.StatusCode);
            var (body, overCap) = await BoundedBody.ReadAsync(response.Content, _config.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            return new RawResponse((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body, overCap, RetryAfterOf(response.Headers.RetryAfter));
        }
        catch (Exception ex) when (!caller.IsCancellationRequested && Unwrap(ex) is OperationCanceledException cancelled
            && (timeoutSource.IsCancellationRequested || cancelled.InnerException is TimeoutException))
        {
            throw new LucairnTimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"Request timed out after {timeout.TotalSeconds:0.###}s"), cancelled);
        }
        catch (ApiRequestException ex) when (ex.InnerException is HttpRequestException or OperationCanceledException)
        {
            // Refit wraps transport failures; surface the real cause (the retry pipeline and the
            // caller's cancellation handling see the BCL type, never Refit's).
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private static Exception Unwrap(Exception ex) => ex is ApiRequestException { InnerException: { } inner } ? inner : ex;

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? retryAfter) =>
        retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _config.TimeProvider.GetUtcNow() : null);
}
