using Attesto.Http;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// The Attesto v1 client: logs AI events (single or batches of up to 1000), fetches event
/// proofs and calls the public verifier. Validates input and applies the number policy before
/// sending, adds an <c>Idempotency-Key</c> to every write (reused on each retry), retries 5xx,
/// 429 and transport errors with jittered back-off honouring <c>Retry-After</c>, and raises
/// typed <see cref="AttestoException"/>s.
/// </summary>
/// <remarks>
/// Thread-safe: one instance can be shared and used concurrently; create one per configuration
/// and reuse it.
/// </remarks>
public class AttestoClient : IDisposable
{
    /// <summary>The largest number of events one batch may carry.</summary>
    public const int MaxBatchSize = 1000;

    private readonly AttestoTransport? _transport;
    private readonly IAttestoV1Api? _api;

    /// <summary>Creates a client for a system API key with the default settings.</summary>
    /// <param name="apiKey">An <c>atto_live_…</c> or <c>atto_test_…</c> key.</param>
    /// <exception cref="AttestoValidationException">The key is missing or malformed.</exception>
    public AttestoClient(string apiKey)
        : this(null, new AttestoClientOptions(apiKey))
    {
    }

    /// <summary>Creates a client that owns its HTTP connection pool.</summary>
    /// <param name="options">The settings, validated and copied now (later changes have no effect).</param>
    /// <exception cref="AttestoValidationException">A setting is invalid; <see cref="AttestoValidationException.ParamName"/> names it.</exception>
    public AttestoClient(AttestoClientOptions options)
        : this(null, options)
    {
    }

    /// <summary>Creates a client that sends through the caller's <see cref="HttpClient"/> (never disposed by this client).</summary>
    /// <param name="options">The settings, validated and copied now (later changes have no effect).</param>
    /// <param name="httpClient">The caller-owned client; its handlers run under the SDK's retry and header stage.</param>
    /// <exception cref="AttestoValidationException">A setting is invalid or <paramref name="httpClient"/> is null.</exception>
    public AttestoClient(AttestoClientOptions options, HttpClient httpClient)
        : this(RequireHttpClient(httpClient), options)
    {
    }

