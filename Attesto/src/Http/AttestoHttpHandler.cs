using System.Net.Http.Headers;
using System.Text;
using Polly;

namespace Attesto.Http;

/// <summary>
/// The shared Attesto transport stage, placed under the Refit client: for each logical request
/// it adds the SDK headers (bearer credential, <c>X-Attesto-Sdk</c>, <c>X-Attesto-Protocol</c>,
/// User-Agent, and an <c>Idempotency-Key</c> on writes that lack one), runs every attempt
/// through the retry pipeline with a per-attempt timeout, caps the response size, and turns
/// every final non-success answer or transport failure into an <see cref="AttestoException"/>.
/// Each attempt sends a fresh copy of the request, so the same idempotency key goes out on
/// every retry, and a caller-owned <see cref="HttpClient"/> can be the sender.
/// </summary>
internal sealed class AttestoHttpHandler : HttpMessageHandler
{
    /// <summary>The largest response body accepted (bytes).</summary>
    internal const int MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The most error-body bytes read for the exception detail.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private readonly HttpMessageInvoker _sender;
    private readonly bool _ownsSender;
    private readonly string? _credential;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the stage.</summary>
    /// <param name="sender">Sends each attempt: the caller's <see cref="HttpClient"/> or an owned invoker.</param>
    /// <param name="ownsSender">Whether disposing this stage disposes <paramref name="sender"/>.</param>
    /// <param name="credential">The bearer credential, or null for anonymous use.</param>
    /// <param name="userAgent">The User-Agent value.</param>
    /// <param name="timeout">The per-attempt time limit.</param>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="timeProvider">The clock for back-off and timeouts.</param>
    /// <param name="logger">Where retries are logged; null for none.</param>
    internal AttestoHttpHandler(HttpMessageInvoker sender, bool ownsSender, string? credential, string userAgent, TimeSpan timeout, int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        _sender = sender;
        _ownsSender = ownsSender;
        _credential = credential;
        _userAgent = userAgent;
        _timeout = timeout;
        _timeProvider = timeProvider;
        _pipeline = AttestoRetryPipeline.Build(maxRetries, timeProvider, logger);
    }

    /// <summary>
    /// A request option that makes this stage return a final non-success answer (buffered)
    /// instead of throwing; used by diagnostics that need the status and headers.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> ReturnErrorResponses = new("Attesto.ReturnErrorResponses");

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
            HttpResponseMessage message = await _pipeline.ExecuteAsync(
                async token => await SendAttemptAsync(request, body, idempotencyKey, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            response = (BufferedResponse)message;
            response.RequestMessage = request;
        }
        catch (AttemptTimeoutException ex)
        {
            throw new AttestoException($"{method} {path} timed out after {_timeout.TotalSeconds:0.###} s on every attempt.", null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AttestoException($"{method} {path} failed: the Attesto service could not be reached ({ex.Message}).", null, null, ex);
        }

        if (!response.IsSuccessStatusCode && !(request.Options.TryGetValue(ReturnErrorResponses, out bool returnErrors) && returnErrors))
        {
            using (response)
            {
                string text = Encoding.UTF8.GetString(response.Body);
                TimeSpan? retryAfter = AttestoErrorMapper.RetryAfterOf(response, _timeProvider);
                throw AttestoErrorMapper.Map(method, path, (int)response.StatusCode, text, retryAfter, _credential);
            }
        }

        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSender)
        {
            _sender.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsWrite(HttpMethod method) => method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage original, byte[]? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using HttpRequestMessage attempt = CopyWithHeaders(original, body, idempotencyKey);
        try
        {
            using HttpResponseMessage answer = await _sender.SendAsync(attempt, linked.Token).ConfigureAwait(false);
            Shared.Telemetry.RetryTelemetry.OnResponse((int)answer.StatusCode);
            int limit = answer.IsSuccessStatusCode ? MaxResponseBytes : MaxErrorBodyBytes;
            byte[] bytes = await ReadCappedAsync(answer.Content, limit, truncate: !answer.IsSuccessStatusCode, original, linked.Token).ConfigureAwait(false);
            return new BufferedResponse(answer, bytes);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our per-attempt limit, or the caller-owned HttpClient's own Timeout: either way the
            // attempt timed out rather than being cancelled by the caller, so it may be retried.
            throw new AttemptTimeoutException(_timeout, ex);
        }
    }

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

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int limit, bool truncate, HttpRequestMessage original, CancellationToken cancellationToken)
    {
        if (!truncate && content.Headers.ContentLength is > MaxResponseBytes)
        {
            throw TooLarge(original);
        }

        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
            int read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > limit)
            {
                if (!truncate)
                {
                    throw TooLarge(original);
                }

                buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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

    private static AttestoException TooLarge(HttpRequestMessage original) =>
        new($"{original.Method.Method} {original.RequestUri!.AbsolutePath}: the response is larger than the {MaxResponseBytes / (1024 * 1024)} MiB limit.");

    /// <summary>A response whose body has been read (within the cap) and detached from the connection.</summary>
    private sealed class BufferedResponse : HttpResponseMessage
    {
        internal BufferedResponse(HttpResponseMessage source, byte[] body)
            : base(source.StatusCode)
        {
            Body = body;
            ReasonPhrase = source.ReasonPhrase;
            Version = source.Version;
            foreach (KeyValuePair<string, IEnumerable<string>> header in source.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            Content = new ByteArrayContent(body);
            CopyContentHeaders(source.Content, Content);
        }

        internal byte[] Body { get; }
    }
}
