using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Nomyo.Http;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// The low-level NOMYO client (upstream <c>SecureCompletionClient</c>): client key management,
/// the server key fetch (cached per base URL, optionally pinned), hybrid encryption of payloads,
/// the HTTP round trip with retries, and strict decryption of answers.
/// </summary>
/// <remarks>
/// Thread-safe: one instance can be shared and used concurrently; create one per configuration
/// and reuse it. Its operations (<see cref="GenerateKeys"/>, <see cref="LoadKeys"/>,
/// <see cref="FetchServerPublicKeyAsync"/>, <see cref="EncryptPayloadAsync"/>, <see cref="DecryptResponse"/>,
/// <see cref="SendSecureRequestAsync"/>) are virtual and a protected constructor exists, so a
/// mocking framework can stand in for it (for example under <see cref="SecureChatCompletion"/>,
/// whose <see cref="SecureChatCompletion.CreateAsync"/> calls only <see cref="SendSecureRequestAsync"/>).
/// </remarks>
public class SecureCompletionClient : IDisposable
{
    private const string CompletionOperation = "POST " + NomyoProtocol.SecureCompletionPath;
    private const string PublicKeyOperation = "GET " + NomyoProtocol.PublicKeyPath;
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    private readonly NomyoClientOptions _options;
    private readonly string _baseUrl;
    private readonly NomyoTransport _transport;
    private readonly ServerKeyPin? _pin;
    private readonly ServerKeyCache _serverKeys = new();
    private readonly ClientKeyStore _keys;
    private bool _disposed;

    /// <summary>Creates a client for <see cref="NomyoClientOptions.DefaultBaseUrl"/> with an API key and default settings.</summary>
    /// <param name="apiKey">The bearer token.</param>
    /// <exception cref="NomyoValidationException">The key is null or empty.</exception>
    public SecureCompletionClient(string apiKey)
        : this(new NomyoClientOptions { ApiKey = RequireApiKey(apiKey) })
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings (validated and copied; later changes have no effect).</param>
    /// <exception cref="NomyoValidationException"><paramref name="options"/> is null or a setting is wrong (including an <c>http://</c> base URL without <see cref="NomyoClientOptions.AllowHttp"/>).</exception>
    public SecureCompletionClient(NomyoClientOptions options)
        : this(httpClient: null, options)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (never disposed by this client; its <c>BaseAddress</c> is not used).</summary>
    /// <param name="options">The settings (validated and copied; later changes have no effect).</param>
    /// <param name="httpClient">The HTTP client to send every request through.</param>
    /// <exception cref="NomyoValidationException">An argument is null or a setting is wrong (including an <c>http://</c> base URL without <see cref="NomyoClientOptions.AllowHttp"/>).</exception>
    public SecureCompletionClient(NomyoClientOptions options, HttpClient httpClient)
        : this(NomyoValidationException.NotNull(httpClient, "httpClient"), options)
    {
    }

    /// <summary>For mocking frameworks only: no transport, no key (nothing is generated).</summary>
    protected SecureCompletionClient()
    {
        _options = new NomyoClientOptions();
        _baseUrl = NomyoClientOptions.DefaultBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        BaseUrl = NomyoClientOptions.DefaultBaseUrl;
        _transport = null!;
        _keys = new ClientKeyStore(_options, generateEagerly: false);
    }

    /// <summary>The one construction path: <paramref name="httpClient"/> null means an owned sender.</summary>
    private SecureCompletionClient(HttpClient? httpClient, NomyoClientOptions options)
    {
        (_options, _baseUrl, _pin) = OptionsValidator.ValidateForClient(options);
        BaseUrl = new Uri(_baseUrl, UriKind.Absolute);
        _transport = new NomyoTransport(_options, httpClient);
        _keys = new ClientKeyStore(_options, generateEagerly: true);
    }

    /// <summary>The router base URL, normalised without a trailing <c>/</c> (upstream <c>router_url</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Whether <c>http://</c> URLs are allowed.</summary>
    public bool AllowHttp => _options.AllowHttp;

