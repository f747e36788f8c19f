using System.Net.Http.Headers;
using Polly;
using Shared.Http;

namespace Attesto.Http;

/// <summary>
/// The Attesto transport stage, placed under the Refit client: for each logical request it adds
/// the SDK headers (bearer credential, <c>X-Attesto-Sdk</c>, <c>X-Attesto-Protocol</c>,
/// User-Agent, and an <c>Idempotency-Key</c> on writes that lack one), runs every attempt on the
/// shared transport core (<see cref="TransportCore"/>: retry pipeline, per-attempt timeout
/// covering the body read, capped streamed read, no redirects), and turns every final
/// non-success answer or transport failure into an <see cref="AttestoApiException"/> (<see cref="AttestoErrorMapper"/>). Each attempt
/// sends a fresh copy of the request, so the same idempotency key goes out on every retry, and a
/// caller-owned <see cref="HttpClient"/> can be the sender.
/// </summary>
internal sealed class AttestoHttpHandler : HttpMessageHandler
{
    /// <summary>The largest response body accepted (bytes).</summary>
    internal const int MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The most error-body bytes read for the exception detail.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The longest <c>Retry-After</c> the SDK waits.</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The largest jittered back-off step.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>The base of the exponential back-off.</summary>
    internal static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(500);

    private readonly HttpSender _sender;
    private readonly TransportCore _core;
    private readonly string? _credential;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<BufferedResponse> _pipeline;

    /// <summary>Creates the stage.</summary>
    /// <param name="sender">Sends each attempt: over the caller's <see cref="HttpClient"/> or an owned handler; disposed with this stage.</param>
    /// <param name="credential">The bearer credential, or null for anonymous use.</param>
    /// <param name="userAgent">The User-Agent value.</param>
    /// <param name="timeout">The per-attempt time limit.</param>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="timeProvider">The clock for back-off and timeouts.</param>
    /// <param name="logger">Where retries are logged; null for none.</param>
    internal AttestoHttpHandler(HttpSender sender, string? credential, string userAgent, TimeSpan timeout, int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        _sender = sender;
        _core = new TransportCore(sender, timeProvider);
        _credential = credential;
        _userAgent = userAgent;
        _timeout = timeout;
        _timeProvider = timeProvider;
        _pipeline = RetryPipelineFactory.Build(Policy(maxRetries), timeProvider, logger, "Attesto");
    }

    /// <summary>The body caps of every Attesto sender.</summary>
    internal static BodyCaps Caps { get; } = new(MaxResponseBytes, MaxErrorBodyBytes);

    /// <summary>
    /// A request option that makes this stage return a final non-success answer (buffered)
    /// instead of throwing; used by diagnostics that need the status and headers.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> ReturnErrorResponses = new("Attesto.ReturnErrorResponses");

    /// <summary>
    /// Attesto's retry policy, for every method (writes carry an idempotency key): 5xx, 429,
    /// connection failures (including a body cut off mid-way) and attempt timeouts; the server's
    /// <c>Retry-After</c> up to <see cref="MaxRetryAfter"/>, otherwise full-jitter exponential
    /// back-off: random(0, min(<see cref="MaxBackoff"/>, <see cref="BaseBackoff"/> × 2^n)).
    /// </summary>
    internal static RetryPolicy Policy(int maxRetries) => new(
        maxRetries,
        static status => status >= 500 || status == 429,
        TransportFailure.IsTransient,
        static attempt => TimeSpan.FromMilliseconds(
            Random.Shared.NextDouble() * Math.Min(MaxBackoff.TotalMilliseconds, BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)))),
        MaxRetryAfter);

    /// <summary>Whether a request path is served without authentication (the public verify endpoint).</summary>
    internal static bool IsAnonymousPath(string path) => path.Contains("/v1/public/", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new AttestoException("The request has no URI.");
        string method = request.Method.Method;
        string path = uri.AbsolutePath;
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? idempotencyKey = IsWrite(request.Method) && !request.Headers.Contains(AttestoProtocol.IdempotencyKeyHeader)
            ? AttestoTransport.NewIdempotencyKey()
            : null;

        BufferedResponse response;
        try
        {
            response = await _core.SendAsync(
                _pipeline,
                _timeout,
                _credential,
                async token =>
                {
                    using HttpRequestMessage attempt = CopyWithHeaders(request, body, idempotencyKey);
                    return await _sender.SendAsync(attempt, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
        }
        catch (AttemptTimeoutException ex)
        {
            throw AttestoErrorMapper.Timeout(method, path, _timeout, ex);
        }
        catch (RedirectRefusedException ex)
        {
            throw AttestoErrorMapper.Connection(method, path, ex.Message, ex);
        }
        catch (Exception ex) when (TransportFailure.IsConnection(ex))
        {
            throw AttestoErrorMapper.Connection(method, path, $"the Attesto service could not be reached or the connection broke ({ex.Message})", ex);
        }

        if (response.IsSuccessStatusCode && response.OverCap)
        {
            response.Dispose();
            throw new AttestoException($"{method} {path}: the response is larger than the {MaxResponseBytes / (1024 * 1024)} MiB limit.");
        }

        if (!response.IsSuccessStatusCode && !(request.Options.TryGetValue(ReturnErrorResponses, out bool returnErrors) && returnErrors))
        {
            using (response)
            {
                throw AttestoErrorMapper.Map(method, path, response, _credential, _timeProvider);
            }
        }

        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sender.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsWrite(HttpMethod method) => method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;

    private HttpRequestMessage CopyWithHeaders(HttpRequestMessage original, byte[]? body, string? idempotencyKey)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            CopyContentHeaders(original.Content!, copy.Content);
        }

        if (_credential is not null && copy.Headers.Authorization is null && !IsAnonymousPath(original.RequestUri!.AbsolutePath))
        {
            copy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential);
        }

        if (idempotencyKey is not null)
        {
            copy.Headers.TryAddWithoutValidation(AttestoProtocol.IdempotencyKeyHeader, idempotencyKey);
        }

        copy.Headers.Remove(AttestoProtocol.SdkHeader);
        copy.Headers.TryAddWithoutValidation(AttestoProtocol.SdkHeader, AttestoProtocol.SdkIdentifier);
        copy.Headers.Remove(AttestoProtocol.ProtocolHeader);
        copy.Headers.TryAddWithoutValidation(AttestoProtocol.ProtocolHeader, AttestoProtocol.Version);
        copy.Headers.UserAgent.Clear();
        copy.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (copy.Headers.Accept.Count == 0)
        {
            copy.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return copy;
    }

    private static void CopyContentHeaders(HttpContent source, HttpContent target)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in source.Headers)
        {
            // The length is recomputed from the buffered bytes.
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                target.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }
}
