using Lucairn.Http;

namespace Lucairn;

public partial class LucairnClient
{
    /// <summary>
    /// Fetches a request's Veil certificate and chain-verifies the exact response bytes
    /// (<see cref="CertificateChainVerifier"/>): the body is never re-serialized, so number
    /// lexemes, duplicate keys and trailing bytes are checked as received. The keys are checked
    /// before anything is sent. A bad certificate is a FAILED result, not an exception.
    /// </summary>
    /// <param name="requestId">The request id from the proxy response.</param>
    /// <param name="keys">The pinned witness and service keys and options.</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The graded chain result.</returns>
        /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null, an option is wrong or the request id is invalid.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    /// <exception cref="LucairnApiException">202 (not assembled yet), <see cref="LucairnForbiddenException"/> 403 <c>tier_insufficient</c>, or any other failure (a subclass per status, timeout or connection).</exception>
    public virtual Task<CertificateChainResult> VerifyCertificateChainAsync(string requestId, CertificateChainKeys keys, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return LucairnTelemetry.Instance.TraceAsync("VerifyCertificateChainAsync", "GET", _config?.BaseUrl, async () =>
        {
            _ = Require.NotNull(keys, nameof(keys));
            keys.Validate(); // before anything is sent
            RawResponse raw = await FetchCertificateAsync(nameof(VerifyCertificateChainAsync), requestId, options, cancellationToken).ConfigureAwait(false);
            return CertificateChainVerifier.Verify(raw.Body, keys);
        });
    }
}
