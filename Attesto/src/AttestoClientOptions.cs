using System.Text.RegularExpressions;

namespace Attesto;

/// <summary>
/// Settings of <see cref="AttestoClient"/> and <see cref="AttestoV2Client"/>: the connection
/// settings, and under <see cref="Proofstream"/> the settings only the Proofstream client uses.
/// A client validates and copies them when it is constructed; changing the object afterwards has
/// no effect on it. The credential is never written by <see cref="ToString"/> or into messages.
/// </summary>
public sealed partial class AttestoClientOptions
{
    /// <summary>The public Attesto API origin.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://verify.attesto.eu");

    /// <summary>Creates options with the defaults; set <see cref="ApiKey"/> before use.</summary>
    public AttestoClientOptions()
    {
    }

    /// <summary>Creates options for a system API key.</summary>
    /// <param name="apiKey">An <c>atto_live_…</c> or <c>atto_test_…</c> key.</param>
    public AttestoClientOptions(string apiKey)
    {
        ApiKey = apiKey;
    }

    /// <summary>
    /// The system API key, <c>atto_live_</c> or <c>atto_test_</c> followed by 32 lowercase hex
    /// digits (checked before any network call), or a bearer token when
    /// <see cref="ValidateKeyFormat"/> is false (see <see cref="WithBearerToken"/>).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether <see cref="ApiKey"/> must match the system-key format. True by default; false
    /// only for the explicit bearer-token path (<see cref="WithBearerToken"/>).
    /// </summary>
    public bool ValidateKeyFormat { get; set; } = true;

    /// <summary>The API origin (http or https, optionally with a path prefix). Default <c>https://verify.attesto.eu</c>.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The time limit of each HTTP attempt. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt on 5xx, 429 and transport errors (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The <c>User-Agent</c> header; null sends <c>attesto-dotnet/&lt;version&gt;</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The Proofstream settings of <see cref="AttestoV2Client"/> (receipt signer key, head store,
    /// mock-receipt opt-in, preflight, page size); ignored by <see cref="AttestoClient"/>. Never null.
    /// </summary>
    public ProofstreamOptions Proofstream { get; set; } = new();

    /// <summary>The clock used for back-off delays, per-attempt timeouts and default timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where to log one line per call (method, path, status, elapsed, request id) and each retry;
    /// null (the default) logs nothing. Keys, payloads and metadata are never logged.
    /// <c>AddAttestoClient</c> / <c>AddAttestoV2Client</c> fill it from the registered <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>.
    /// </summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>
    /// Options that send <paramref name="token"/> as a bearer token without the system-key
    /// format check (the C# form of upstream's <c>with_bearer_token</c>).
    /// </summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>New options.</returns>
    public static AttestoClientOptions WithBearerToken(string token) => new(token) { ValidateKeyFormat = false };

    /// <summary>Whether <paramref name="apiKey"/> has the system-key format <c>atto_(live|test)_</c> + 32 lowercase hex digits.</summary>
    /// <param name="apiKey">The key to test.</param>
    /// <returns>True for a well-formed key.</returns>
    public static bool IsWellFormedApiKey(string? apiKey) => apiKey is not null && ApiKeyPattern().IsMatch(apiKey);

    /// <summary>Describes the options without the credential.</summary>
    /// <returns>A diagnostic string.</returns>
    public override string ToString() =>
        $"AttestoClientOptions {{ BaseUrl = {BaseUrl}, Timeout = {Timeout}, MaxRetries = {MaxRetries}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(redacted)")} }}";

    /// <summary>Checks every setting and returns the normalised base URL (no trailing slash).</summary>
    /// <param name="requireCredential">Whether a key or token must be present.</param>
    /// <returns>The base URL to use.</returns>
    /// <exception cref="AttestoValidationException">A setting is invalid; the message names it (never the key's value).</exception>
    internal Uri Validate(bool requireCredential = true)
    {
        if (requireCredential)
        {
            if (string.IsNullOrWhiteSpace(ApiKey))
            {
                throw new AttestoValidationException("options.ApiKey is required (an atto_live_… or atto_test_… system key, or a bearer token via AttestoClientOptions.WithBearerToken).", "options.ApiKey");
            }

            if (ValidateKeyFormat && !IsWellFormedApiKey(ApiKey))
            {
                throw new AttestoValidationException("options.ApiKey is not a valid Attesto system key: expected 'atto_live_' or 'atto_test_' followed by exactly 32 lowercase hex digits. Use AttestoClientOptions.WithBearerToken for a bearer token.", "options.ApiKey");
            }

            if (ApiKey.Any(c => c < 0x21 || c > 0x7E))
            {
                throw new AttestoValidationException("options.ApiKey contains whitespace or non-ASCII characters.", "options.ApiKey");
            }
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new AttestoValidationException($"options.Timeout must be between 0 and 10 minutes; got {Timeout}.", "options.Timeout");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new AttestoValidationException($"options.MaxRetries must be between 0 and 10; got {MaxRetries}.", "options.MaxRetries");
        }

        if (Proofstream is null)
        {
            throw new AttestoValidationException("options.Proofstream must not be null (leave the default to use the standard Proofstream settings).", "options.Proofstream");
        }

        if (TimeProvider is null)
        {
            throw new AttestoValidationException("options.TimeProvider must not be null.", "options.TimeProvider");
        }

        return NormaliseBaseUrl(BaseUrl);
    }

    private static Uri NormaliseBaseUrl(Uri? baseUrl)
    {
        if (baseUrl is null || !baseUrl.IsAbsoluteUri)
        {
            throw new AttestoValidationException("options.BaseUrl must be an absolute http or https URL.", "options.BaseUrl");
        }

        if (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new AttestoValidationException($"options.BaseUrl must use http or https; got scheme '{baseUrl.Scheme}'.", "options.BaseUrl");
        }

        if (string.IsNullOrEmpty(baseUrl.Host) || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            throw new AttestoValidationException("options.BaseUrl must have a host and no user info, query or fragment.", "options.BaseUrl");
        }

        string text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text, UriKind.Absolute);
    }

    [GeneratedRegex(@"\Aatto_(live|test)_[0-9a-f]{32}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApiKeyPattern();
}
