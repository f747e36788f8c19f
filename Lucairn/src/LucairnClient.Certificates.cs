using System.Globalization;
using System.Net;
using Lucairn.Http;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>The certificate members of <see cref="LucairnClient"/>: fetch and offline verification.</summary>
public partial class LucairnClient
{
    /// <summary>The wait between polls when the gateway names none.</summary>
    internal static readonly TimeSpan DefaultCertificatePoll = TimeSpan.FromSeconds(2);

    /// <summary>The shortest wait between polls (a smaller <c>retry_after_seconds</c> is raised to it).</summary>
    internal static readonly TimeSpan MinCertificatePoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between polls (a larger <c>retry_after_seconds</c> is cut to it).</summary>
    internal static readonly TimeSpan MaxCertificatePoll = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>GET /api/v1/veil/certificate/{requestId}</c>: the signed privacy certificate (Pro and
    /// Enterprise tiers). Nothing is verified here; call <see cref="VerifyCertificate(VeilCertificate, VerifyCertificateKeys)"/>.
    /// A certificate that is not assembled yet is an exception here (upstream parity); use
    /// <see cref="TryGetCertificateAsync"/> or <see cref="WaitForCertificateAsync"/> to treat it as a result.
    /// </summary>
    /// <param name="requestId">The request id (percent-encoded as one path segment).</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The certificate, with its JSON kept exactly as received.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="requestId"/> or an option is invalid.</exception>
    /// <exception cref="LucairnApiException">
    /// Status 202 (not assembled yet; <see cref="LucairnApiException.RetryAfter"/> carries the body's
    /// <c>retry_after_seconds</c>), <see cref="LucairnForbiddenException"/> 403 <c>tier_insufficient</c>,
    /// or any other failure (a subclass per status, timeout or connection).
    /// </exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body is not a well-formed certificate.</exception>
    public virtual Task<VeilCertificate> GetCertificateAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("GetCertificateAsync", "GET", _config?.BaseUrl, () => GetCertificateCoreAsync(requestId, options, cancellationToken));

    /// <summary>
    /// <c>GET /api/v1/veil/certificate/{requestId}</c> once, treating "not assembled yet" (202) as a
    /// result: <see cref="CertificateFetchResult.IsReady"/> with the certificate, or pending with
    /// the wait the gateway asked for (<c>retry_after_seconds</c>, else <c>Retry-After</c>).
    /// </summary>
    /// <param name="requestId">The request id (percent-encoded as one path segment).</param>
    /// <param name="options">Per-call timeout and headers, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The certificate, or pending with the suggested wait.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="requestId"/> or an option is invalid.</exception>
    /// <exception cref="LucairnApiException">Any status but 2xx and 202 (a subclass per status), a timeout or a connection failure.</exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body is not a well-formed certificate.</exception>
    public virtual Task<CertificateFetchResult> TryGetCertificateAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("TryGetCertificateAsync", "GET", _config?.BaseUrl, () => TryGetCertificateCoreAsync(nameof(TryGetCertificateAsync), requestId, options, cancellationToken));

    /// <summary>
    /// Polls <c>GET /api/v1/veil/certificate/{requestId}</c> until the certificate is assembled,
    /// waiting between polls as long as the gateway asks (<c>retry_after_seconds</c>, else
    /// <c>Retry-After</c>, else 2 s; never less than 0.5 s nor more than 30 s, and never past the
    /// deadline) on the client's <see cref="LucairnClientOptions.TimeProvider"/>. The deadline is
    /// checked between polls; each request keeps its own per-request timeout.
    /// </summary>
    /// <param name="requestId">The request id (percent-encoded as one path segment).</param>
    /// <param name="timeout">How long to keep polling (positive and finite).</param>
    /// <param name="options">Per-call timeout and headers of each poll, or null.</param>
    /// <param name="cancellationToken">Cancels the wait (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The certificate, with its JSON kept exactly as received.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="requestId"/>, <paramref name="timeout"/> or an option is invalid.</exception>
    /// <exception cref="LucairnTimeoutException">The certificate was still pending at the deadline (<see cref="LucairnApiException.RetryAfter"/> is the last wait asked for).</exception>
    /// <exception cref="LucairnApiException">A poll failed with any status but 2xx and 202, a timeout or a connection failure.</exception>
    /// <exception cref="LucairnResponseValidationException">A 2xx body is not a well-formed certificate.</exception>
    public virtual Task<VeilCertificate> WaitForCertificateAsync(string requestId, TimeSpan timeout, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LucairnTelemetry.Instance.TraceAsync("WaitForCertificateAsync", "GET", _config?.BaseUrl, () => WaitForCertificateCoreAsync(requestId, timeout, options, cancellationToken));

    private async Task<VeilCertificate> GetCertificateCoreAsync(string requestId, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        RawResponse raw = await FetchCertificateAsync(nameof(GetCertificateAsync), requestId, options, cancellationToken).ConfigureAwait(false);
        return ReadCertificate(raw);
    }

    private async Task<CertificateFetchResult> TryGetCertificateCoreAsync(string operation, string requestId, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        RawResponse raw = await SendCertificateRequestAsync(operation, requestId, options, cancellationToken).ConfigureAwait(false);
        return raw.Status == (int)HttpStatusCode.Accepted
            ? new CertificateFetchResult { RetryAfter = CertificatePending.RetryAfterOf(raw) }
            : new CertificateFetchResult { Certificate = ReadCertificate(raw) };
    }

    private async Task<VeilCertificate> WaitForCertificateCoreAsync(string requestId, TimeSpan timeout, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        RequestIds.Validate(requestId);
        ValidatedOptions.ValidateTimeout(timeout, nameof(timeout));
        TimeProvider clock = Config.TimeProvider;
        DateTimeOffset deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            CertificateFetchResult result = await TryGetCertificateCoreAsync(nameof(WaitForCertificateAsync), requestId, options, cancellationToken).ConfigureAwait(false);
            if (result.Certificate is { } certificate)
            {
                return certificate;
            }

            TimeSpan remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new LucairnTimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"WaitForCertificateAsync failed: the certificate of request '{requestId}' was not assembled within {timeout.TotalSeconds:0.###}s"),
                    retryAfter: result.RetryAfter);
            }

