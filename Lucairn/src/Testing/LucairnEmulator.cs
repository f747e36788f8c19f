using System.Globalization;
using Shared.Crypto;
using Shared.Http;

namespace Lucairn.Testing;

/// <summary>
/// An in-process Lucairn gateway for tests: a real HTTP server on <c>127.0.0.1</c> (free port,
/// BCL only) implementing <c>POST /api/v1/proxy/messages</c>, <c>GET /api/v1/veil/certificate/{id}</c>,
/// <c>GET …/{id}/summary</c> and <c>GET /api/v1/audit/export</c> with the gateway's status
/// behaviour. Certificates are chain-complete: four claims (dsa-bridge, dsa-sanitizer, dsa-ai,
/// dsa-audit) each signed by that service's per-instance Ed25519 key (<see cref="ServicePublicKeys"/>)
/// over the canonical bytes the chain verifier rebuilds, a signed egress digest, and the witness
/// signature of a per-instance key whose id starts with <c>mock-</c>. They carry
/// <c>"mock": true</c>, verify against <see cref="VerifyKeys"/> and <see cref="ChainKeys"/>, and
/// never against the production witness key. <see cref="FaultNextCertificates"/> issues defective
/// certificates, one kind per chain FAILED reason. Not for production use.
/// </summary>
public sealed class LucairnEmulator : IAsyncDisposable
{
    /// <summary>Send <c>true</c> in this request header on a messages call to get a 202 <c>processing</c> answer.</summary>
    public const string AsyncHeader = "x-emulator-async";

    /// <summary>Send <c>v2</c> or <c>v3</c> in this request header on a messages call to choose the certificate's signable version.</summary>
    public const string SignableVersionHeader = "x-emulator-signable-version";

    /// <summary>The model name the emulator reports.</summary>
    public const string MockModel = "mock-model";

    private readonly EmulatorGateway _gateway;
    private readonly LoopbackHttpServer _server;
    private readonly Ed25519PrivateKey _witnessKey;
    private readonly EmulatorServiceKeys _serviceKeys = new();