    private AttestoClient(HttpClient? callerClient, AttestoClientOptions options)
    {
        AttestoArguments.NotNull(options, nameof(options));
        _transport = new AttestoTransport(options, callerClient);
        _api = _transport.CreateApi<IAttestoV1Api>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected AttestoClient()
    {
    }

    /// <summary>Creates a client that authenticates with a bearer token instead of a system key (no key-format check).</summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>The client.</returns>
    public static AttestoClient WithBearerToken(string token) => new(AttestoClientOptions.WithBearerToken(token));

    /// <summary>
    /// Logs one event (<c>POST /v1/sdk/events</c>): a convenience for
    /// <see cref="LogEventAsync(AttestoEvent, string?, bool, CancellationToken)"/> with the event's
    /// fields as parameters (upstream's <c>log_event(...)</c> signature).
    /// </summary>
    /// <param name="type">The event type, e.g. <c>inference</c> (required).</param>
    /// <param name="status">The status, e.g. <c>verified</c> or <c>pending</c>.</param>
    /// <param name="ts">The timezone-aware source time; null means now (UTC).</param>
    /// <param name="latencyMs">The latency in milliseconds.</param>
    /// <param name="inputHash">The input hash, e.g. <c>sha256:&lt;hex&gt;</c>.</param>
    /// <param name="outputHash">The output hash.</param>
    /// <param name="payload">The payload (anonymous object, dictionary or <see cref="JToken"/>).</param>
    /// <param name="metadata">Optional metadata.</param>
    /// <param name="sourceRef">The upstream reference.</param>
    /// <param name="occurredAt">When the upstream event happened.</param>
    /// <param name="idempotencyKey">The caller's idempotency key; null generates a UUID v4.</param>
    /// <param name="preflight">Whether to check the number policy locally (default); false defers to the server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The acknowledgement (<c>id</c>, <c>system_id</c>, <c>ts</c>).</returns>
    /// <exception cref="AttestoValidationException">The input is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy (nothing was sent).</exception>
    /// <exception cref="AttestoBadRequestException">The service refused the event (400/422).</exception>
    /// <exception cref="AttestoAuthenticationException">The key was rejected (401).</exception>
    /// <exception cref="AttestoRateLimitException">Still rate-limited after every retry.</exception>
    /// <exception cref="AttestoServerException">5xx on every attempt.</exception>
    /// <exception cref="AttestoApiException">Another failed answer, a timeout or a connection failure.</exception>
    /// <exception cref="AttestoException">An unreadable answer.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The event-object overload and the upstream-parity field overload differ in their required parameters; nothing has shipped.")]
    public virtual Task<EventAck> LogEventAsync(
        string type,
        string? status = null,
        AttestoTimestamp? ts = null,
        int? latencyMs = null,
        string? inputHash = null,
        string? outputHash = null,
        object? payload = null,
        object? metadata = null,
        string? sourceRef = null,
        AttestoTimestamp? occurredAt = null,
        string? idempotencyKey = null,
        bool preflight = true,
        CancellationToken cancellationToken = default)
    {
        var evt = new AttestoEvent(type)
        {
            Status = status,
            Ts = ts,
            LatencyMs = latencyMs,
            InputHash = inputHash,
            OutputHash = outputHash,
            Payload = payload,
            Metadata = metadata,
            SourceRef = sourceRef,
            OccurredAt = occurredAt,
        };
        return LogEventAsync(evt, idempotencyKey, preflight, cancellationToken);
    }

    /// <summary>Logs one event (<c>POST /v1/sdk/events</c>).</summary>
    /// <param name="evt">The event: its type and optional fields.</param>
    /// <param name="idempotencyKey">The caller's idempotency key; null generates a UUID v4 (reused on every retry).</param>
    /// <param name="preflight">Whether to check the number policy locally (default); false defers to the server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The acknowledgement (<c>id</c>, <c>system_id</c>, <c>ts</c>).</returns>
    /// <exception cref="AttestoValidationException">The event is null or invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy (nothing was sent).</exception>
    /// <exception cref="AttestoBadRequestException">The service refused the event (400/422).</exception>
    /// <exception cref="AttestoAuthenticationException">The key was rejected (401).</exception>
    /// <exception cref="AttestoRateLimitException">Still rate-limited after every retry.</exception>
    /// <exception cref="AttestoServerException">5xx on every attempt.</exception>
    /// <exception cref="AttestoApiException">Another failed answer, a timeout or a connection failure.</exception>
    /// <exception cref="AttestoException">An unreadable answer.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The event-object overload and the upstream-parity field overload differ in their required parameters; nothing has shipped.")]
    public virtual Task<EventAck> LogEventAsync(AttestoEvent evt, string? idempotencyKey = null, bool preflight = true, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("LogEventAsync", "POST", _transport?.BaseUrl.OriginalString, () => LogEventCoreAsync(evt, idempotencyKey, preflight, cancellationToken));

    /// <summary>
    /// Logs a batch of events (<c>POST /v1/sdk/events/batch</c>). The 1000-event cap and every
    /// event's validity are checked before anything is sent, so a bad batch sends nothing.
    /// </summary>
    /// <param name="events">1 to 1000 events.</param>
    /// <param name="idempotencyKey">The caller's idempotency key; null generates a UUID v4.</param>
    /// <param name="preflight">Whether to check the number policy locally (default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many events were accepted, with any per-event acknowledgements.</returns>
    /// <exception cref="AttestoValidationException">The batch is empty, has more than 1000 events, or an event is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">An event breaks the number policy (nothing was sent); the message names the event index.</exception>
    /// <exception cref="AttestoException">See <see cref="LogEventAsync(AttestoEvent, string?, bool, CancellationToken)"/> for the service errors.</exception>
    public virtual Task<EventBatchAck> LogEventsAsync(IEnumerable<AttestoEvent> events, string? idempotencyKey = null, bool preflight = true, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("LogEventsAsync", "POST", _transport?.BaseUrl.OriginalString, () => LogEventsCoreAsync(events, idempotencyKey, preflight, cancellationToken));

    private async Task<EventBatchAck> LogEventsCoreAsync(IEnumerable<AttestoEvent> events, string? idempotencyKey, bool preflight, CancellationToken cancellationToken)
    {
        AttestoArguments.NotNull(events, nameof(events));
        IAttestoV1Api api = Api;
        List<AttestoEvent> list = [.. events];
        if (list.Count == 0)
        {
            throw new AttestoValidationException("events must hold at least one event.", "events");
        }

        if (list.Count > MaxBatchSize)
        {
            throw new AttestoValidationException($"events may hold at most {MaxBatchSize} events; got {list.Count}. Split it into several calls.", "events");
        }

        var items = new JArray();
        for (int i = 0; i < list.Count; i++)
        {
            AttestoEvent item = list[i] ?? throw new AttestoValidationException($"events[{i}] is null.", $"events[{i}]");
            items.Add(item.ToWireBody(_transport!.TimeProvider, preflight, $"events[{i}]"));
        }

        string key = CheckIdempotencyKey(idempotencyKey);
        JToken answer = await AttestoTransport.InvokeAsync(
            "log_events",
            () => api.LogEventsAsync(new JObject { ["events"] = items }, key, cancellationToken)).ConfigureAwait(false);
        return ReadBatchAck(answer);
    }

    /// <summary>Fetches the proof of an anchored event (<c>GET /v1/events/{id}/proof</c>).</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proof (<c>canonicalJson</c>, <c>proof</c>, <c>batchId</c>).</returns>
    /// <exception cref="AttestoValidationException">The id is empty (nothing was sent).</exception>
    /// <exception cref="AttestoNotFoundException">The service knows no such event (404).</exception>
    /// <exception cref="AttestoException">See <see cref="LogEventAsync(AttestoEvent, string?, bool, CancellationToken)"/> for the service errors.</exception>
    public virtual Task<EventProof> GetEventProofAsync(string eventId, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("GetEventProofAsync", "GET", _transport?.BaseUrl.OriginalString, () => GetEventProofCoreAsync(eventId, cancellationToken));

    private async Task<EventProof> GetEventProofCoreAsync(string eventId, CancellationToken cancellationToken)
    {
        IAttestoV1Api api = Api;
        AttestoV2Client.RequireId(eventId, nameof(eventId));

        return await AttestoTransport.InvokeAsync("get_event_proof", () => api.GetEventProofAsync(eventId, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Submits a proof to the public verifier (<c>POST /v1/public/verify</c>, sent without credentials).</summary>
    /// <param name="proof">The proof from <see cref="GetEventProofAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The verdict and the full answer.</returns>
    /// <exception cref="AttestoValidationException">The proof lacks a field (nothing was sent).</exception>
    /// <exception cref="AttestoException">See <see cref="LogEventAsync(AttestoEvent, string?, bool, CancellationToken)"/> for the service errors.</exception>
    public virtual Task<PublicVerifyResult> VerifyPublicAsync(EventProof proof, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("VerifyPublicAsync", "POST", _transport?.BaseUrl.OriginalString, () => VerifyPublicCoreAsync(proof, cancellationToken));

    private async Task<PublicVerifyResult> VerifyPublicCoreAsync(EventProof proof, CancellationToken cancellationToken)
    {
        AttestoArguments.NotNull(proof, nameof(proof));
        IAttestoV1Api api = Api;
        if (string.IsNullOrEmpty(proof.CanonicalJson) || proof.ProofJson is null || string.IsNullOrEmpty(proof.BatchId))
        {
            throw new AttestoValidationException("proof must carry canonicalJson, proof and batchId, as returned by GetEventProofAsync.", "proof");
        }

        JObject answer = await AttestoTransport.InvokeAsync("public_verify", () => api.VerifyPublicAsync(proof, cancellationToken)).ConfigureAwait(false);
        return new PublicVerifyResult { Ok = JsonFields.Boolean(answer, "valid", "verified", "ok"), RawJson = answer };
    }

    /// <summary>Releases the owned connection pool (a caller-owned <see cref="HttpClient"/> is left alone).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport?.Dispose();
        }
    }

    /// <summary>The caller's <see cref="HttpClient"/>, or a validation error naming it when it is null.</summary>
    internal static HttpClient RequireHttpClient(HttpClient httpClient)
    {
        AttestoArguments.NotNull(httpClient, nameof(httpClient));
        return httpClient;
    }

    private IAttestoV1Api Api => _api ?? throw new InvalidOperationException("This AttestoClient was created with the mocking constructor and cannot send requests.");

    private async Task<EventAck> LogEventCoreAsync(AttestoEvent evt, string? idempotencyKey, bool preflight, CancellationToken cancellationToken)
    {
        IAttestoV1Api api = Api;
        if (evt is null)
        {
            throw new AttestoValidationException("evt must not be null.");
        }

        JObject body = evt.ToWireBody(_transport!.TimeProvider, preflight, "event");
        string key = CheckIdempotencyKey(idempotencyKey);
        return await AttestoTransport.InvokeAsync("log_event", () => api.LogEventAsync(body, key, cancellationToken)).ConfigureAwait(false);
    }

    private static string CheckIdempotencyKey(string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return AttestoTransport.NewIdempotencyKey();
        }

        if (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new AttestoValidationException("idempotencyKey must be 1 to 255 printable ASCII characters without spaces.", "idempotencyKey");
        }

        return idempotencyKey;
    }

    private static EventBatchAck ReadBatchAck(JToken answer)
    {
        JArray? list = answer as JArray;
        long? accepted = null;
        if (answer is JObject obj)
        {
            accepted = JsonFields.Integer(obj, "accepted");
            list = (obj["events"] ?? obj["items"] ?? obj["acks"]) as JArray;
        }

        var acks = new List<EventAck>();
        foreach (JToken item in list ?? [])
        {
            if (item is JObject ack)
            {
                acks.Add(new EventAck
                {
                    Id = JsonFields.Text(ack, "id") ?? throw new AttestoException($"log_events: acknowledgement {acks.Count} has no 'id'."),
                    SystemId = JsonFields.Text(ack, "system_id", "systemId"),
                    Ts = JsonFields.Text(ack, "ts"),
                });
            }
        }

        if (accepted is null && list is null)
        {
            throw new AttestoException("log_events: the answer has neither 'accepted' nor a list of acknowledgements.");
        }

        return new EventBatchAck((int)(accepted ?? acks.Count), acks);
    }
}
