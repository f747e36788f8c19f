using Newtonsoft.Json.Linq;
using Refit;

namespace Attesto.Http;

/// <summary>
/// The raw Attesto v1 HTTP API as a Refit interface, for advanced callers. Prefer
/// <see cref="AttestoClient"/>, which validates input, applies the number policy, adds
/// idempotency keys, retries, and maps errors. Create with <c>RestService.For</c> over an
/// <see cref="HttpClient"/> that sets the <c>Authorization</c> and <c>X-Attesto-*</c> headers.
/// </summary>
public interface IAttestoV1Api
{
    /// <summary><c>POST /v1/sdk/events</c>: logs one event.</summary>
    /// <param name="body">The event body (<c>type</c>, <c>status</c>, <c>ts</c>, <c>latency_ms</c>, <c>input_hash</c>, <c>output_hash</c>, <c>payload</c>, …).</param>
    /// <param name="idempotencyKey">The key that makes the write safe to retry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The acknowledgement.</returns>
    [Post("/v1/sdk/events")]
    Task<EventAck> LogEventAsync([Body] JObject body, [Header(AttestoProtocol.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/sdk/events/batch</c> with <c>{"events": [...]}</c> (at most 1000 events).</summary>
    /// <param name="body">The batch body.</param>
    /// <param name="idempotencyKey">The key that makes the write safe to retry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw answer: an object with <c>accepted</c> and/or a list of acknowledgements, or a bare list.</returns>
    [Post("/v1/sdk/events/batch")]
    Task<JToken> LogEventsAsync([Body] JObject body, [Header(AttestoProtocol.IdempotencyKeyHeader)] string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/events/{id}/proof</c>: the proof of an anchored event.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proof (<c>canonicalJson</c>, <c>proof</c>, <c>batchId</c>).</returns>
    [Get("/v1/events/{id}/proof")]
    Task<EventProof> GetEventProofAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/public/verify</c>: the public, unauthenticated verifier.</summary>
    /// <param name="proof">The proof as returned by <see cref="GetEventProofAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The verifier's answer.</returns>
    [Post("/v1/public/verify")]
    Task<JObject> VerifyPublicAsync([Body] EventProof proof, CancellationToken cancellationToken = default);
}
