using System.Net;
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
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnConfigException">An option is wrong or the request id is invalid.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    /// <exception cref="LucairnHttpException">202 (not assembled yet), 403 <c>tier_insufficient</c>, or any other non-2xx status.</exception>
    public virtual async Task<CertificateChainResult> VerifyCertificateChainAsync(string requestId, CertificateChainKeys keys, MessagesOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        keys.Validate();
        string id = RequestIds.Validate(requestId);
        RawResponse raw = await Transport.SendAsync(
            (api, headers, token) => api.GetCertificateAsync(id, headers, token), options, idempotent: true, cancellationToken).ConfigureAwait(false);
        raw.ThrowIfOverCap(Config.MaxResponseBytes);
        if (raw.Status == (int)HttpStatusCode.Accepted)
        {
            throw new LucairnHttpException("Veil certificate is not yet assembled; retry after the indicated delay.", raw.Status, raw.BodyOrText(raw.TryParseJson()));
        }

        if (!raw.IsSuccess)
        {
            raw.ThrowIfNotSuccess(raw.BodyOrText(raw.TryParseJson()));
        }

        return CertificateChainVerifier.Verify(raw.Body, keys);
    }
}
