using Refit;

namespace Nomyo.Http;

/// <summary>
/// The raw NOMYO router endpoints as a Refit interface, for advanced callers. Bodies are raw
/// bytes and answers are returned as they came (no status check, no decryption): use
/// <see cref="SecureCompletionClient"/> for encryption, error mapping, retries and validation.
/// Build it with <c>RestService.For&lt;INomyoApi&gt;(httpClient)</c> where
/// <c>httpClient.BaseAddress</c> is the router URL.
/// </summary>
public interface INomyoApi
{
    /// <summary><c>GET /pki/public_key</c>: the server's RSA public key as PEM text.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The HTTP response; the caller disposes it.</returns>
    [Get("/pki/public_key")]
    Task<HttpResponseMessage> GetPublicKeyAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/chat/secure_completion</c> with an encrypted package (spec §3) as an <c>application/octet-stream</c> body.</summary>
    /// <param name="package">The serialized package bytes, with <c>Content-Type: application/octet-stream</c>.</param>
    /// <param name="payloadId">The <c>X-Payload-ID</c> header: a UUIDv4 string.</param>
    /// <param name="publicKey">The <c>X-Public-Key</c> header: the client's PEM public key, percent-encoded.</param>
    /// <param name="authorization">The <c>Authorization</c> header (<c>Bearer …</c>), or null for none.</param>
    /// <param name="securityTier">The <c>X-Security-Tier</c> header (<c>standard</c>, <c>high</c>, <c>maximum</c>), or null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The HTTP response; the caller disposes it.</returns>
    [Post("/v1/chat/secure_completion")]
    Task<HttpResponseMessage> PostSecureCompletionAsync(
        [Body] HttpContent package,
        [Header("X-Payload-ID")] string payloadId,
        [Header("X-Public-Key")] string publicKey,
        [Header("Authorization")] string? authorization,
        [Header("X-Security-Tier")] string? securityTier,
        CancellationToken cancellationToken = default);
}
