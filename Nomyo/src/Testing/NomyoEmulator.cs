using Shared.Crypto;
using Shared.Http;

namespace Nomyo.Testing;

/// <summary>
/// A NOMYO router emulator (mock, for tests and local development): a real HTTP server on
/// 127.0.0.1 with its own RSA key that serves <c>GET /pki/public_key</c> and
/// <c>POST /v1/chat/secure_completion</c> in the upstream Python wire format. It decrypts each
/// package, checks the bearer key, rejects <c>stream</c>, answers an OpenAI-shaped completion
/// echoing the last user message (with <c>usage</c> and a <c>_metadata</c> marked <c>mock</c>),
/// and encrypts it to the client's <c>X-Public-Key</c> with a fresh AES key and nonce. Faults
/// can be queued for the next calls with the family's fault API: <see cref="FailNext"/> (an error
/// status), <see cref="DelayNext"/>, <see cref="DropNextConnection"/>, plus <see cref="MalformNext"/>
/// and <see cref="FailKeyFetchNext"/>.
/// </summary>
public sealed class NomyoEmulator : IAsyncDisposable
{
    /// <summary>The base URL of an emulator created with <see cref="CreateInProcess"/>.</summary>
    public static readonly Uri InProcessBaseUrl = new("http://nomyo-emulator.invalid");

    private readonly RsaPrivateKey _serverKey;
    private readonly NomyoEmulatorOptions _options;
    private readonly LoopbackHttpServer? _server;
    private readonly object _gate = new();
    private readonly EmulatorClientKeyCache _clientKeys = new();
    private readonly Queue<(int Status, string? ErrorCode, TimeSpan? RetryAfter)> _completionFailures = new();
    private readonly Queue<int> _keyFailures = new();
    private readonly Queue<TimeSpan> _delays = new();
    private readonly Queue<bool> _drops = new();
    private readonly Queue<NomyoEmulatorFault> _faults = new();
    private readonly List<NomyoEmulatorRequest> _requests = [];
    private int _completionCalls;
    private int _keyCalls;

    private NomyoEmulator(NomyoEmulatorOptions options, bool listen)
    {
        _options = options;
        _serverKey = options.ServerKey ?? RsaPrivateKey.Generate(RsaPrivateKey.DefaultKeySizeBits);
        ServerPublicKeyPem = _serverKey.PublicKey.ToPem();
        if (listen)
        {
            _server = LoopbackHttpServer.Start(HandleAsync);
            BaseUrl = _server.BaseUri;
        }
        else
        {
            BaseUrl = InProcessBaseUrl;
        }
    }

    /// <summary>The base URL to give the client (<c>http://127.0.0.1:{port}</c>, or <see cref="InProcessBaseUrl"/>). Clients need <c>AllowHttp</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The PEM the key endpoint serves.</summary>
    public string ServerPublicKeyPem { get; }

    /// <summary>The SHA-256 of the server key's SubjectPublicKeyInfo, for <see cref="NomyoClientOptions.ServerKeyPin"/>.</summary>
    public string ServerKeyPin => _serverKey.PublicKey.GetSpkiSha256Hex();

    /// <summary>How many secure completion requests arrived (including failed and faulted ones).</summary>
    public int CompletionRequestCount => Volatile.Read(ref _completionCalls);

    /// <summary>How many key requests arrived.</summary>
    public int KeyRequestCount => Volatile.Read(ref _keyCalls);

    /// <summary>The completion requests that were accepted and decrypted, in arrival order.</summary>
    public IReadOnlyList<NomyoEmulatorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts an emulator on a free 127.0.0.1 port.</summary>
    /// <param name="options">The settings; null for defaults (a fresh RSA-4096 key, no API key check).</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static NomyoEmulator Start(NomyoEmulatorOptions? options = null) => new(options ?? new NomyoEmulatorOptions(), listen: true);

    /// <summary>Creates an emulator without a socket; reach it through <see cref="CreateHandler"/> and <see cref="InProcessBaseUrl"/>.</summary>
    /// <param name="options">The settings; null for defaults.</param>
    /// <returns>The emulator.</returns>
    public static NomyoEmulator CreateInProcess(NomyoEmulatorOptions? options = null) => new(options ?? new NomyoEmulatorOptions(), listen: false);

    /// <summary>An in-process <see cref="HttpMessageHandler"/> that runs this emulator without a socket (any host name reaches it).</summary>
    /// <returns>A new handler; the caller disposes it (usually through the <see cref="HttpClient"/>).</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorMessageHandler(HandleAsync);

