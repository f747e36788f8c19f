using Attesto.Http;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The Proofstream v2 client (spec §3). Every receipt a write returns is verified offline with the
/// configured signer key and checked against the head store before the call returns: the SDK is a
/// witness (spec §12), so a rewind or divergent history raises <see cref="AttestoForkDetectedException"/>
/// and the stored head does not move. Requests go out in snake_case; answers are read in snake_case or
/// camelCase. Retries, idempotency keys and error mapping come from the shared Attesto transport.
/// </summary>
/// <remarks>
/// Thread-safe: one instance can be shared and used concurrently; create one per configuration
/// and reuse it (its head store then witnesses every write the process makes).
/// </remarks>
public partial class AttestoV2Client : IAttestoStreamWriter, IAttestoStreamReader, IDisposable
{
    /// <summary>The most events one <see cref="LogEventsAsync"/> call accepts.</summary>
    public const int MaxBatchSize = 1000;

    private readonly AttestoTransport _transport = null!;
    private readonly IAttestoV2Api _api = null!;
    private readonly Lazy<ReceiptGuard> _guard = null!;
    private readonly Lazy<IHeadStore?> _headStore = null!;
    private readonly bool _preflight;
    private readonly int _pageSize;

    /// <summary>Creates a client for a system API key with the default settings (receipt key from <see cref="ProofstreamOptions.ReceiptKeyEnvironmentVariable"/> and head store at <c>~/.attesto/heads.json</c>, both resolved on first use).</summary>
    /// <param name="apiKey">An <c>atto_live_…</c> or <c>atto_test_…</c> key.</param>
    /// <exception cref="AttestoValidationException">The key is missing or malformed.</exception>
    public AttestoV2Client(string apiKey)
        : this(null, new AttestoClientOptions(apiKey))
    {
    }

    /// <summary>Creates a client that owns its HTTP connection pool.</summary>
    /// <param name="options">The settings (Proofstream ones under <see cref="AttestoClientOptions.Proofstream"/>), validated and copied now (later changes have no effect).</param>
    /// <exception cref="AttestoValidationException">A setting is invalid (a receipt key given in the options is checked now; the environment fallback is read on first use); <see cref="AttestoValidationException.ParamName"/> names it.</exception>
    public AttestoV2Client(AttestoClientOptions options)
        : this(null, options)
    {
    }

    /// <summary>Creates a client that sends through the caller's <see cref="HttpClient"/> (never disposed by this client).</summary>
    /// <param name="options">The settings (Proofstream ones under <see cref="AttestoClientOptions.Proofstream"/>), validated and copied now (later changes have no effect).</param>
    /// <param name="httpClient">The caller-owned client; its handlers run under the SDK's retry and header stage.</param>
    /// <exception cref="AttestoValidationException">A setting is invalid, or <paramref name="httpClient"/> is null.</exception>
    public AttestoV2Client(AttestoClientOptions options, HttpClient httpClient)
        : this(AttestoClient.RequireHttpClient(httpClient), options)
    {
    }

    /// <summary>For mocking frameworks only.</summary>
    protected AttestoV2Client()
    {
    }

    private AttestoV2Client(HttpClient? callerClient, AttestoClientOptions options)
    {
        AttestoArguments.NotNull(options, nameof(options));
        ProofstreamOptions proofstream = options.Proofstream;
        AttestoArguments.NotNull(proofstream, "options.Proofstream");
        // The constructor reads no environment variable and touches no file: an explicit key is checked
        // now, the environment fallback and the default head store are resolved on first use.
        string? configuredKey = proofstream.ReceiptPublicKeyHex;
        if (configuredKey is not null)
        {
            _ = ReceiptKey(configuredKey, ReceiptKeyOption);
        }

        bool allowMock = proofstream.AllowMockReceipts;
        _guard = new Lazy<ReceiptGuard>(() => new ReceiptGuard(ResolveReceiptKey(configuredKey), allowMock), LazyThreadSafetyMode.PublicationOnly);
        IHeadStore? configuredStore = proofstream.HeadStore;
        bool forkDetection = proofstream.ForkDetection;
        _headStore = new Lazy<IHeadStore?>(() => forkDetection ? configuredStore ?? DefaultHeadStore() : null, LazyThreadSafetyMode.PublicationOnly);
        Paging.CheckPageSize(proofstream.PageSize, "options.Proofstream.PageSize");
        _transport = new AttestoTransport(options, callerClient);
        _api = _transport.CreateApi<IAttestoV2Api>();
        _preflight = proofstream.Preflight;
        _pageSize = proofstream.PageSize;
    }

