using Refit;

namespace Lucairn.Http;

/// <summary>
/// The raw Lucairn gateway HTTP API as a Refit interface, for advanced callers. Every method
/// returns the unread <see cref="HttpResponseMessage"/>: status mapping, the body size cap,
/// deserialisation and retries are the job of <see cref="LucairnClient"/>, which wraps this
/// interface. Callers pass every header themselves (<c>x-api-key</c> included).
/// </summary>
public interface ILucairnApi
{
    /// <summary><c>POST /api/v1/proxy/messages</c>: sends a proxy request.</summary>
    /// <param name="request">The request body.</param>
    /// <param name="headers">The request headers (for example <c>x-api-key</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, body unread.</returns>
    [Post("/api/v1/proxy/messages")]
    Task<HttpResponseMessage> SendMessagesAsync(
        [Body] ProxyMessagesRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/veil/certificate/{requestId}</c>: the signed privacy certificate.</summary>
    /// <param name="requestId">The request id; Refit percent-encodes it as one path segment.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, body unread.</returns>
    [Get("/api/v1/veil/certificate/{requestId}")]
    Task<HttpResponseMessage> GetCertificateAsync(
        string requestId,
        [HeaderCollection] IDictionary<string, string> headers,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/veil/certificate/{requestId}/summary</c>: the HTML summary.</summary>
    /// <param name="requestId">The request id; Refit percent-encodes it as one path segment.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, body unread.</returns>
    [Get("/api/v1/veil/certificate/{requestId}/summary")]
    Task<HttpResponseMessage> GetCertificateSummaryAsync(
        string requestId,
        [HeaderCollection] IDictionary<string, string> headers,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/audit/export</c>: the audit events of the caller's organisation.</summary>
    /// <param name="days">How many days back, or null for the gateway default.</param>
    /// <param name="type">An event type filter, or null.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, body unread.</returns>
    [Get("/api/v1/audit/export")]
    Task<HttpResponseMessage> ListAuditEventsAsync(
        [AliasAs("days")] int? days,
        [AliasAs("type")] string? type,
        [HeaderCollection] IDictionary<string, string> headers,
        CancellationToken cancellationToken = default);
}
