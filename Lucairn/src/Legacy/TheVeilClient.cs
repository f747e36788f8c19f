using Lucairn;
using Newtonsoft.Json.Linq;

namespace TheVeil;

#pragma warning disable CS0618 // The legacy shim maps to its own obsolete types on purpose.

/// <summary>
/// The pre-rename name of <see cref="LucairnClient"/>: the same client (it is a subclass), with
/// every error re-thrown as its TheVeil-named twin (which derives from the Lucairn type).
/// </summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnClient. The TheVeil names will be removed in a future version.")]
public class TheVeilClient : LucairnClient
{
    /// <summary>Creates a client for the production gateway with default settings; it owns its <see cref="HttpClient"/>.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <exception cref="TheVeilConfigException">The key is missing or malformed.</exception>
    public TheVeilClient(string apiKey) : base(Checked(new LucairnClientOptions { ApiKey = apiKey }, nameof(apiKey)))
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings (a <see cref="TheVeilConfig"/> or a <see cref="LucairnClientOptions"/>).</param>
    /// <exception cref="TheVeilConfigException">A setting is invalid.</exception>
    public TheVeilClient(LucairnClientOptions options) : base(Checked(options))
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (never disposed by this client).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="httpClient">The caller's client.</param>
    /// <exception cref="TheVeilConfigException">A setting is invalid or <paramref name="httpClient"/> is null.</exception>
    public TheVeilClient(LucairnClientOptions options, HttpClient httpClient) : base(Checked(options), CheckedClient(httpClient))
    {
    }

    /// <summary>For mocking frameworks only.</summary>
    protected TheVeilClient()
    {
    }

    /// <inheritdoc />
    public override Task<ProxyResponse> SendMessagesAsync(ProxyMessagesRequest request, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.SendMessagesAsync(request, options, cancellationToken));

    /// <inheritdoc />
    public override Task<VeilCertificate> GetCertificateAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.GetCertificateAsync(requestId, options, cancellationToken));

    /// <inheritdoc />
    public override Task<CertificateFetchResult> TryGetCertificateAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.TryGetCertificateAsync(requestId, options, cancellationToken));

    /// <inheritdoc />
    public override Task<VeilCertificate> WaitForCertificateAsync(string requestId, TimeSpan timeout, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.WaitForCertificateAsync(requestId, timeout, options, cancellationToken));

    /// <inheritdoc />
    public override Task<string> GetCertificateSummaryAsync(string requestId, LucairnRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.GetCertificateSummaryAsync(requestId, options, cancellationToken));

    /// <inheritdoc />
    public override Task<AuditExportResponse> ListAuditEventsAsync(AuditExportOptions? options = null, CancellationToken cancellationToken = default) =>
        LegacyErrors.RunAsync(() => base.ListAuditEventsAsync(options, cancellationToken));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(VeilCertificate certificate, VerifyCertificateKeys keys) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificate, keys));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(VeilCertificate certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificate, keys, minimumSignableVersion));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(string certificateJson, VerifyCertificateKeys keys) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificateJson, keys));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(string certificateJson, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificateJson, keys, minimumSignableVersion));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(JToken certificate, VerifyCertificateKeys keys) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificate, keys));

    /// <inheritdoc />
    public override VerifyCertificateResult VerifyCertificate(JToken certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion) =>
        LegacyErrors.Run(() => base.VerifyCertificate(certificate, keys, minimumSignableVersion));

    private static LucairnClientOptions Checked(LucairnClientOptions options, string apiKeyName = "options.ApiKey") => LegacyErrors.Run(() =>
    {
        _ = ValidatedOptions.From(options, apiKeyName);
        return options;
    });

    private static HttpClient CheckedClient(HttpClient httpClient) =>
        httpClient ?? throw new TheVeilConfigException("httpClient must not be null.", nameof(httpClient), innerException: null);
}