    /// <summary>The number of retries after the first attempt.</summary>
    public int MaxRetries => _options.MaxRetries;

    /// <summary>Whether this client's secret buffers are locked in RAM (they are always wiped).</summary>
    public bool SecureMemory => _options.SecureMemory;

    /// <summary>The client RSA key size this SDK generates (4096).</summary>
    public int KeySize => NomyoProtocol.ClientKeySizeBits;

    /// <summary>The client's PEM public key once the key pair is ready; null while it is being generated or loaded.</summary>
    public string? PublicKeyPem => _keys.Ready?.PublicKeyPem;

    /// <summary>
    /// What secure memory achieves for this client's buffers on this machine (upstream
    /// <c>get_memory_protection_info</c>, but per client): <c>Enabled</c> is this client's
    /// <see cref="SecureMemory"/> setting, not the process-wide switch.
    /// </summary>
    /// <returns>The protection report.</returns>
    public MemoryProtectionInfo GetMemoryProtectionInfo()
    {
        MemoryProtectionInfo machine = Shared.Crypto.SecureMemory.GetProtectionInfo();
        bool locked = SecureMemory && machine.HasMemoryLocking;
        return machine with { Enabled = SecureMemory, ProtectionLevel = locked ? ProtectionLevel.Full : ProtectionLevel.ZeroingOnly };
    }

    /// <summary>
    /// Generates a new RSA-4096 key pair on the calling thread (this takes seconds) and uses it
    /// from now on. Prefer letting the client generate its key in the background.
    /// </summary>
    /// <param name="saveToFile">Whether to write the pair to <paramref name="keyDirectory"/>.</param>
    /// <param name="keyDirectory">The folder for <c>private_key.pem</c> (0600) and <c>public_key.pem</c>; existing files are never overwritten.</param>
    /// <param name="password">Encrypts the private key file (PKCS#8 PBES2) when given; must not be empty.</param>
    /// <exception cref="NomyoValidationException"><paramref name="keyDirectory"/> is null, or <paramref name="password"/> is empty.</exception>
    /// <exception cref="NomyoSecurityException">A key file already exists or cannot be written.</exception>
    public virtual void GenerateKeys(bool saveToFile = false, string keyDirectory = "client_keys", string? password = null)
    {
        _keys.Generate(saveToFile, NomyoValidationException.NotNull(keyDirectory, "keyDirectory"), password);
    }

    /// <summary>
    /// Loads the client private key from a PEM file (PKCS#8, encrypted PKCS#8 or PKCS#1; RSA of at
    /// least 2048 bits) and uses it from now on. The public key is derived from it; a given
    /// public key file must match it. A file that group or other users can read or write (Unix)
    /// is loaded with a warning through <see cref="NomyoClientOptions.Logger"/>.
    /// </summary>
    /// <param name="privateKeyPath">The private key file.</param>
    /// <param name="publicKeyPath">An optional public key file, checked against the private key.</param>
    /// <param name="password">The password of an encrypted key; when given, the file must be encrypted.</param>
    /// <exception cref="NomyoValidationException"><paramref name="privateKeyPath"/> is null.</exception>
    /// <exception cref="NomyoSecurityException">The key cannot be read, the password is wrong, or the files do not match (see <see cref="NomyoSecurityException.Reason"/>).</exception>
    public virtual void LoadKeys(string privateKeyPath, string? publicKeyPath = null, string? password = null)
    {
        _keys.Load(NomyoValidationException.NotNull(privateKeyPath, "privateKeyPath"), publicKeyPath, password);
    }

