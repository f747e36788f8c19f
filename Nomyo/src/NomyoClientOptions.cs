using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Settings of <see cref="SecureChatCompletion"/> and <see cref="SecureCompletionClient"/>
/// (upstream constructor parameters plus the hardening options). Validated and copied when a
/// client is built (a bad setting is a <see cref="NomyoValidationException"/> naming it, e.g.
/// <c>options.Timeout</c>); changing it afterwards has no effect on that client.
/// </summary>
public sealed class NomyoClientOptions
{
    /// <summary>The production router, <c>https://api.nomyo.ai</c> (the default <see cref="BaseUrl"/>).</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.nomyo.ai");

    /// <summary>The default per-attempt timeout (60 s, as upstream).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The default response body cap: a 10 MiB plaintext after base64 (4/3) plus 64 KiB for the
    /// rest of the envelope.
    /// </summary>
    public const long DefaultMaxResponseBytes = (((NomyoProtocol.MaxPayloadBytes + 2L) / 3) * 4) + (64 * 1024);

    /// <summary>
    /// The router address: an absolute <c>https://</c> URL without query or fragment (a trailing
    /// <c>/</c> is ignored). Default <see cref="DefaultBaseUrl"/>.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Allows an <c>http://</c> base URL (local development only: the API key then travels in
    /// clear and the server key can be swapped by anyone on the path). Without it an
    /// <c>http://</c> URL fails at construction with <see cref="NomyoValidationException"/>.
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>The bearer token sent as <c>Authorization: Bearer …</c>; null sends none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether this client's secret buffers (AES keys, serialized payload, decrypted plaintext)
    /// are locked in RAM where the OS allows. They are always pinned and wiped after use.
    /// Per client, unlike upstream's process-wide switch. Default true.
    /// </summary>
    public bool SecureMemory { get; set; } = true;

    /// <summary>
    /// A folder holding a persistent client key pair (<c>private_key.pem</c>, <c>public_key.pem</c>).
    /// Loaded on first use; created (private key 0600, folder 0700 on Unix) when the folder has
    /// no key yet. An unreadable key is an error and is never overwritten. A private key file that
    /// group or other users can read or write is loaded, with a warning through <see cref="Logger"/>
    /// (not refused, so mounted secrets with mode 0644 keep working). Null (default) means
    /// an ephemeral key generated in the background when the client is built; a persistent key
    /// makes this client linkable across requests.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>
    /// The password protecting <c>private_key.pem</c> in <see cref="KeyDirectory"/>
    /// (PKCS#8 PBES2, PBKDF2-HMAC-SHA256 + AES-256-CBC). When set, an unencrypted key file is rejected.
    /// </summary>
    public string? KeyPassword { get; set; }

    /// <summary>A client key to use instead of generating or loading one (for keys kept in a vault, or tests).</summary>
    public RsaPrivateKey? ClientKey { get; set; }

    /// <summary>Retries after the first attempt for 429/502/503/504 and connection failures (default 2; 0 disables).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Whether HTTP 500 is retried too. Default false: the inference may already have run, so a
    /// retry can execute (and bill) it twice. Upstream 0.2.7 retries it.
    /// </summary>
    public bool RetryServerErrors { get; set; }

    /// <summary>The longest wait between attempts, including a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of each HTTP attempt, including reading the body (default 60 s). Timeouts are not retried.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Pins the server key: the lowercase or uppercase hex SHA-256 of its DER SubjectPublicKeyInfo
    /// (64 digits), or its PEM. A fetched key that does not match fails closed with
    /// <see cref="NomyoSecurityException"/>. Null (default) trusts whatever key TLS delivers.
    /// </summary>
    public string? ServerKeyPin { get; set; }

    /// <summary>The largest response body read, in bytes (default <see cref="DefaultMaxResponseBytes"/>).</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The clock for retry delays, timeouts and <c>Retry-After</c> dates (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where to log one line per HTTP attempt (method, path, status, elapsed, payload id) and each
    /// retry; null (the default) logs nothing. Keys, prompts, payloads and answers are never logged.
    /// <c>AddNomyoClient</c> fills it from the registered <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>.
    /// </summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>A copy, so a client is not affected by later changes to the caller's instance.</summary>
    internal NomyoClientOptions Clone() => (NomyoClientOptions)MemberwiseClone();
}
