using System.Collections.Concurrent;
using Polly;
using Refit;
using Shared.Http;

namespace Nomyo.Http;

/// <summary>
/// The HTTP side of a client, on the shared transport core (<see cref="TransportCore"/>): one
/// sender for every call and every base URL (an owned handler that never follows redirects, or
/// the caller's <see cref="HttpClient"/>), Refit proxies of <see cref="INomyoApi"/>, NOMYO's retry
/// policy, the per-attempt timeout covering the body read, capped body reads, and the mapping of
/// transport failures to <see cref="NomyoTimeoutException"/> and <see cref="NomyoConnectionException"/>. Status codes are returned, not thrown.
/// </summary>
internal sealed class NomyoTransport : IDisposable
{
    /// <summary>How much of an error body is kept (the rest is dropped, not rejected).</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    private static readonly RefitSettings Settings = new(new NewtonsoftContentSerializer());

    private readonly HttpSender _sender;
    private readonly SenderHandler _handler;
    private readonly TransportCore _core;
    private readonly ConcurrentDictionary<string, (HttpClient Client, INomyoApi Api)> _apis = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline<BufferedResponse> _idempotentPipeline;
    private readonly ResiliencePipeline<BufferedResponse> _postPipeline;
    private readonly NomyoClientOptions _options;

    internal NomyoTransport(NomyoClientOptions options, HttpClient? httpClient)
    {
        _options = options;
        var caps = new BodyCaps(options.MaxResponseBytes, MaxErrorBodyBytes);
        _sender = httpClient is null ? HttpSender.Owned(caps) : HttpSender.Over(httpClient, caps);
        _handler = new SenderHandler(_sender);
        _core = new TransportCore(_sender, options.TimeProvider);
        _idempotentPipeline = RetryPipelineFactory.Build(Policy(options, idempotent: true), options.TimeProvider, options.Logger, "Nomyo");
        _postPipeline = RetryPipelineFactory.Build(Policy(options, idempotent: false), options.TimeProvider, options.Logger, "Nomyo");
    }

    /// <summary>
    /// NOMYO's retry policy: 429/502/503/504 (and 500 with <see cref="NomyoClientOptions.RetryServerErrors"/>);
    /// every connection failure for the key fetch, only failures before the request left for the
    /// completion POST; the server's <c>Retry-After</c>, else 1 s, 2 s, 4 s… ±20 % jitter, both
    /// capped at <see cref="NomyoClientOptions.MaxRetryDelay"/>.
    /// </summary>
    internal static RetryPolicy Policy(NomyoClientOptions options, bool idempotent)
    {
        bool retryServerErrors = options.RetryServerErrors;
        TimeSpan cap = options.MaxRetryDelay;
        return new RetryPolicy(
            options.MaxRetries,
            status => status is 429 or 502 or 503 or 504 || (retryServerErrors && status == 500),
            idempotent ? TransportFailure.IsConnection : TransportFailure.IsBeforeSend,
            attempt => RetryAfter.Clamp(TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt, 30)) * (0.8 + (0.4 * Random.Shared.NextDouble()))), cap),
            cap);
    }

    /// <summary>The Refit proxy for <paramref name="baseUrl"/> (created once per URL, all sharing one sender).</summary>
    private INomyoApi ApiFor(string baseUrl) =>
        _apis.GetOrAdd(baseUrl, url =>
        {
            var client = new HttpClient(RequestLoggingHandler.Wrap(_options.Logger, "Nomyo", _handler), disposeHandler: false)
            {
                BaseAddress = new Uri(url),
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            return (client, RestService.For<INomyoApi>(client, Settings));
        }).Api;

    /// <summary>Sends an idempotent request (the key fetch): every connection failure is retried.</summary>
    internal Task<HttpResult> SendIdempotentAsync(string baseUrl, string operation, Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(_idempotentPipeline, baseUrl, operation, _options.ApiKey, send, cancellationToken);

    /// <summary>Sends the completion POST: only failures before the request left are retried.</summary>
    /// <param name="baseUrl">The router.</param>
    /// <param name="operation">The call for error messages, e.g. <c>POST /v1/chat/secure_completion</c>.</param>
    /// <param name="apiKey">The key sent with this call, scrubbed from any error body that echoes it.</param>
    /// <param name="send">The Refit call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal Task<HttpResult> SendPostAsync(string baseUrl, string operation, string? apiKey, Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(_postPipeline, baseUrl, operation, apiKey, send, cancellationToken);

    public void Dispose()
    {
        foreach (var (client, _) in _apis.Values)
        {
            client.Dispose();
        }

        _apis.Clear();
        _handler.Dispose();
        _sender.Dispose();
    }

    private async Task<HttpResult> SendAsync(
        ResiliencePipeline<BufferedResponse> pipeline,
        string baseUrl,
        string operation,
        string? apiKey,
        Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        INomyoApi api = ApiFor(baseUrl);
        BufferedResponse answer;
        try
        {
            answer = await _core.SendAsync(pipeline, _options.Timeout, apiKey, token => send(api, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptTimeoutException ex)
        {
            throw NomyoErrorMapper.Timeout($"{operation} to {baseUrl}", _options.Timeout, ex);
        }
        catch (RedirectRefusedException ex)
        {
            throw NomyoErrorMapper.Connection($"{operation} to {baseUrl}", $"redirect refused: {ex.Message}", ex);
        }
        catch (Exception ex) when (TransportFailure.IsConnection(ex) || ex is ApiExceptionBase)
        {
            throw NomyoErrorMapper.Connection($"{operation} to {baseUrl}", $"could not connect to the router: {ex.Message}", ex);
        }

        using (answer)
        {
            if (answer.Status == 200 && answer.OverCap)
            {
                throw new NomyoSecurityException(NomyoSecurityReason.ResponseTooLarge, $"The response from {baseUrl} exceeds {_options.MaxResponseBytes} bytes (NomyoClientOptions.MaxResponseBytes).");
            }

            return new HttpResult(answer.Status, answer.Body, answer.Status == 200 ? null : ApiErrorDetails.From(answer, _options.TimeProvider));
        }
    }
}