    private LucairnEmulator(LucairnEmulatorOptions options)
    {
        _witnessKey = Ed25519PrivateKey.Generate();
        string instance = Hex.Encode(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
        WitnessKeyId = "mock-witness-" + instance;
        string? baseUrl = null;
        _gateway = new EmulatorGateway(options, _witnessKey, WitnessKeyId, _serviceKeys, () => baseUrl!);
        DeveloperApiKey = AddCustomer(LucairnTier.Developer, instance);
        ProApiKey = AddCustomer(LucairnTier.Pro, instance);
        EnterpriseApiKey = AddCustomer(LucairnTier.Enterprise, instance);
        _server = LoopbackHttpServer.Start(_gateway.HandleAsync);
        baseUrl = _server.BaseUri.ToString().TrimEnd('/');
        BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        ChainKeys = new CertificateChainKeys
        {
            WitnessKeyId = WitnessKeyId,
            WitnessPublicKey = _witnessKey.PublicKey.ToBase64(),
            ServicePublicKeys = _serviceKeys.PublicKeys,
        };
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:{port}</c>; use it as <see cref="LucairnClientOptions.BaseUrl"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The emulator's witness key id (<c>mock-witness-…</c>, never <c>witness_v1</c>).</summary>
    public string WitnessKeyId { get; }

    /// <summary>The emulator's witness public key (32 raw bytes; a copy).</summary>
    public byte[] WitnessPublicKey => _witnessKey.PublicKey.ToArray();

    /// <summary>The keys that verify this emulator's certificates.</summary>
    public VerifyCertificateKeys VerifyKeys => new(WitnessKeyId, _witnessKey.PublicKey);

    /// <summary>
    /// Service id → public key (padded standard base64 of 32 bytes) of the services whose claims
    /// this emulator signs: <c>dsa-bridge</c>, <c>dsa-sanitizer</c>, <c>dsa-ai</c>, <c>dsa-audit</c>.
    /// Generated per instance (never a public corpus test key).
    /// </summary>
    public IReadOnlyDictionary<string, string> ServicePublicKeys => _serviceKeys.PublicKeys;

    /// <summary>
    /// The chain-verification keys for this emulator's certificates (its witness key id and key
    /// and <see cref="ServicePublicKeys"/>; default policy, no request binding): one instance,
    /// so the keys load once. Build a <see cref="CertificateChainKeys"/> yourself from the same
    /// keys for other options.
    /// </summary>
    public CertificateChainKeys ChainKeys { get; }

    /// <summary>An API key of a Developer-tier customer (403 on raw certificates).</summary>
    public string DeveloperApiKey { get; }

    /// <summary>An API key of a Pro-tier customer.</summary>
    public string ProApiKey { get; }

    /// <summary>An API key of an Enterprise-tier customer.</summary>
    public string EnterpriseApiKey { get; }

    /// <summary>Every audit event recorded so far (every authenticated call records one), oldest first.</summary>
    public IReadOnlyList<AuditEntry> AuditEvents => _gateway.AuditEvents();

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Clock, certificate delay and version; null for defaults.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    public static LucairnEmulator Start(LucairnEmulatorOptions? options = null) => new(options ?? new LucairnEmulatorOptions());

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that runs this emulator in-process (no socket), for
    /// fast unit tests: <c>new LucairnClient(config, new HttpClient(emulator.CreateHandler()))</c>.
    /// </summary>
    /// <returns>A new handler sharing this emulator's state.</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorMessageHandler(_gateway.HandleAsync);

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with <paramref name="status"/> and the
    /// gateway's error body <c>{"error":{"code":…,"message":…}}</c> instead of handling them.
    /// </summary>
    /// <param name="status">The HTTP status (100 to 599).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="errorCode">The body's error code, or null for <c>emulated_fault</c>.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send (whole seconds, rounded up), or null.</param>
    /// <exception cref="LucairnValidationException">An argument is out of range.</exception>
    public void FailNext(int status, int count = 1, string? errorCode = null, TimeSpan? retryAfter = null)
    {
        if (status is < 100 or > 599)
        {
            throw new LucairnValidationException($"status must be an HTTP status between 100 and 599, got {status}.", nameof(status));
        }

        RequireCount(count);
        if (retryAfter is { } wait && wait < TimeSpan.Zero)
        {
            throw new LucairnValidationException($"retryAfter must not be negative, got {wait}.", nameof(retryAfter));
        }

        string body = EmulatorGateway.Error(errorCode ?? "emulated_fault", "Fault injected by LucairnEmulator.");
        _gateway.Enqueue(new EmulatorFault(status, body, TimeSpan.Zero, retryAfter), count);
    }

    /// <summary>
    /// Drops the connection of the next <paramref name="count"/> requests (in the same queue as
    /// <see cref="FailNext"/> and <see cref="DelayNext"/>) without an answer, so the client sees a
    /// connection failure (on a socket or in process).
    /// </summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <exception cref="LucairnValidationException">The count is below 1.</exception>
    public void DropNextConnection(int count = 1)
    {
        RequireCount(count);
        _gateway.Enqueue(new EmulatorFault(null, null, TimeSpan.Zero, null, DropsConnection: true), count);
    }

    /// <summary>Delays the next <paramref name="count"/> requests by <paramref name="delay"/> on the emulator's clock, then handles them normally.</summary>
    /// <param name="delay">The delay (positive).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <exception cref="LucairnValidationException">An argument is out of range.</exception>
    public void DelayNext(TimeSpan delay, int count = 1)
    {
        if (delay <= TimeSpan.Zero)
        {
            throw new LucairnValidationException($"delay must be positive, got {delay}.", nameof(delay));
        }

        RequireCount(count);
        _gateway.Enqueue(new EmulatorFault(null, null, delay, null), count);
    }

    /// <summary>
    /// Makes the certificates of the next <paramref name="count"/> messages requests defective
    /// in the way <paramref name="fault"/> names (chain verification FAILS them with that reason;
    /// see <see cref="EmulatorCertificateFault"/>). Requests already answered keep their certificates.
    /// </summary>
    /// <param name="fault">The defect (not <see cref="EmulatorCertificateFault.None"/>).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <exception cref="LucairnValidationException">An argument is out of range.</exception>
    public void FaultNextCertificates(EmulatorCertificateFault fault, int count = 1)
    {
        RequireCount(count);
        if (fault == EmulatorCertificateFault.None || !Enum.IsDefined(fault))
        {
            throw new LucairnValidationException($"fault must be a defined fault other than None, got {fault}.", nameof(fault));
        }

        _gateway.EnqueueCertificateFault(fault, count);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the port is released.</returns>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void RequireCount(int count)
    {
        if (count < 1)
        {
            throw new LucairnValidationException($"count must be at least 1, got {count}.", nameof(count));
        }
    }

    private string AddCustomer(LucairnTier tier, string instance)
    {
        string name = tier.ToString().ToLowerInvariant();
        string apiKey = string.Create(CultureInfo.InvariantCulture, $"lcr_live_mock_{name}_{Hex.Encode(Guid.NewGuid().ToByteArray())}");
        _gateway.AddCustomer(new EmulatorCustomer(apiKey, tier, $"cust_mock_{name}_{instance}", $"org_mock_{name}", $"k_mock_{name}_{instance}"));
        return apiKey;
    }
}
