using Shared.Http;
using System.Net;
using Lucairn.Http;
using Newtonsoft.Json.Linq;
using Refit;

namespace Lucairn;

/// <summary>
/// The Lucairn gateway client: proxy messages, privacy certificates (fetch, wait and offline
/// verification), certificate summaries and the audit export. One <see cref="HttpClient"/> is
/// reused for every call. Idempotent GETs are retried on 429/502/503/504 and transport errors;
/// <see cref="SendMessagesAsync"/> is never retried.
/// </summary>
/// <remarks>
/// Thread-safe: one instance can be shared and used concurrently; create one per configuration and reuse it.
/// </remarks>
public partial class LucairnClient : IDisposable
{
    private static readonly RefitSettings Settings = new(new Shared.Http.NewtonsoftContentSerializer());

    private readonly ValidatedOptions? _config;
    private readonly LucairnTransport? _transport;
    // Ours in both constructors: over our handler, or over the caller's client.
    private readonly HttpClient? _refitHttpClient;
    private readonly HttpSender? _sender;
    private int _disposed;

    /// <summary>
    /// Creates a client for the production gateway (<see cref="LucairnClientOptions.DefaultBaseUrl"/>)
    /// with default settings; it owns its <see cref="HttpClient"/> (released by <see cref="Dispose()"/>).
    /// </summary>
    /// <param name="apiKey">The API key (<c>lcr_live_…</c>); validated now.</param>
    /// <exception cref="LucairnValidationException">The key is missing or malformed (<see cref="LucairnValidationException.ParamName"/> <c>apiKey</c>).</exception>
    public LucairnClient(string apiKey)
        : this(ValidatedOptions.From(new LucairnClientOptions { ApiKey = apiKey }, nameof(apiKey)), httpClient: null)
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/> (released by <see cref="Dispose()"/>).</summary>
    /// <param name="options">The settings; validated and copied now (later changes have no effect).</param>
    /// <exception cref="LucairnValidationException">A setting is invalid; <see cref="LucairnValidationException.ParamName"/> names it.</exception>
    public LucairnClient(LucairnClientOptions options)
        : this(ValidatedOptions.From(options), httpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through a caller-owned <see cref="HttpClient"/>; it is never
    /// disposed by this client, and its own <see cref="HttpClient.Timeout"/> and default headers still apply.
    /// </summary>
    /// <param name="options">The settings; validated and copied now (later changes have no effect).</param>
    /// <param name="httpClient">The caller's client; its base address is not used.</param>
    /// <exception cref="LucairnValidationException">A setting is invalid or <paramref name="httpClient"/> is null; <see cref="LucairnValidationException.ParamName"/> names it.</exception>
    public LucairnClient(LucairnClientOptions options, HttpClient httpClient)
        : this(ValidatedOptions.From(options), httpClient ?? throw new LucairnValidationException("httpClient must not be null.", nameof(httpClient)))
    {
    }

    /// <summary>For mocking frameworks only: a client with no configuration whose members must be overridden.</summary>
    protected LucairnClient()
    {
    }

    private LucairnClient(ValidatedOptions config, HttpClient? httpClient)
    {
        _config = config;
        _sender = httpClient is null ? HttpSender.Owned(Caps(config)) : HttpSender.Over(httpClient, Caps(config));
        _refitHttpClient = CreateRefitClient(_sender, config);
        _transport = new LucairnTransport(RestService.For<ILucairnApi>(_refitHttpClient, Settings), config, _sender);
    }

    /// <summary>The validated base URL, trailing slashes removed.</summary>
    public virtual Uri BaseUrl => new(Config.BaseUrl, UriKind.Absolute);

    /// <summary>The default timeout of each request.</summary>
    public virtual TimeSpan Timeout => Config.Timeout;

    /// <summary>The response body cap in bytes.</summary>
    public virtual long MaxResponseBytes => Config.MaxResponseBytes;

    /// <summary>The number of automatic retries of idempotent GETs.</summary>
    public virtual int MaxRetries => Config.MaxRetries;

    private ValidatedOptions Config => _config ?? throw NotConfigured();

    private LucairnTransport Transport
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _transport ?? throw NotConfigured();
        }
    }

    /// <summary>
    /// <c>POST /api/v1/proxy/messages</c>. Returns a <see cref="ProxySyncResponse"/> (terminal
    /// result) or a <see cref="ProxyAcceptedResponse"/> (status <c>processing</c>). Never retried.
    /// </summary>
    /// <param name="request">The request; <c>Stream = true</c> is rejected before sending.</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed answer.</returns>
    /// <exception cref="LucairnValidationException">The request or an option is invalid (nothing was sent).</exception>
    /// <exception cref="LucairnApiException">
    /// The gateway answered non-2xx (a subclass per status: <see cref="LucairnBadRequestException"/>,
    /// <see cref="LucairnAuthenticationException"/>, <see cref="LucairnForbiddenException"/>, …), the call
    /// timed out (<see cref="LucairnTimeoutException"/>) or the connection failed (<see cref="LucairnConnectionException"/>).
    /// </exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body did not match either model.</exception>
    public virtual Task<ProxyResponse> SendMessagesAsync(ProxyMessagesRequest request, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("SendMessagesAsync", "POST", _config?.BaseUrl, () => MessagesCoreAsync(request, options, cancellationToken));

    private async Task<ProxyResponse> MessagesCoreAsync(ProxyMessagesRequest request, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        MessagesRequestValidator.Validate(request);
        RawResponse raw = await Transport.SendAsync(
            nameof(SendMessagesAsync), (api, headers, token) => api.SendMessagesAsync(request, headers, token), options, idempotent: false, cancellationToken).ConfigureAwait(false);
        raw.ThrowIfOverCap(Config.MaxResponseBytes);
        raw.ThrowIfNotSuccess();
        JToken? json = raw.TryParseJson();
        return json is JObject body && body.TryGetValue("status", StringComparison.Ordinal, out JToken? status)
            && status is JValue { Type: JTokenType.String, Value: ProxyAcceptedResponse.ProcessingStatus }
            ? ResponseModels.Read<ProxyAcceptedResponse>(raw, json)
            : ResponseModels.Read<ProxySyncResponse>(raw, json);
    }

    /// <summary>
    /// <c>GET /api/v1/veil/certificate/{requestId}/summary</c>: the server-rendered HTML summary
    /// (every tier). Treat the HTML as untrusted.
    /// </summary>
    /// <param name="requestId">The request id (percent-encoded as one path segment).</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The HTML text, unchanged.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="requestId"/> or an option is invalid.</exception>
    /// <exception cref="LucairnApiException">202 (summary not assembled yet; <see cref="LucairnApiException.RetryAfter"/> says when to ask again) or non-2xx (a subclass per status); the body is the text.</exception>
    public virtual Task<string> GetCertificateSummaryAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("GetCertificateSummaryAsync", "GET", _config?.BaseUrl, () => GetCertificateSummaryCoreAsync(requestId, options, cancellationToken));

    private async Task<string> GetCertificateSummaryCoreAsync(string requestId, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        string id = RequestIds.Validate(requestId);
        RawResponse raw = await Transport.SendAsync(
            nameof(GetCertificateSummaryAsync), (api, headers, token) => api.GetCertificateSummaryAsync(id, headers, token), options, idempotent: true, cancellationToken).ConfigureAwait(false);
        raw.ThrowIfOverCap(Config.MaxResponseBytes);
        if (raw.Status == (int)HttpStatusCode.Accepted)
        {
            throw raw.Error("Veil certificate summary is not yet assembled; retry after the indicated delay.", CertificatePending.RetryAfterOf(raw));
        }

        raw.ThrowIfNotSuccess();
        return raw.Text;
    }

    /// <summary><c>GET /api/v1/audit/export</c>: the organisation's audit events.</summary>
    /// <param name="options">Days (1 to 90), event type, per-call timeout and headers; null for gateway defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The export.</returns>
    /// <exception cref="LucairnValidationException">An option is invalid.</exception>
    /// <exception cref="LucairnApiException">Non-2xx (a subclass per status), for example <see cref="LucairnServerException"/> 503 <c>audit_export_unavailable</c>.</exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body did not match the model.</exception>
    public virtual Task<AuditExportResponse> ListAuditEventsAsync(AuditExportOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("ListAuditEventsAsync", "GET", _config?.BaseUrl, () => ListAuditEventsCoreAsync(options, cancellationToken));

    private async Task<AuditExportResponse> ListAuditEventsCoreAsync(AuditExportOptions? options, CancellationToken cancellationToken)
    {
        if (options?.Days is { } days && days is < AuditExportOptions.MinDays or > AuditExportOptions.MaxDays)
        {
            throw new LucairnValidationException(
                $"options.Days (days) must be between {AuditExportOptions.MinDays} and {AuditExportOptions.MaxDays}, got {days}.", "options.Days");
        }

        if (options?.Type is { } type)
        {
            TextRules.RequireUrlSafe(type, "options.Type (type)", "options.Type");
        }

        int? queryDays = options?.Days;
        string? queryType = options?.Type;
        RawResponse raw = await Transport.SendAsync(
            nameof(ListAuditEventsAsync), (api, headers, token) => api.ListAuditEventsAsync(queryDays, queryType, headers, token), options, idempotent: true, cancellationToken).ConfigureAwait(false);
        return ReadJson<AuditExportResponse>(raw);
    }

    /// <summary>Releases the client's own <see cref="HttpClient"/> (a caller-owned one is left alone).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _refitHttpClient?.Dispose();
            _sender?.Dispose();
        }
    }

    private T ReadJson<T>(RawResponse raw)
        where T : class
    {
        raw.ThrowIfOverCap(Config.MaxResponseBytes);
        raw.ThrowIfNotSuccess();
        return ResponseModels.Read<T>(raw, raw.TryParseJson());
    }

    // One cap for every status: an error body keeps its prefix too (spec §3).
    private static BodyCaps Caps(ValidatedOptions config) => new(config.MaxResponseBytes, config.MaxResponseBytes);

    private static HttpClient CreateRefitClient(HttpSender sender, ValidatedOptions config) =>
        new(RequestLoggingHandler.Wrap(config.Logger, "Lucairn", new SenderHandler(sender)), disposeHandler: true)
        {
            BaseAddress = new Uri(config.BaseUrl, UriKind.Absolute),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    private static InvalidOperationException NotConfigured() =>
        new("This LucairnClient was created with the protected parameterless constructor (for mocking); override the member or use a public constructor.");
}
