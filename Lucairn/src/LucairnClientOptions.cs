using System.Globalization;

namespace Lucairn;

/// <summary>
/// Settings for <see cref="LucairnClient"/>. Everything is validated and copied when the client is
/// built (see <see cref="LucairnClient(LucairnClientOptions)"/>), so later changes to this object
/// have no effect on it; an invalid value raises <see cref="LucairnValidationException"/> whose
/// <see cref="LucairnValidationException.ParamName"/> names the option (for example
/// <c>options.BaseUrl</c>). <see cref="ToString"/> never shows the API key.
/// </summary>
public class LucairnClientOptions
{
    /// <summary>The production gateway, the default <see cref="BaseUrl"/>: <c>https://gateway.lucairn.eu</c>.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://gateway.lucairn.eu", UriKind.Absolute);

    /// <summary>The default response body cap, 10 MiB.</summary>
    public const long DefaultMaxResponseBytes = 10L * 1024 * 1024;

    /// <summary>The default number of automatic retries of idempotent GET requests.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>The largest accepted <see cref="MaxRetries"/>.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The default per-request timeout, 60 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The API key, sent as <c>x-api-key</c>: <c>lcr_live_</c> followed by at least 20 of
    /// <c>A-Z a-z 0-9 _ -</c>, or the legacy <c>dsa_</c> followed by 32 lower-case hex digits.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The gateway base URL (default <see cref="DefaultBaseUrl"/>). Must be an absolute https URL,
    /// or http for <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c> and <c>*.local</c> hosts, with no
    /// user info, query or fragment. Trailing slashes are removed.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The timeout of each request (default 60 s); must be positive and finite.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The largest response body read, in bytes (default 10 MiB); must be positive.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Automatic retries of idempotent GET requests on 429/502/503/504 and transport errors
    /// (default 2, 0 disables, at most <see cref="MaxRetriesLimit"/>). <c>SendMessagesAsync</c> is never retried.
    /// </summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The clock used for timeouts and retry back-off (default <see cref="System.TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where to log one line per HTTP attempt (method, path, status, elapsed, request id) and each
    /// retry; null (the default) logs nothing. Keys, prompts and bodies are never logged.
    /// <c>AddLucairnClient</c> fills it from the registered <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>.
    /// </summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>Describes the settings without the API key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{GetType().Name} {{ BaseUrl = {BaseUrl}, Timeout = {Timeout}, MaxResponseBytes = {MaxResponseBytes}, MaxRetries = {MaxRetries}, ApiKey = {(ApiKey is null ? "<none>" : "<redacted>")} }}");
}
