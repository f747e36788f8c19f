using Shared.Http;
using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refit;

namespace Nomyo.Http;

/// <summary>
/// The HTTP side of a client: one <see cref="HttpClient"/> for every call and every base URL,
/// Refit proxies of <see cref="INomyoApi"/>, the Polly.Core retry + per-attempt timeout
/// pipelines, capped body reads, and the mapping of transport failures to
/// <see cref="NomyoConnectionException"/>. Status codes are returned, not thrown.
/// </summary>
internal sealed class NomyoTransport : IDisposable
{
    /// <summary>How much of an error body is kept (the rest is dropped, not rejected).</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    private static readonly RefitSettings Settings = new(new Shared.Http.NewtonsoftContentSerializer());

    private readonly HttpClient? _ownedClient;
    private readonly ForwardingHandler _forwarder;
    private readonly ConcurrentDictionary<string, (HttpClient Client, INomyoApi Api)> _apis = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline<HttpResult> _idempotentPipeline;
    private readonly ResiliencePipeline<HttpResult> _postPipeline;
    private readonly NomyoClientOptions _options;

    internal NomyoTransport(NomyoClientOptions options, HttpClient? httpClient)
    {
        _options = options;
        if (httpClient is null)
        {
            // The pipeline owns timeouts; pooled connections are recycled so DNS changes are seen;
            // redirects are not followed (as upstream): a 3xx is an error, never a re-POST elsewhere.
            _ownedClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
        }

        _forwarder = new ForwardingHandler(httpClient ?? _ownedClient!);
        _idempotentPipeline = BuildPipeline(options, idempotent: true);
        _postPipeline = BuildPipeline(options, idempotent: false);
    }

    /// <summary>The Refit proxy for <paramref name="baseUrl"/> (created once per URL, all sharing one HttpClient).</summary>
    private INomyoApi ApiFor(string baseUrl) =>
        _apis.GetOrAdd(baseUrl, url =>
        {
            var client = new HttpClient(RequestLoggingHandler.Wrap(_options.Logger, "Nomyo", _forwarder), disposeHandler: false)
            {
                BaseAddress = new Uri(url),
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            return (client, RestService.For<INomyoApi>(client, Settings));
        }).Api;

    /// <summary>Sends an idempotent request (the key fetch): every connection failure is retried.</summary>
    internal Task<HttpResult> SendIdempotentAsync(string baseUrl, Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(_idempotentPipeline, baseUrl, send, cancellationToken);

    /// <summary>Sends the completion POST: only failures before the request left are retried.</summary>
    internal Task<HttpResult> SendPostAsync(string baseUrl, Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(_postPipeline, baseUrl, send, cancellationToken);

    public void Dispose()
    {
        foreach (var (client, _) in _apis.Values)
        {
            client.Dispose();
        }

        _apis.Clear();
        _ownedClient?.Dispose();
    }

    private async Task<HttpResult> SendAsync(
        ResiliencePipeline<HttpResult> pipeline,
        string baseUrl,
        Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        INomyoApi api = ApiFor(baseUrl);
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    using HttpResponseMessage response = await SendUnwrappedAsync(send, api, token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    Shared.Telemetry.RetryTelemetry.OnResponse(status);
                    byte[] body = await ReadBodyAsync(response.Content, status == 200, baseUrl, token).ConfigureAwait(false);
                    return new HttpResult(status, body, RetryAfterOf(response));
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new NomyoConnectionException($"The request to {baseUrl} timed out after {_options.Timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NomyoConnectionException($"The request to {baseUrl} timed out (HttpClient.Timeout).", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ApiRequestException)
        {
            throw new NomyoConnectionException($"Failed to connect to router at {baseUrl}: {ex.Message}", ex);
        }
    }

    /// <summary>Refit wraps transport failures in <see cref="ApiRequestException"/>; the pipeline and the error mapping need the original.</summary>
    private static async Task<HttpResponseMessage> SendUnwrappedAsync(Func<INomyoApi, CancellationToken, Task<HttpResponseMessage>> send, INomyoApi api, CancellationToken token)
    {
        try
        {
            return await send(api, token).ConfigureAwait(false);
        }
        catch (ApiRequestException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpContent content, bool success, string baseUrl, CancellationToken cancellationToken)
    {
        long cap = success ? _options.MaxResponseBytes : MaxErrorBodyBytes;
        if (success && content.Headers.ContentLength > cap)
        {
            throw new NomyoSecurityException($"The response from {baseUrl} announces {content.Headers.ContentLength} bytes; the limit is {cap} (NomyoClientOptions.MaxResponseBytes).");
        }

        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            long room = cap - buffer.Length;
            if (read > room)
            {
                if (success)
                {
                    throw new NomyoSecurityException($"The response from {baseUrl} exceeds {cap} bytes (NomyoClientOptions.MaxResponseBytes).");
                }

                buffer.Write(chunk, 0, (int)room);
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ResiliencePipeline<HttpResult> BuildPipeline(NomyoClientOptions options, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<HttpResult>
        {
            TimeProvider = options.TimeProvider,
            TelemetryListener = options.Logger is null ? null : new RetryLogListener<HttpResult>(options.Logger, "Nomyo", static r => r.Status),
        };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResult>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.RetryServerErrors, idempotent)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay.For(args.AttemptNumber, args.Outcome.Result?.RetryAfter, options.MaxRetryDelay)),
                OnRetry = Shared.Telemetry.RetryTelemetry.OnRetry,
            });
        }

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResult> outcome, bool retryServerErrors, bool idempotent) => outcome switch
    {
        { Result: { } result } => result.Status is 429 or 502 or 503 or 504 || (retryServerErrors && result.Status == 500),
        { Exception: HttpRequestException ex } => idempotent || ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        { Exception: IOException } => idempotent,
        _ => false,
    };
}