    /// <summary>
    /// Answers the next <paramref name="count"/> completion requests with <paramref name="status"/>
    /// and the router's FastAPI error body: <c>{"detail": "Injected failure 503"}</c>, or with an
    /// error code <c>{"detail": {"code": errorCode, "message": "Injected failure 503"}}</c>.
    /// </summary>
    /// <param name="status">The HTTP status (400–599).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="errorCode">The server error code (<see cref="NomyoApiException.ErrorCode"/>), or null for none.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header (whole seconds), or null.</param>
    /// <exception cref="NomyoValidationException">The status or count is out of range.</exception>
    public void FailNext(int status, int count = 1, string? errorCode = null, TimeSpan? retryAfter = null)
    {
        if (status is < 400 or > 599)
        {
            throw NomyoValidationException.For("status", $"must be an error status between 400 and 599; got {status}.");
        }

        Enqueue(_completionFailures, (status, errorCode, retryAfter), count);
    }

    /// <summary>Answers the next <paramref name="count"/> key requests with <paramref name="status"/>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="count">How many requests.</param>
    public void FailKeyFetchNext(int status, int count = 1) => Enqueue(_keyFailures, status, count);

    /// <summary>Delays the next <paramref name="count"/> completion answers (on the emulator's <see cref="NomyoEmulatorOptions.TimeProvider"/>).</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="count">How many requests.</param>
    public void DelayNext(TimeSpan delay, int count = 1) => Enqueue(_delays, delay, count);

    /// <summary>
    /// Drops the connection of the next <paramref name="count"/> completion requests without an
    /// answer (the client sees a connection failure), on a socket or in process.
    /// </summary>
    /// <param name="count">How many requests (at least 1).</param>
    public void DropNextConnection(int count = 1) => Enqueue(_drops, true, count);

    /// <summary>Sends a malformed answer to the next <paramref name="count"/> valid completion requests.</summary>
    /// <param name="fault">What to break.</param>
    /// <param name="count">How many requests.</param>
    public void MalformNext(NomyoEmulatorFault fault, int count = 1) => Enqueue(_faults, fault, count);

    /// <summary>Stops the server (an in-process emulator has nothing to stop).</summary>
    /// <returns>A task that completes when the port is released.</returns>
    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        if (request.Method == "GET" && request.RawPath == NomyoProtocol.PublicKeyPath)
        {
            Interlocked.Increment(ref _keyCalls);
            return TryDequeue(_keyFailures, out int keyStatus)
                ? EmulatorRequestDecoder.Detail(keyStatus, "Key service failure (injected)")
                : EmulatorResponse.Text(200, ServerPublicKeyPem, "application/x-pem-file");
        }

        if (request.Method == "POST" && request.RawPath == NomyoProtocol.SecureCompletionPath)
        {
            Interlocked.Increment(ref _completionCalls);
            if (TryDequeue(_drops, out _))
            {
                return EmulatorResponse.DropConnection();
            }

            if (TryDequeue(_delays, out TimeSpan delay))
            {
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (TryDequeue(_completionFailures, out var failure))
            {
                var answer = EmulatorRequestDecoder.Error(failure.Status, failure.ErrorCode, $"Injected failure {failure.Status}");
                return failure.RetryAfter is TimeSpan wait ? answer.WithHeader("Retry-After", ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)) : answer;
            }

            return Complete(request);
        }

        return EmulatorRequestDecoder.Detail(404, "Not Found");
    }

    private EmulatorResponse Complete(EmulatorRequest request)
    {
        if (_options.ApiKey is not null && !ConstantTime.EqualsAscii(request.BearerToken, _options.ApiKey))
        {
            return EmulatorRequestDecoder.Detail(401, "Invalid API key");
        }

        var (decoded, error) = EmulatorRequestDecoder.Decode(request, _serverKey, _clientKeys);
        if (decoded is null)
        {
            return error!;
        }

        string payloadId = request.Header("X-Payload-ID")!;
        string? tier = request.Header("X-Security-Tier");
        lock (_gate)
        {
            _requests.Add(new NomyoEmulatorRequest(payloadId, request.Header("Authorization"), tier, request.Header("X-Public-Key")!,
                request.Header("Content-Type"), decoded.Payload, decoded.PayloadBytes, request.Body));
        }

        long now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var completion = EmulatorCompletionFactory.Create(decoded.Payload, payloadId, tier, now);
        NomyoEmulatorFault? fault = TryDequeue(_faults, out NomyoEmulatorFault queued) ? queued : null;
        byte[] body = EmulatorResponseEncoder.Encode(completion, decoded.ClientKey, now, fault);
        return EmulatorResponse.Bytes(200, body, "application/octet-stream");
    }

    private void Enqueue<T>(Queue<T> queue, T item, int count)
    {
        if (count < 1)
        {
            throw NomyoValidationException.For("count", $"must be at least 1; got {count}.");
        }

        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                queue.Enqueue(item);
            }
        }
    }

    private bool TryDequeue<T>(Queue<T> queue, out T item)
    {
        lock (_gate)
        {
            return queue.TryDequeue(out item!);
        }
    }
}