    /// <summary>
    /// The server's public key as PEM (<c>GET /pki/public_key</c>). Fetched once per base URL and
    /// cached; it must be RSA of at least 2048 bits and match <see cref="NomyoClientOptions.ServerKeyPin"/> when set.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="NomyoSecurityException">The key is not a usable RSA key (<see cref="NomyoSecurityReason.ServerKeyInvalid"/>), or does not match the pin (<see cref="NomyoSecurityReason.PinMismatch"/>).</exception>
    /// <exception cref="NomyoApiException">The server answered with an error status, timed out or could not be reached (a subclass names which).</exception>
    public virtual Task<string> FetchServerPublicKeyAsync(CancellationToken cancellationToken = default) =>
        NomyoTelemetry.Instance.TraceAsync("FetchServerPublicKeyAsync", "GET", _baseUrl, () => FetchServerPublicKeyCoreAsync(cancellationToken));

    private async Task<string> FetchServerPublicKeyCoreAsync(CancellationToken cancellationToken)
    {
        RsaPublicKey key = await GetServerKeyAsync(_baseUrl, cancellationToken).ConfigureAwait(false);
        return key.ToPem();
    }

    /// <summary>
    /// Encrypts a payload into the package of spec §3.2 for this client's server. The payload is
    /// serialized like Python's <c>json.dumps</c> into a wiped buffer; more than 10,485,760 bytes is refused.
    /// </summary>
    /// <param name="payload">The request payload (<c>model</c>, <c>messages</c>, …).</param>
    /// <param name="cancellationToken">Cancels the server key fetch.</param>
    /// <returns>The package bytes to POST.</returns>
    /// <exception cref="NomyoValidationException">The payload is null, too large, or holds a value JSON cannot carry.</exception>
    /// <exception cref="NomyoSecurityException">The server key is unusable or does not match the pin.</exception>
    public virtual Task<byte[]> EncryptPayloadAsync(JObject payload, CancellationToken cancellationToken = default)
    {
        NomyoValidationException.NotNull(payload, "payload");
        return NomyoTelemetry.Instance.TraceAsync("EncryptPayloadAsync", null, _baseUrl, () => EncryptAsync(_baseUrl, payload, cancellationToken));
    }

    /// <summary>
    /// Decrypts and validates a response package (spec §6, hardened): version, algorithm, strict
    /// base64, nonce 12 / tag 16 / AES key 32 bytes, a JSON object inside, and a server
    /// <c>_metadata.payload_id</c> equal to <paramref name="payloadId"/>; then stamps <c>_metadata</c>.
    /// </summary>
    /// <param name="encryptedResponse">The response body.</param>
    /// <param name="payloadId">The <c>X-Payload-ID</c> the request was sent with.</param>
    /// <returns>The decrypted completion object.</returns>
    /// <exception cref="NomyoValidationException">An argument is null or empty.</exception>
    /// <exception cref="NomyoSecurityException">Any check fails, or no client key is loaded yet; <see cref="NomyoSecurityException.Reason"/> says which.</exception>
    public virtual JObject DecryptResponse(byte[] encryptedResponse, string payloadId)
    {
        NomyoValidationException.NotNull(encryptedResponse, "encryptedResponse");
        if (string.IsNullOrEmpty(payloadId))
        {
            throw NomyoValidationException.For("payloadId", "must not be null or empty.");
        }

        ClientKeyPair keys = _keys.Ready ?? throw new NomyoSecurityException(
            NomyoSecurityReason.ClientKeyMissing, "No client private key is loaded: call GenerateKeys or LoadKeys, or send a request first.");
        return Decrypt(keys, encryptedResponse, payloadId);
    }