    /// <summary>The receipt checker, resolved (and the environment read) on first use.</summary>
    private ReceiptGuard Guard => _guard.Value;

    /// <summary>The head store, resolved on first use; null when fork detection is off.</summary>
    private IHeadStore? HeadStore => _headStore.Value;

    /// <summary>The raw Refit interface this client wraps (no validation, verification or fork detection).</summary>
    public virtual IAttestoV2Api Api => _api;

    /// <summary>Creates a stream (<c>POST /v2/streams</c>).</summary>
    /// <param name="useCase">What the stream records, e.g. <c>credit-decisions</c>.</param>
    /// <param name="policyId">The witness policy to bind.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stream; <see cref="ProofStream.StreamId"/> is always set.</returns>
    public virtual Task<ProofStream> CreateStreamAsync(string useCase, string policyId, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("CreateStreamAsync", "POST", _transport?.BaseUrl.OriginalString, () => CreateStreamCoreAsync(useCase, policyId, cancellationToken));

    private async Task<ProofStream> CreateStreamCoreAsync(string useCase, string policyId, CancellationToken cancellationToken)
    {
        Require(useCase, nameof(useCase));
        RequireId(policyId, nameof(policyId));
        ProofStream stream = await AttestoTransport.InvokeAsync(
            "create_stream",
            () => _api.CreateStreamAsync(new CreateStreamRequest { UseCase = useCase, PolicyId = policyId }, null, cancellationToken)).ConfigureAwait(false);
        return string.IsNullOrEmpty(stream.StreamId) ? throw new AttestoException("create_stream: the answer has no stream_id.") : stream;
    }

    /// <summary>
    /// Appends one event (<c>POST /v2/streams/{stream_id}/events</c>), verifies its receipt offline
    /// and advances the witnessed head: a convenience for
    /// <see cref="LogEventAsync(string, StreamEventInput, string?, CancellationToken)"/> with the event's
    /// fields as parameters (upstream's <c>log_event(...)</c> signature).
    /// </summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="sourceRef">Your reference for the event; the in-stream idempotency key.</param>
    /// <param name="payload">The committed payload (integers only; decimals and big numbers as strings).</param>
    /// <param name="eventType">The event type, e.g. <c>ai.model_decision</c>; optional.</param>
    /// <param name="occurredAt">When it happened (timezone-aware); null means now, UTC.</param>
    /// <param name="metadata">Optional committed metadata.</param>
    /// <param name="idempotencyKey">Your idempotency key for this write; null lets the SDK send a fresh UUID v4 (reused on retries).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event and its verified receipt.</returns>
    /// <exception cref="AttestoValidationException">An argument is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy (nothing was sent).</exception>
    /// <exception cref="AttestoForkDetectedException">The receipt contradicts the witnessed head.</exception>
    /// <exception cref="AttestoException">The receipt failed verification, or the call failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The event-object overload and the upstream-parity field overload differ in their required parameters; nothing has shipped.")]
    public virtual Task<StreamEventReceipt> LogEventAsync(
        string streamId,
        string sourceRef,
        object? payload,
        string? eventType = null,
        AttestoTimestamp? occurredAt = null,
        object? metadata = null,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var input = new StreamEventInput(sourceRef, payload) { EventType = eventType, OccurredAt = occurredAt, Metadata = metadata };
        return LogEventAsync(streamId, input, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Appends one event (<c>POST /v2/streams/{stream_id}/events</c>), verifies its receipt offline
    /// and advances the witnessed head.
    /// </summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="input">The event: source reference, payload and optional fields.</param>
    /// <param name="idempotencyKey">Your idempotency key for this write; null lets the SDK send a fresh UUID v4 (reused on retries).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event and its verified receipt.</returns>
    /// <exception cref="AttestoValidationException">An argument is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy (nothing was sent).</exception>
    /// <exception cref="AttestoForkDetectedException">The receipt contradicts the witnessed head.</exception>
    /// <exception cref="AttestoException">The receipt failed verification, or the call failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The event-object overload and the upstream-parity field overload differ in their required parameters; nothing has shipped.")]
    public virtual Task<StreamEventReceipt> LogEventAsync(string streamId, StreamEventInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Traced("POST", () => LogInputAsync(streamId, input, idempotencyKey, cancellationToken));

    /// <summary>
    /// Appends up to <see cref="MaxBatchSize"/> events in one request
    /// (<c>POST /v2/streams/{stream_id}/events/batch</c>). Every input is checked before anything is
    /// sent; every returned receipt is verified offline; the receipts are checked in seq order
    /// against the witnessed head and the head is stored only if all of them pass.
    /// </summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="events">1 to 1000 events.</param>
    /// <param name="idempotencyKey">Your idempotency key for this write; null lets the SDK send a fresh UUID v4 (reused on retries).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted count and the verified receipts, one per event.</returns>
    /// <exception cref="AttestoValidationException">An argument is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">A payload breaks the number policy (nothing was sent).</exception>
    /// <exception cref="AttestoForkDetectedException">A receipt contradicts the witnessed head.</exception>
    /// <exception cref="AttestoException">A receipt failed verification or is missing, or the call failed.</exception>
    public virtual Task<StreamEventBatchResult> LogEventsAsync(string streamId, IEnumerable<StreamEventInput> events, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("LogEventsAsync", "POST", _transport?.BaseUrl.OriginalString, () => LogEventsCoreAsync(streamId, events, idempotencyKey, cancellationToken));

    private async Task<StreamEventBatchResult> LogEventsCoreAsync(string streamId, IEnumerable<StreamEventInput> events, string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequireId(streamId, nameof(streamId));
        CheckIdempotencyKey(idempotencyKey);
        if (events is null)
        {
            throw new AttestoValidationException("events must not be null.", "events");
        }

        var request = new StreamEventBatchRequest();
        foreach (StreamEventInput? input in events)
        {
            if (request.Events.Count == MaxBatchSize)
            {
                throw new AttestoValidationException($"events holds more than {MaxBatchSize} events (the most one batch takes); split them into several calls. Nothing was sent.", "events");
            }

            string where = $"events[{request.Events.Count}]";
            request.Events.Add(ToRequest(input ?? throw new AttestoValidationException($"{where} is null.", where), where));
        }

        if (request.Events.Count == 0)
        {
            throw new AttestoValidationException("events must hold at least one event.", "events");
        }

        ReceiptGuard guard = Guard;
        IHeadStore? store = HeadStore;

        StreamEventBatchResult result = await AttestoTransport.InvokeAsync(
            "log_events",
            () => _api.LogEventsAsync(streamId, request, idempotencyKey, cancellationToken)).ConfigureAwait(false);
        IReadOnlyList<StreamEventReceipt> receipts = result.Receipts ?? [];
        if (receipts.Count != request.Events.Count || (result.Accepted is { } accepted && accepted != request.Events.Count))
        {
            throw new AttestoException($"log_events: sent {request.Events.Count} events but the answer holds {receipts.Count} receipts (accepted = {result.Accepted?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"}); every event must come back signed.");
        }

        WitnessedEvent[] positions = await CheckReceiptsAsync(guard, "log_events", streamId, receipts, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<long>();
        foreach (WitnessedEvent position in positions)
        {
            if (!seen.Add(position.SeqNo))
            {
                throw new AttestoException($"log_events: two receipts in the answer claim seq_no {position.SeqNo}.");
            }
        }

        await HeadWitness.WitnessAsync(store, streamId, positions, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Reads an event and its receipt (<c>GET /v2/receipts/{stream_event_id}</c>); the receipt is
    /// verified offline (the head store is not touched by reads).
    /// </summary>
    /// <param name="streamEventId">The event id (<c>sev_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event, its verified receipt and, once windowed, its inclusion material.</returns>
    public virtual Task<StreamEventReceipt> GetReceiptAsync(string streamEventId, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("GetReceiptAsync", "GET", _transport?.BaseUrl.OriginalString, () => GetReceiptCoreAsync(streamEventId, cancellationToken));

    private async Task<StreamEventReceipt> GetReceiptCoreAsync(string streamEventId, CancellationToken cancellationToken)
    {
        RequireId(streamEventId, nameof(streamEventId));
        ReceiptGuard guard = Guard;
        StreamEventReceipt result = await AttestoTransport.InvokeAsync("get_receipt", () => _api.GetReceiptAsync(streamEventId, cancellationToken)).ConfigureAwait(false);
        _ = guard.Check("get_receipt", SignedStreamId(result) ?? string.Empty, result);
        return result;
    }

    /// <summary>
    /// Asks the service to verify a receipt (<c>POST /v2/verify</c>, kind <c>receipt</c>). Kept for
    /// compatibility with upstream's <c>verify_receipt</c>: prefer the offline <c>Receipts.Verify</c>,
    /// which needs no network and does not trust the party that issued the receipt.
    /// </summary>
    /// <param name="receipt">The receipt object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's verdict.</returns>
    public virtual Task<VerificationResult> VerifyReceiptAsync(JObject receipt, CancellationToken cancellationToken = default) =>
        Traced("POST", () => VerifyObjectAsync("receipt", receipt, cancellationToken));

    /// <summary>Asks the service to verify a proof object (<c>POST /v2/verify</c>).</summary>
    /// <param name="kind">The kind, e.g. <c>receipt</c>, <c>checkpoint</c>, <c>bundle</c>.</param>
    /// <param name="proofObject">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's verdict (<c>ok</c>, <c>kind</c>, <c>checked</c>, <c>problems</c>).</returns>
    public virtual Task<VerificationResult> VerifyObjectAsync(string kind, JToken proofObject, CancellationToken cancellationToken = default)
    {
        Require(kind, nameof(kind));
        if (proofObject is null)
        {
            throw new AttestoValidationException("proofObject must not be null.", "proofObject");
        }

        return Traced("POST", () => AttestoTransport.InvokeAsync("verify_object", () => _api.VerifyAsync(new VerifyObjectRequest { Kind = kind, ProofObject = proofObject }, cancellationToken)));
    }

    /// <summary>Asks how a checkpoint extends an earlier one (<c>GET /v2/checkpoints/{id}/consistency</c>).</summary>
    /// <param name="checkpointId">The later checkpoint.</param>
    /// <param name="fromCheckpointId">The earlier checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; <see cref="CheckpointConsistency.StepCount"/> is at least 1.</returns>
    public virtual Task<CheckpointConsistency> GetCheckpointConsistencyAsync(string checkpointId, string fromCheckpointId, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("GetCheckpointConsistencyAsync", "GET", _transport?.BaseUrl.OriginalString, () => GetCheckpointConsistencyCoreAsync(checkpointId, fromCheckpointId, cancellationToken));

    private async Task<CheckpointConsistency> GetCheckpointConsistencyCoreAsync(string checkpointId, string fromCheckpointId, CancellationToken cancellationToken)
    {
        RequireId(checkpointId, nameof(checkpointId));
        RequireId(fromCheckpointId, nameof(fromCheckpointId));
        CheckpointConsistency result = await AttestoTransport.InvokeAsync(
            "get_checkpoint_consistency",
            () => _api.GetCheckpointConsistencyAsync(checkpointId, fromCheckpointId, cancellationToken)).ConfigureAwait(false);
        return result.StepCount is >= 1 ? result : throw new AttestoException($"get_checkpoint_consistency: step_count must be at least 1; got {result.StepCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
    }

    /// <summary>Reads a witness policy (<c>GET /v2/witness/policies/{policy_id}</c>).</summary>
    /// <param name="policyId">The policy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The policy.</returns>
    public virtual Task<WitnessPolicy> GetWitnessPolicyAsync(string policyId, CancellationToken cancellationToken = default)
    {
        RequireId(policyId, nameof(policyId));
        return Traced("GET", () => AttestoTransport.InvokeAsync("get_witness_policy", () => _api.GetWitnessPolicyAsync(policyId, cancellationToken)));
    }

    /// <summary>
    /// Builds a verifier bundle over a checkpoint range (<c>POST /v2/audit/packs</c>); the service
    /// refuses unless every checkpoint has witness quorum and a confirmed anchor. Check the result
    /// offline with VerifierBundle.Verify.
    /// </summary>
    /// <param name="fromCheckpointId">The first checkpoint.</param>
    /// <param name="toCheckpointId">The last checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bundle and its hash.</returns>
    public virtual Task<VerifierBundleResult> BuildVerifierBundleAsync(string fromCheckpointId, string toCheckpointId, CancellationToken cancellationToken = default) =>
        AttestoTelemetry.Instance.TraceAsync("BuildVerifierBundleAsync", "POST", _transport?.BaseUrl.OriginalString, () => BuildVerifierBundleCoreAsync(fromCheckpointId, toCheckpointId, cancellationToken));

    private async Task<VerifierBundleResult> BuildVerifierBundleCoreAsync(string fromCheckpointId, string toCheckpointId, CancellationToken cancellationToken)
    {
        RequireId(fromCheckpointId, nameof(fromCheckpointId));
        RequireId(toCheckpointId, nameof(toCheckpointId));
        VerifierBundleResult result = await AttestoTransport.InvokeAsync(
            "build_verifier_bundle",
            () => _api.BuildVerifierBundleAsync(new BuildVerifierBundleRequest { FromCheckpointId = fromCheckpointId, ToCheckpointId = toCheckpointId }, null, cancellationToken)).ConfigureAwait(false);
        return result.BundleJson is null ? throw new AttestoException("build_verifier_bundle: the answer has no bundle.") : result;
    }

    /// <summary>Reads an anchor epoch (<c>GET /v2/anchors/{anchor_epoch_id}</c>); check it on chain with <see cref="Anchors.VerifyOnChainAsync"/>.</summary>
    /// <param name="anchorEpochId">The anchor epoch (<c>aep_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The anchor epoch.</returns>
    public virtual Task<AnchorEpoch> GetAnchorEpochAsync(string anchorEpochId, CancellationToken cancellationToken = default)
    {
        RequireId(anchorEpochId, nameof(anchorEpochId));
        return Traced("GET", () => AttestoTransport.InvokeAsync("get_anchor_epoch", () => _api.GetAnchorEpochAsync(anchorEpochId, cancellationToken)));
    }

    /// <summary>Reads an IVC epoch (<c>GET /v2/ivc/epochs/{ivc_epoch_id}</c>; review-gated upstream).</summary>
    /// <param name="ivcEpochId">The IVC epoch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The IVC epoch.</returns>
    public virtual Task<IvcEpoch> GetIvcEpochAsync(string ivcEpochId, CancellationToken cancellationToken = default)
    {
        RequireId(ivcEpochId, nameof(ivcEpochId));
        return Traced("GET", () => AttestoTransport.InvokeAsync("get_ivc_epoch", () => _api.GetIvcEpochAsync(ivcEpochId, cancellationToken)));
    }

    /// <summary>
    /// Submits an event through a signed-webhook connector
    /// (<c>POST /v2/connectors/signed-webhooks/{connectorId}/events</c>): the body is signed with the
    /// connector secret (<c>X-Attesto-Connector-Timestamp</c> / <c>X-Attesto-Connector-Signature</c>), the
    /// returned receipt is verified offline and witnessed against the head of the stream it is signed for.
    /// </summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="connectorSecret">The connector's shared secret.</param>
    /// <param name="sourceRef">Your reference for the event; the in-stream idempotency key.</param>
    /// <param name="payload">The committed payload.</param>
    /// <param name="eventType">The event type; optional.</param>
    /// <param name="occurredAt">When it happened (timezone-aware); null means now, UTC.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event and its verified receipt.</returns>
    /// <exception cref="AttestoForkDetectedException">The receipt contradicts the witnessed head.</exception>
    public virtual Task<StreamEventReceipt> SubmitConnectorEventAsync(
        string connectorId,
        string connectorSecret,
        string sourceRef,
        object? payload,
        string? eventType = null,
        AttestoTimestamp? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        Traced("POST", () => SubmitConnectorEventCoreAsync(connectorId, connectorSecret, sourceRef, payload, eventType, occurredAt, cancellationToken));

    private async Task<StreamEventReceipt> SubmitConnectorEventCoreAsync(
        string connectorId,
        string connectorSecret,
        string sourceRef,
        object? payload,
        string? eventType,
        AttestoTimestamp? occurredAt,
        CancellationToken cancellationToken)
    {
        RequireId(connectorId, nameof(connectorId));
        Require(connectorSecret, nameof(connectorSecret));
        ReceiptGuard guard = Guard;
        IHeadStore? store = HeadStore;
        JObject body = new StreamEventInput(sourceRef, payload) { EventType = eventType, OccurredAt = occurredAt }.ToWireBody(_transport.TimeProvider, _preflight, "event");
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body.ToString(Newtonsoft.Json.Formatting.None));
        IReadOnlyDictionary<string, string> headers = ConnectorWebhooks.SignHeaders(connectorSecret, bytes, _transport.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
        StreamEventReceipt result = await AttestoTransport.InvokeAsync(
            "submit_connector_event",
            async () =>
            {
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return await _api.SubmitConnectorEventAsync(connectorId, content, headers[ConnectorWebhooks.TimestampHeader], headers[ConnectorWebhooks.SignatureHeader], cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        string streamId = SignedStreamId(result) ?? throw new AttestoException("submit_connector_event: the receipt names no stream_id.");
        WitnessedEvent position = guard.Check("submit_connector_event", streamId, result);
        await HeadWitness.WitnessAsync(store, streamId, [position], cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Disposes the owned HTTP connection (a caller-owned <see cref="HttpClient"/> is left alone).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport?.Dispose();
        }
    }

    private const string ReceiptKeyOption = "options.Proofstream.ReceiptPublicKeyHex";

    /// <summary>Checks a receipt signer key: 64 hex digits, returned in lower case.</summary>
    private static string ReceiptKey(string key, string source) =>
        Hex.IsLowercaseHex(key.ToLowerInvariant(), Ed25519PublicKey.KeySize)
            ? key.ToLowerInvariant()
            : throw new AttestoValidationException($"{source} must be 64 hex digits (a raw Ed25519 public key).", ReceiptKeyOption);

    /// <summary>The configured key, else <see cref="ProofstreamOptions.ReceiptKeyEnvironmentVariable"/> read now (first use).</summary>
    private static string ResolveReceiptKey(string? configured)
    {
        if (configured is not null)
        {
            return ReceiptKey(configured, ReceiptKeyOption);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(ProofstreamOptions.ReceiptKeyEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? throw new AttestoValidationException($"{ReceiptKeyOption} is required (or set {ProofstreamOptions.ReceiptKeyEnvironmentVariable}): every receipt is verified offline and the client will not accept unverifiable writes. Nothing was sent.", ReceiptKeyOption)
            : ReceiptKey(fromEnvironment, ProofstreamOptions.ReceiptKeyEnvironmentVariable);
    }

    /// <summary>The default head store (<c>~/.attesto/heads.json</c>), created on first use.</summary>
    private static FileHeadStore DefaultHeadStore()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrWhiteSpace(home)
            ? throw new AttestoValidationException("options.Proofstream.HeadStore is not set and there is no home directory for the default ~/.attesto/heads.json; set options.Proofstream.HeadStore (or ForkDetection = false). Nothing was sent.", "options.Proofstream.HeadStore")
            : new FileHeadStore();
    }

    /// <summary>
    /// Verifies a batch's receipts. Ed25519 verification is the costly part of a batch and the checks
    /// are pure, so they run as a few awaited thread-pool slices (one per core): the caller's thread is
    /// never blocked waiting for them (no <c>Parallel.For</c> inside an async method). A failure
    /// surfaces as the first failing slice's <see cref="AttestoException"/>.
    /// </summary>
    private static async Task<WitnessedEvent[]> CheckReceiptsAsync(ReceiptGuard guard, string operation, string streamId, IReadOnlyList<StreamEventReceipt> receipts, CancellationToken cancellationToken)
    {
        var positions = new WitnessedEvent[receipts.Count];
        int slices = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, receipts.Count));
        int size = (receipts.Count + slices - 1) / slices;
        var work = new List<Task>(slices);
        for (int from = 0; from < receipts.Count; from += size)
        {
            int start = from;
            int end = Math.Min(from + size, receipts.Count);
            work.Add(Task.Run(
                () =>
                {
                    for (int i = start; i < end; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        positions[i] = guard.Check(operation, streamId, receipts[i]);
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        return positions;
    }

    private static string? SignedStreamId(StreamEventReceipt result) =>
        result.ReceiptJson?["payload"] is JObject payload ? JsonFields.Text(payload, "stream_id", "streamId") : null;

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AttestoValidationException($"{name} is required and must not be empty.", name);
        }
    }

    /// <summary>An id that becomes a path segment (or names one): the shared rule, so <c>.</c> and <c>..</c> never reach the URI layer.</summary>
    internal static void RequireId(string? value, string name) =>
        Shared.Http.PathSegmentId.Require(value, name, message => new AttestoValidationException(message, name));

    private static void CheckIdempotencyKey(string? idempotencyKey)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c < 0x21 || c > 0x7E)))
        {
            throw new AttestoValidationException("idempotencyKey must be 1 to 255 visible ASCII characters.", "idempotencyKey");
        }
    }

    private async Task<StreamEventReceipt> LogInputAsync(string streamId, StreamEventInput input, string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequireId(streamId, nameof(streamId));
        CheckIdempotencyKey(idempotencyKey);
        if (input is null)
        {
            throw new AttestoValidationException("event must not be null.", "event");
        }

        ReceiptGuard guard = Guard;
        IHeadStore? store = HeadStore;

        StreamEventRequest request = ToRequest(input, "event");
        StreamEventReceipt result = await AttestoTransport.InvokeAsync(
            "log_event",
            () => _api.LogEventAsync(streamId, request, idempotencyKey, cancellationToken)).ConfigureAwait(false);
        WitnessedEvent position = guard.Check("log_event", streamId, result);
        await HeadWitness.WitnessAsync(store, streamId, [position], cancellationToken).ConfigureAwait(false);
        return result;
    }

    private StreamEventRequest ToRequest(StreamEventInput input, string where)
    {
        JObject body = input.ToWireBody(_transport.TimeProvider, _preflight, where);
        return new StreamEventRequest
        {
            SourceRef = (string?)body["source_ref"],
            EventType = (string?)body["event_type"],
            OccurredAt = (string?)body["occurred_at"],
            Payload = body["payload"],
            Metadata = body["metadata"],
        };
    }
}
