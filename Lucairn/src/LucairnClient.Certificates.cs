using System.Net;
using Lucairn.Http;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>The certificate members of <see cref="LucairnClient"/>: fetch and offline verification.</summary>
public partial class LucairnClient
{
    /// <summary>
    /// <c>GET /api/v1/veil/certificate/{requestId}</c>: the signed privacy certificate (Pro and
    /// Enterprise tiers). Nothing is verified here; call <see cref="VerifyCertificate(VeilCertificate, VerifyCertificateKeys)"/>.
    /// </summary>
    /// <param name="requestId">The request id (percent-encoded as one path segment).</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The certificate, with its JSON kept exactly as received.</returns>
    /// <exception cref="LucairnHttpException">
    /// 202 (not assembled yet; the body carries <c>retry_after_seconds</c>), 403 <c>tier_insufficient</c>,
    /// or any other non-2xx status.
    /// </exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body is not a well-formed certificate.</exception>
    public virtual Task<VeilCertificate> GetCertificateAsync(string requestId, MessagesOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("GetCertificateAsync", "GET", _config?.BaseUrl, () => GetCertificateCoreAsync(requestId, options, cancellationToken));

    private async Task<VeilCertificate> GetCertificateCoreAsync(string requestId, MessagesOptions? options, CancellationToken cancellationToken)
    {
        RawResponse raw = await FetchCertificateAsync(requestId, options, cancellationToken).ConfigureAwait(false);
        return ResponseModels.Read(raw, raw.TryParseJson(), nameof(VeilCertificate), VeilCertificate.FromOwnedJObject);
    }

    /// <summary>
    /// <c>GET /certificate/{id}</c>: the 2xx answer with its body exactly as received; over the cap,
    /// 202 (not assembled yet) and any other non-2xx status are thrown as <see cref="LucairnHttpException"/>.
    /// </summary>
    private async Task<RawResponse> FetchCertificateAsync(string requestId, MessagesOptions? options, CancellationToken cancellationToken)
    {
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

        return raw;
    }

    /// <summary>Verifies a certificate offline (no network); same as <see cref="CertificateVerifier.Verify(VeilCertificate, VerifyCertificateKeys)"/>.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed; <see cref="LucairnCertificateException.Reason"/> says why.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(VeilCertificate certificate, VerifyCertificateKeys keys) =>
        CertificateVerifier.Verify(certificate, keys);

    /// <summary>Verifies a certificate offline, requiring at least <paramref name="minimumSignableVersion"/>.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> rejects v2-only certificates; null imposes nothing.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(VeilCertificate certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        CertificateVerifier.Verify(certificate, keys, minimumSignableVersion);

    /// <summary>Verifies a certificate given as raw JSON text offline.</summary>
    /// <param name="certificateJson">The certificate JSON.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(string certificateJson, VerifyCertificateKeys keys) =>
        CertificateVerifier.Verify(certificateJson, keys);

    /// <summary>Verifies a certificate given as raw JSON text offline, requiring at least <paramref name="minimumSignableVersion"/>.</summary>
    /// <param name="certificateJson">The certificate JSON.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> rejects v2-only certificates; null imposes nothing.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(string certificateJson, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        CertificateVerifier.Verify(certificateJson, keys, minimumSignableVersion);

    /// <summary>Verifies a certificate given as a JSON token offline.</summary>
    /// <param name="certificate">The certificate object (parsed with <c>DateParseHandling.None</c>).</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(JToken certificate, VerifyCertificateKeys keys) =>
        CertificateVerifier.Verify(certificate, keys);

    /// <summary>Verifies a certificate given as a JSON token offline, requiring at least <paramref name="minimumSignableVersion"/>.</summary>
    /// <param name="certificate">The certificate object (parsed with <c>DateParseHandling.None</c>).</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> rejects v2-only certificates; null imposes nothing.</param>
    /// <returns>The verified fields.</returns>
    /// <exception cref="LucairnCertificateException">Verification failed.</exception>
    public virtual VerifyCertificateResult VerifyCertificate(JToken certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        CertificateVerifier.Verify(certificate, keys, minimumSignableVersion);
}
