using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Nomyo.Http;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// The low-level NOMYO client (upstream <c>SecureCompletionClient</c>): client key management,
/// the server key fetch (cached per base URL, optionally pinned), hybrid encryption of payloads,
/// the HTTP round trip with retries, and strict decryption of answers. Thread-safe: one
/// instance serves any number of concurrent requests over one <see cref="HttpClient"/>.
/// </summary>
public class SecureCompletionClient : IDisposable
{
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    private readonly NomyoClientOptions _options;
    private readonly NomyoTransport _transport;
    private readonly ServerKeyPin? _pin;
    private readonly ServerKeyCache _serverKeys = new();
    private readonly object _keyLock = new();
    private Task<ClientKeyPair>? _keys;
    private bool _disposed;

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NomyoSecurityException">The base URL is <c>http://</c> without <see cref="NomyoClientOptions.AllowHttp"/>.</exception>
    public SecureCompletionClient(NomyoClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (never disposed by this client; its <c>BaseAddress</c> is not used).</summary>
    /// <param name="options">The settings (copied).</param>
    /// <param name="httpClient">The HTTP client to send every request through.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NomyoSecurityException">The base URL is <c>http://</c> without <see cref="NomyoClientOptions.AllowHttp"/>.</exception>
    public SecureCompletionClient(NomyoClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, BaseUrl, _pin) = OptionsValidator.ValidateForClient(options);
        _transport = new NomyoTransport(_options, httpClient);
        if (_options.ClientKey is { } key)
        {
            _keys = Task.FromResult(new ClientKeyPair(key));
        }
        else if (_options.KeyDirectory is null)
        {
            // Ephemeral key: start RSA-4096 generation now, off the caller's thread, so the first call waits less.
            _keys = StartKeyTask();
        }
    }

    /// <summary>For mocking frameworks only.</summary>
    protected SecureCompletionClient()
    {
        _options = new NomyoClientOptions();
        BaseUrl = NomyoProtocol.DefaultBaseUrl;
        _transport = null!;
    }

    /// <summary>The router base URL, without a trailing <c>/</c> (upstream <c>router_url</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>Whether <c>http://</c> URLs are allowed.</summary>
    public bool AllowHttp => _options.AllowHttp;

    /// <summary>The number of retries after the first attempt.</summary>
    public int MaxRetries => _options.MaxRetries;

    /// <summary>Whether this client's secret buffers are locked in RAM (they are always wiped).</summary>
    public bool SecureMemory => _options.SecureMemory;

    /// <summary>The client RSA key size this SDK generates (4096).</summary>
    public int KeySize => NomyoProtocol.ClientKeySizeBits;

    /// <summary>The client's PEM public key once the key pair is ready; null while it is being generated or loaded.</summary>
    public string? PublicKeyPem => _keys is { IsCompletedSuccessfully: true } ready ? ready.Result.PublicKeyPem : null;

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
    /// <exception cref="NomyoSecurityException">A key file already exists or cannot be written.</exception>
    public virtual void GenerateKeys(bool saveToFile = false, string keyDirectory = "client_keys", string? password = null)
    {
        ArgumentNullException.ThrowIfNull(keyDirectory);
        var key = RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits);
        if (saveToFile)
        {
            KeyFiles.Save(keyDirectory, key, password);
        }