    /// <summary>
    /// Encrypts <paramref name="payload"/>, POSTs it to <c>/v1/chat/secure_completion</c> with
    /// retries, and decrypts the answer. <see cref="SecureChatCompletion.CreateAsync"/> calls only
    /// this member, so mocking it is enough to test code built on <see cref="SecureChatCompletion"/>.
    /// </summary>
    /// <param name="payload">The request payload.</param>
    /// <param name="payloadId">The <c>X-Payload-ID</c> (a UUIDv4 string).</param>
    /// <param name="apiKey">The bearer token; null uses <see cref="NomyoClientOptions.ApiKey"/>; empty is refused.</param>
    /// <param name="securityTier">The <c>X-Security-Tier</c>, or null for none.</param>
    /// <param name="baseUrl">A router for this call only (same rules as <see cref="NomyoClientOptions.BaseUrl"/>); null uses <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decrypted completion object with <c>_metadata</c>.</returns>
    /// <exception cref="NomyoValidationException">An argument is wrong; nothing was sent.</exception>
    /// <exception cref="NomyoApiException">The server answered with an error status, timed out or could not be reached (a subclass names which).</exception>
    /// <exception cref="NomyoSecurityException">Encryption, the server key or the response failed a check.</exception>
    public virtual Task<JObject> SendSecureRequestAsync(
        JObject payload,
        string payloadId,
        string? apiKey = null,
        SecurityTier? securityTier = null,
        Uri? baseUrl = null,
        CancellationToken cancellationToken = default)
    {
        NomyoValidationException.NotNull(payload, "payload");
        string url = baseUrl is null ? _baseUrl : Http.BaseUrl.Normalize(baseUrl, AllowHttp, "baseUrl");
        return Shared.Telemetry.ClientOperation.Current is { } running
            ? SendWithinAsync(running, url, payload, payloadId, apiKey, securityTier, cancellationToken)
            : NomyoTelemetry.Instance.TraceAsync("SendSecureRequestAsync", "POST", url, () => SendAsync(url, payload, payloadId, apiKey, securityTier, cancellationToken));
    }

