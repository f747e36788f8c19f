using Refit;

namespace Attesto.Http;

/// <summary>
/// The raw Proofstream v2 HTTP API (spec §3) as a Refit interface, for advanced callers. It does
/// no validation, no receipt verification and no fork detection; <see cref="AttestoV2Client"/>
/// wraps it with all three. Authentication, protocol headers, idempotency keys and retries come
/// from the transport the client builds.
/// </summary>
public interface IAttestoV2Api
{
    /// <summary><c>POST /v2/streams</c>.</summary>
    /// <param name="request">Use case and policy.</param>
    /// <param name="idempotencyKey">The write's idempotency key; null lets the transport add one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new stream.</returns>
    [Post("/v2/streams")]
    Task<ProofStream> CreateStreamAsync([Body] CreateStreamRequest request, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/streams/{stream_id}/events</c>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="request">The event.</param>
    /// <param name="idempotencyKey">The write's idempotency key; null lets the transport add one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended event and its signed receipt.</returns>
    [Post("/v2/streams/{streamId}/events")]
    Task<StreamEventReceipt> LogEventAsync(string streamId, [Body] StreamEventRequest request, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/streams/{stream_id}/events/batch</c>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="request">Up to 1000 events.</param>
    /// <param name="idempotencyKey">The write's idempotency key; null lets the transport add one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted count and one signed receipt per event.</returns>
    [Post("/v2/streams/{streamId}/events/batch")]
    Task<StreamEventBatchResult> LogEventsAsync(string streamId, [Body] StreamEventBatchRequest request, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/receipts/{stream_event_id}</c>.</summary>
    /// <param name="streamEventId">The event id (<c>sev_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event with its receipt and, once windowed, its inclusion material.</returns>
    [Get("/v2/receipts/{streamEventId}")]
    Task<StreamEventReceipt> GetReceiptAsync(string streamEventId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/verify</c>.</summary>
    /// <param name="request">The kind and the object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's verdict.</returns>
    [Post("/v2/verify")]
    Task<VerificationResult> VerifyAsync([Body] VerifyObjectRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/checkpoints/{checkpoint_id}/consistency?from_checkpoint_id=…</c>.</summary>
    /// <param name="checkpointId">The later checkpoint.</param>
    /// <param name="fromCheckpointId">The earlier checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The consistency answer.</returns>
    [Get("/v2/checkpoints/{checkpointId}/consistency")]
    Task<CheckpointConsistency> GetCheckpointConsistencyAsync(string checkpointId, [AliasAs("from_checkpoint_id")] string fromCheckpointId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/witness/policies/{policy_id}</c>.</summary>
    /// <param name="policyId">The policy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The policy.</returns>
    [Get("/v2/witness/policies/{policyId}")]
    Task<WitnessPolicy> GetWitnessPolicyAsync(string policyId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/audit/packs</c>.</summary>
    /// <param name="request">The checkpoint range.</param>
    /// <param name="idempotencyKey">The write's idempotency key; null lets the transport add one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bundle and its hash.</returns>
    [Post("/v2/audit/packs")]
    Task<VerifierBundleResult> BuildVerifierBundleAsync([Body] BuildVerifierBundleRequest request, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/anchors/{anchor_epoch_id}</c>.</summary>
    /// <param name="anchorEpochId">The anchor epoch (<c>aep_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The anchor epoch.</returns>
    [Get("/v2/anchors/{anchorEpochId}")]
    Task<AnchorEpoch> GetAnchorEpochAsync(string anchorEpochId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/ivc/epochs/{ivc_epoch_id}</c>.</summary>
    /// <param name="ivcEpochId">The IVC epoch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The IVC epoch.</returns>
    [Get("/v2/ivc/epochs/{ivcEpochId}")]
    Task<IvcEpoch> GetIvcEpochAsync(string ivcEpochId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/windows?stream_id=…&amp;limit=…&amp;offset=…</c>.</summary>
    /// <param name="streamId">Only this stream's windows; null for all.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    [Get("/v2/windows")]
    Task<Page<Window>> ListWindowsAsync([AliasAs("stream_id")] string? streamId, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/checkpoints?stream_id=…&amp;limit=…&amp;offset=…</c>.</summary>
    /// <param name="streamId">Only this stream's checkpoints; null for all.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    [Get("/v2/checkpoints")]
    Task<Page<Checkpoint>> ListCheckpointsAsync([AliasAs("stream_id")] string? streamId, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tenant/streams?limit=…&amp;offset=…</c>.</summary>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    [Get("/v2/tenant/streams")]
    Task<Page<ProofStream>> ListStreamsAsync(int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tenant/streams/{stream_id}/events?limit=…&amp;offset=…</c>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page, in seq order.</returns>
    [Get("/v2/tenant/streams/{streamId}/events")]
    Task<Page<StreamEvent>> ListStreamEventsAsync(string streamId, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tenant/fork-evidence?stream_id=…&amp;limit=…&amp;offset=…</c>.</summary>
    /// <param name="streamId">Only this stream's evidence; null for all.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    [Get("/v2/tenant/fork-evidence")]
    Task<Page<ForkEvidence>> ListForkEvidenceAsync([AliasAs("stream_id")] string? streamId, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/tenant/ivc/epochs?limit=…&amp;offset=…</c>.</summary>
    /// <param name="limit">The page size.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    [Get("/v2/tenant/ivc/epochs")]
    Task<Page<IvcEpoch>> ListIvcEpochsAsync(int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/connectors/signed-webhooks/{connectorId}/events</c> with the signed-connector headers over the exact body bytes.</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="body">The JSON body, sent byte for byte as signed.</param>
    /// <param name="timestamp">The <c>X-Attesto-Connector-Timestamp</c> value (Unix seconds).</param>
    /// <param name="signature">The <c>X-Attesto-Connector-Signature</c> value (hex HMAC-SHA256 over <c>timestamp.body</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended event and its signed receipt.</returns>
    [Post("/v2/connectors/signed-webhooks/{connectorId}/events")]
    Task<StreamEventReceipt> SubmitConnectorEventAsync(
        string connectorId,
        [Body] HttpContent body,
        [Header("X-Attesto-Connector-Timestamp")] string timestamp,
        [Header("X-Attesto-Connector-Signature")] string signature,
        CancellationToken cancellationToken = default);
}