        SetKeys(new ClientKeyPair(key));
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
    /// <exception cref="NomyoSecurityException">The key cannot be read, the password is wrong, or the files do not match.</exception>
    public virtual void LoadKeys(string privateKeyPath, string? publicKeyPath = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPath);
        SetKeys(KeyFiles.Load(privateKeyPath, publicKeyPath, password, _options.Logger));
    }

    /// <summary>
    /// The server's public key as PEM (<c>GET /pki/public_key</c>). Fetched once per base URL and
    /// cached; it must be RSA of at least 2048 bits and match <see cref="NomyoClientOptions.ServerKeyPin"/> when set.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="NomyoSecurityException">The key is not a usable RSA key, or does not match the pin.</exception>
    /// <exception cref="NomyoApiException">The server answered with an error status.</exception>
    /// <exception cref="NomyoConnectionException">The server could not be reached.</exception>
    public virtual Task<string> FetchServerPublicKeyAsync(CancellationToken cancellationToken = default) =>
        NomyoTelemetry.Instance.TraceAsync("FetchServerPublicKeyAsync", "GET", BaseUrl, () => FetchServerPublicKeyCoreAsync(cancellationToken));

    private async Task<string> FetchServerPublicKeyCoreAsync(CancellationToken cancellationToken)
    {
        RsaPublicKey key = await GetServerKeyAsync(BaseUrl, cancellationToken).ConfigureAwait(false);
        return key.ToPem();
    }

    /// <summary>
    /// Encrypts a payload into the package of spec §3.2 for this client's server. The payload is
    /// serialized like Python's <c>json.dumps</c> into a wiped buffer; more than 10,485,760 bytes is refused.
    /// </summary>
    /// <param name="payload">The request payload (<c>model</c>, <c>messages</c>, …).</param>
    /// <param name="cancellationToken">Cancels the server key fetch.</param>
    /// <returns>The package bytes to POST.</returns>
    /// <exception cref="NomyoInvalidRequestException">The payload is too large or holds a value JSON cannot carry.</exception>
    /// <exception cref="NomyoSecurityException">The server key is unusable or does not match the pin.</exception>
    public virtual Task<byte[]> EncryptPayloadAsync(JObject payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return NomyoTelemetry.Instance.TraceAsync("EncryptPayloadAsync", null, BaseUrl, () => EncryptAsync(BaseUrl, payload, cancellationToken));
    }

    /// <summary>
    /// Decrypts and validates a response package (spec §6, hardened): version, algorithm, strict
    /// base64, nonce 12 / tag 16 / AES key 32 bytes, a JSON object inside, and a server
    /// <c>_metadata.payload_id</c> equal to <paramref name="payloadId"/>; then stamps <c>_metadata</c>.
    /// </summary>
    /// <param name="encryptedResponse">The response body.</param>
    /// <param name="payloadId">The <c>X-Payload-ID</c> the request was sent with.</param>
    /// <returns>The decrypted completion object.</returns>
    /// <exception cref="NomyoSecurityException">Any check fails, or no client key is loaded yet.</exception>
    public virtual JObject DecryptResponse(byte[] encryptedResponse, string payloadId)
    {
        ArgumentNullException.ThrowIfNull(encryptedResponse);
        ArgumentException.ThrowIfNullOrEmpty(payloadId);
        if (_keys is not { IsCompletedSuccessfully: true } ready)
        {
            throw new NomyoSecurityException("No client private key is loaded: call GenerateKeys or LoadKeys, or send a request first.");
        }

        return Decrypt(ready.Result, encryptedResponse, payloadId);
    }

    /// <summary>
    /// Encrypts <paramref name="payload"/>, POSTs it to <c>/v1/chat/secure_completion</c> with
    /// retries, and decrypts the answer.
    /// </summary>
    /// <param name="payload">The request payload.</param>
    /// <param name="payloadId">The <c>X-Payload-ID</c> (a UUIDv4 string).</param>
    /// <param name="apiKey">The bearer token; null uses <see cref="NomyoClientOptions.ApiKey"/>; empty is refused.</param>
    /// <param name="securityTier">The <c>X-Security-Tier</c>, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decrypted completion object with <c>_metadata</c>.</returns>
    /// <exception cref="NomyoApiException">The server answered with an error status (a subclass names it).</exception>
    /// <exception cref="NomyoSecurityException">Encryption, the server key or the response failed a check.</exception>
    /// <exception cref="NomyoConnectionException">The server could not be reached or timed out.</exception>
    public virtual Task<JObject> SendSecureRequestAsync(
        JObject payload,
        string payloadId,
        string? apiKey = null,
        SecurityTier? securityTier = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return NomyoTelemetry.Instance.TraceAsync("SendSecureRequestAsync", "POST", BaseUrl, () => SendAsync(BaseUrl, payload, payloadId, apiKey, securityTier, cancellationToken));
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

    /// <summary>The full request cycle against <paramref name="baseUrl"/> (already normalised and scheme-checked).</summary>
    internal async Task<JObject> SendAsync(string baseUrl, JObject payload, string payloadId, string? apiKey, SecurityTier? securityTier, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(payloadId);
        if (payloadId.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new NomyoInvalidRequestException("The payload id must be printable ASCII without spaces (a UUIDv4 string); it is sent as the X-Payload-ID header.");
        }

        string? key = apiKey ?? _options.ApiKey;
        string? authorization = Authorization(key);
        string? tier = securityTier?.ToWireName();
        ClientKeyPair keys = await GetKeysAsync(cancellationToken).ConfigureAwait(false);
        byte[] package = await EncryptAsync(baseUrl, payload, cancellationToken).ConfigureAwait(false);
        HttpResult result = await _transport.SendPostAsync(
            baseUrl,
            key,
            (api, token) => api.PostSecureCompletionAsync(new ByteArrayContent(package) { Headers = { ContentType = OctetStream } }, payloadId, keys.PublicKeyHeader, authorization, tier, token),
            cancellationToken).ConfigureAwait(false);
        if (result.Status != 200)
        {
            throw StatusErrorMapper.Map(result);
        }

        return Decrypt(keys, result.Body, payloadId);
    }

    private static string? Authorization(string? apiKey)
    {
        if (apiKey is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new NomyoInvalidRequestException("The API key is empty; pass null to use the client's key (an empty key would silently send no Authorization header).");
        }

        if (apiKey.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new NomyoInvalidRequestException("The API key contains whitespace, control or non-ASCII characters; it cannot be sent as a bearer token.");
        }

        return "Bearer " + apiKey;
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
            throw new NomyoInvalidRequestException($"Payload too large: {writer.Length} bytes (max: {NomyoProtocol.MaxPayloadBytes})");
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
        JObject response = NomyoJson.ParseObject(plaintext.Memory, "The decrypted response");
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
        HttpResult result = await _transport.SendIdempotentAsync(baseUrl, (api, token) => api.GetPublicKeyAsync(token), CancellationToken.None).ConfigureAwait(false);
        if (result.Status != 200)
        {
            throw StatusErrorMapper.Map(result, $"Failed to fetch server's public key: HTTP {result.Status}");
        }

        RsaPublicKey key;
        try
        {
            key = RsaPublicKey.FromPem(new UTF8Encoding(false, true).GetString(result.Body));
        }
        catch (Exception ex) when (ex is CryptoException or DecoderFallbackException)
        {
            throw new NomyoSecurityException(
                $"The server public key from {baseUrl} is not usable (an RSA PEM public key of at least {NomyoProtocol.MinimumServerKeySizeBits} bits with an odd public exponent of at least 65537 is required): {ex.Message}", ex);
        }

        _pin?.Verify(key, baseUrl);
        return key;
    }

    private Task<ClientKeyPair> GetKeysAsync(CancellationToken cancellationToken)
    {
        Task<ClientKeyPair> keys;
        lock (_keyLock)
        {
            if (_keys is null || _keys.IsFaulted || _keys.IsCanceled)
            {
                // A key directory is read on first use; a failed load is retried on the next call, never replaced.
                _keys = StartKeyTask();
            }

            keys = _keys;
        }

        return keys.WaitAsync(cancellationToken);
    }

    private Task<ClientKeyPair> StartKeyTask()
    {
        string? directory = _options.KeyDirectory;
        string? password = _options.KeyPassword;
        return directory is null
            ? Task.Run(() => new ClientKeyPair(RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits)), CancellationToken.None)
            : Task.Run(() => KeyFiles.LoadOrCreate(directory, password, _options.Logger), CancellationToken.None);
    }

    private void SetKeys(ClientKeyPair keys)
    {
        lock (_keyLock)
        {
            _keys = Task.FromResult(keys);
        }
    }
}