    /// <summary>Releases the owned <see cref="HttpClient"/> (a caller-owned one is left alone).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _transport?.Dispose();
        }
    }

    /// <summary>The <c>(string apiKey)</c> constructors' check.</summary>
    /// <exception cref="NomyoValidationException">The key is null or blank.</exception>
    internal static string RequireApiKey(string? apiKey) =>
        string.IsNullOrWhiteSpace(apiKey) ? throw NomyoValidationException.For("apiKey", "must not be null or empty.") : apiKey;

    /// <summary>Checks a per-call API key: null (use the client's) or a printable bearer token.</summary>
    /// <exception cref="NomyoValidationException">The key is empty or holds characters a header cannot carry.</exception>
    internal static string? Authorization(string? apiKey, string paramName)
    {
        if (apiKey is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw NomyoValidationException.For(paramName, "is empty; pass null to use the client's key (an empty key would silently send no Authorization header).");
        }

        if (apiKey.Any(c => c < 0x21 || c > 0x7E))
        {
            throw NomyoValidationException.For(paramName, "contains whitespace, control or non-ASCII characters; it cannot be sent as a bearer token.");
        }

        return "Bearer " + apiKey;
    }

    /// <summary>Runs the request inside an operation already traced by the caller (<see cref="SecureChatCompletion.CreateAsync"/>): one span, not two.</summary>
    private Task<JObject> SendWithinAsync(Shared.Telemetry.ClientOperation running, string baseUrl, JObject payload, string payloadId, string? apiKey, SecurityTier? securityTier, CancellationToken cancellationToken)
    {
        running.SetServer(baseUrl);
        return SendAsync(baseUrl, payload, payloadId, apiKey, securityTier, cancellationToken);
    }

    /// <summary>The full request cycle against <paramref name="baseUrl"/> (already normalised and scheme-checked).</summary>
    private async Task<JObject> SendAsync(string baseUrl, JObject payload, string payloadId, string? apiKey, SecurityTier? securityTier, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (string.IsNullOrEmpty(payloadId) || payloadId.Any(c => c < 0x21 || c > 0x7E))
        {
            throw NomyoValidationException.For("payloadId", "must be printable ASCII without spaces (a UUIDv4 string); it is sent as the X-Payload-ID header.");
        }

        string? authorization = Authorization(apiKey, "apiKey") ?? Authorization(_options.ApiKey, "options.ApiKey");
        string? key = apiKey ?? _options.ApiKey;
        string? tier = securityTier?.ToWireName("securityTier");
        ClientKeyPair keys = await _keys.GetAsync(cancellationToken).ConfigureAwait(false);
        byte[] package = await EncryptAsync(baseUrl, payload, cancellationToken).ConfigureAwait(false);
        HttpResult result = await _transport.SendPostAsync(
            baseUrl,
            CompletionOperation,
            key,
            (api, token) => api.PostSecureCompletionAsync(new ByteArrayContent(package) { Headers = { ContentType = OctetStream } }, payloadId, keys.PublicKeyHeader, authorization, tier, token),
            cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw NomyoErrorMapper.Map(error, CompletionOperation);
        }

        return Decrypt(keys, result.Body, payloadId);
    }

    private async Task<byte[]> EncryptAsync(string baseUrl, JObject payload, CancellationToken cancellationToken)
    {
        using SecureBuffer plaintext = Serialize(payload);
        RsaPublicKey serverKey = await GetServerKeyAsync(baseUrl, cancellationToken).ConfigureAwait(false);
        long started = NomyoTelemetry.StartTiming(NomyoTelemetry.EncryptionDuration);
        byte[] package = PackageWriter.Write(HybridCodec.Seal(plaintext.Span, serverKey, SecureMemory));
        NomyoTelemetry.StopTiming(NomyoTelemetry.EncryptionDuration, started);
        return package;
    }

    private SecureBuffer Serialize(JObject payload)
    {
        using var writer = new SensitiveBufferWriter(4096);
        PythonJsonWriter.WriteToken(writer, payload);
        if (writer.Length > NomyoProtocol.MaxPayloadBytes)
        {
            throw NomyoValidationException.For("payload", $"is too large: {writer.Length} bytes (max: {NomyoProtocol.MaxPayloadBytes}).");
        }

        return writer.ToSecureBuffer(SecureMemory);
    }

    private JObject Decrypt(ClientKeyPair keys, byte[] body, string payloadId)
    {
        long started = NomyoTelemetry.StartTiming(NomyoTelemetry.DecryptionDuration);
        JObject response = DecryptCore(keys, body, payloadId);
        NomyoTelemetry.StopTiming(NomyoTelemetry.DecryptionDuration, started);
        return response;
    }

    private JObject DecryptCore(ClientKeyPair keys, byte[] body, string payloadId)
    {
        ResponsePackage package = ResponsePackageReader.Read(body);
        using SecureBuffer plaintext = HybridCodec.Open(package.Parts, keys.PrivateKey, SecureMemory);
        JObject response = NomyoJson.ParseObject(plaintext.Memory, "The decrypted response", NomyoSecurityReason.MalformedPlaintext);
        ResponseMetadata.Attach(response, payloadId, package.ProcessedAt);
        return response;
    }

    private Task<RsaPublicKey> GetServerKeyAsync(string baseUrl, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _serverKeys.GetAsync(baseUrl, FetchServerKeyAsync, cancellationToken);
    }

    private async Task<RsaPublicKey> FetchServerKeyAsync(string baseUrl)
    {
        // Shared by every waiting caller, so not bound to one caller's token; the per-attempt timeout bounds it.
        HttpResult result = await _transport.SendIdempotentAsync(baseUrl, PublicKeyOperation, (api, token) => api.GetPublicKeyAsync(token), CancellationToken.None).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw NomyoErrorMapper.Map(error, PublicKeyOperation);
        }

        RsaPublicKey key;
        try
        {
            key = RsaPublicKey.FromPem(new UTF8Encoding(false, true).GetString(result.Body));
        }
        catch (Exception ex) when (ex is CryptoException or DecoderFallbackException)
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.ServerKeyInvalid,
                $"The server public key from {baseUrl} is not usable (an RSA PEM public key of at least {NomyoProtocol.MinimumServerKeySizeBits} bits with an odd public exponent of at least 65537 is required): {ex.Message}", ex);
        }

        _pin?.Verify(key, baseUrl);
        return key;
    }
}