            TimeSpan wait = result.RetryAfter ?? DefaultCertificatePoll;
            wait = wait < MinCertificatePoll ? MinCertificatePoll : wait > MaxCertificatePoll ? MaxCertificatePoll : wait;
            await Task.Delay(wait < remaining ? wait : remaining, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static VeilCertificate ReadCertificate(RawResponse raw) =>
        ResponseModels.Read(raw, raw.TryParseJson(), nameof(VeilCertificate), VeilCertificate.FromOwnedJObject);

    /// <summary>
    /// <c>GET /certificate/{id}</c>: the 2xx answer with its body exactly as received; over the cap,
    /// 202 (not assembled yet) and any other non-2xx status are thrown as <see cref="LucairnApiException"/>.
    /// </summary>
    private async Task<RawResponse> FetchCertificateAsync(string operation, string requestId, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        RawResponse raw = await SendCertificateRequestAsync(operation, requestId, options, cancellationToken).ConfigureAwait(false);
        if (raw.Status == (int)HttpStatusCode.Accepted)
        {
            throw raw.Error("Veil certificate is not yet assembled; retry after the indicated delay.", CertificatePending.RetryAfterOf(raw));
        }

        return raw;
    }

    /// <summary><c>GET /certificate/{id}</c>: a 2xx or 202 answer; over the cap and any other status are thrown.</summary>
    private async Task<RawResponse> SendCertificateRequestAsync(string operation, string requestId, LucairnRequestOptions? options, CancellationToken cancellationToken)
    {
        string id = RequestIds.Validate(requestId);
        RawResponse raw = await Transport.SendAsync(
            operation, (api, headers, token) => api.GetCertificateAsync(id, headers, token), options, idempotent: true, cancellationToken).ConfigureAwait(false);
        raw.ThrowIfOverCap(Config.MaxResponseBytes);
        raw.ThrowIfNotSuccess();
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
