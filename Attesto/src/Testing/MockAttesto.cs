using System.Security.Cryptography;
using Shared.Crypto;
using Shared.Http;

namespace Attesto.Testing;

/// <summary>
/// An emulator of the Attesto v1 and v2 APIs for tests and offline samples (spec §18): real
/// hash-chain semantics (seq numbers, event hashes, previous-hash links, windows with Merkle roots
/// and inclusion proofs, witnessed checkpoints, consistency, bundles), receipts signed by a
/// per-instance throwaway Ed25519 key under kid <c>attesto-mock-ed25519</c>, <c>"mock": true</c> on
/// every object, and a minimal JSON-RPC chain at <see cref="RpcUrl"/> for the anchors it confirms.
/// Mock evidence never passes verification unless the caller opts in to mock evidence.
/// Use <see cref="Start(MockAttestoOptions?)"/> for a real HTTP server on 127.0.0.1, or
/// <see cref="CreateHandler"/> for an in-process <see cref="HttpMessageHandler"/>.
/// </summary>
public sealed class MockAttesto : IAsyncDisposable
{
    private static readonly Uri InProcessBaseUrl = new("http://attesto.mock.invalid/");
    private readonly MockLedger _ledger;
    private readonly MockFaults _faults = new();
    private readonly MockRouter _router;
    private LoopbackHttpServer? _server;

    /// <summary>Creates an emulator without a socket; talk to it through <see cref="CreateHandler"/>.</summary>
    /// <param name="options">Window size, witnesses, clock; null for defaults.</param>
    public MockAttesto(MockAttestoOptions? options = null)
    {
        options ??= new MockAttestoOptions();
        if (options.WindowSize is < 1 or > 100_000 || options.WitnessCount is < 1 or > 16 || options.WitnessQuorum < 1 || options.WitnessQuorum > options.WitnessCount || options.TimeProvider is null)
        {
            throw new AttestoValidationException("MockAttestoOptions: WindowSize must be 1..100000, WitnessCount 1..16, WitnessQuorum 1..WitnessCount, TimeProvider set.", nameof(options));
        }

        ApiKey = "atto_test_" + Hex.Encode(RandomNumberGenerator.GetBytes(16));
        _ledger = new MockLedger(options);
        _router = new MockRouter(_ledger, _faults, ApiKey, options.TimeProvider);
    }

    /// <summary>The base URL: the loopback server's address once started, otherwise a placeholder for in-process use.</summary>
    public Uri BaseUrl => _server?.BaseUri ?? InProcessBaseUrl;

    /// <summary>The JSON-RPC endpoint of the mock chain (<c>{BaseUrl}rpc</c>), for <see cref="Anchors.VerifyOnChainAsync"/>.</summary>
    public Uri RpcUrl => new(BaseUrl, "rpc");

    /// <summary>The API key the emulator accepts (a well-formed <c>atto_test_</c> key, random per instance).</summary>
    public string ApiKey { get; }

    /// <summary>The receipt signer's public key (hex); the private key never leaves the instance.</summary>
    public string PublicKeyHex => _ledger.ReceiptPublicKeyHex;

    /// <summary>The mock witnesses' public keys by witness id, for VerifierBundle.Verify.</summary>
    public IReadOnlyDictionary<string, string> WitnessPublicKeys => _ledger.WitnessPublicKeys;

    /// <summary>The mock anchoring contract address.</summary>
    public string ContractAddress => _ledger.Chain.ContractAddress;

    /// <summary>How many HTTP requests the emulator has received.</summary>
    public int RequestCount => _router.RequestCount;

    /// <summary>Starts an emulator with a real HTTP server on a free 127.0.0.1 port.</summary>
    /// <param name="options">Window size, witnesses, clock; null for defaults.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    public static MockAttesto Start(MockAttestoOptions? options = null)
    {
        var mock = new MockAttesto(options);
        mock._server = LoopbackHttpServer.Start(mock._router.HandleAsync);
        return mock;
    }

    /// <summary>An in-process handler running the same emulator without a socket (for <c>new HttpClient(handler)</c>).</summary>
    /// <returns>A new handler; the caller disposes it.</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorMessageHandler(_router.HandleAsync);

    /// <summary>Closes the open window and makes a witnessed, anchored (confirmed) checkpoint over every window not yet checkpointed.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The checkpoint id.</returns>
    /// <exception cref="InvalidOperationException">Nothing new to checkpoint.</exception>
    public string CreateCheckpoint(string streamId) => Run(() => (string)_ledger.Checkpoint(streamId)["checkpoint_id"]!);

    /// <summary>Registers a signed-webhook connector that appends to <paramref name="streamId"/>.</summary>
    /// <param name="streamId">The stream the connector writes to.</param>
    /// <param name="secret">The shared secret the connector signs with.</param>
    /// <returns>The connector id.</returns>
    public string RegisterConnector(string streamId, string secret) => Run(() => _ledger.RegisterConnector(streamId, secret));

    /// <summary>Test hook: forgets every event after <paramref name="toSeqNo"/>, so the service rewinds the stream.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="toSeqNo">The last seq_no to keep.</param>
    public void ForkRewind(string streamId, long toSeqNo) => Run(() => { _ledger.Rewind(streamId, toSeqNo); return 0; });

    /// <summary>Test hook: replaces the stream's head event with a different one at the same seq_no (divergent lineage).</summary>
    /// <param name="streamId">The stream.</param>
    public void ForkDiverge(string streamId) => Run(() => { _ledger.Diverge(streamId); return 0; });

    /// <summary>
    /// Test hook: the next <paramref name="count"/> requests (any path, in arrival order) are answered
    /// <paramref name="status"/> with Attesto's error body <c>{"error": errorCode, "detail": …}</c>
    /// and, when given, a <c>Retry-After</c> header (whole seconds, rounded up).
    /// </summary>
    /// <param name="status">The HTTP status to answer with (400–599).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <param name="errorCode">The error code in the body (<see cref="AttestoApiException.ErrorCode"/>); null sends <c>injected_failure</c>.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> wait to send, if any.</param>
    /// <exception cref="AttestoValidationException">The status is not an error status, the count is below 1, or the wait is negative.</exception>
    public void FailNext(int status, int count = 1, string? errorCode = null, TimeSpan? retryAfter = null)
    {
        AttestoArguments.Require(status is >= 400 and <= 599, nameof(status), $"must be an error status (400–599); got {status}.");
        AttestoArguments.Require(count >= 1, nameof(count), $"must be at least 1; got {count}.");
        AttestoArguments.Require(retryAfter is not { Ticks: < 0 }, nameof(retryAfter), "must not be negative.");
        _faults.AddFailure(new MockFailure(status, errorCode, retryAfter), count);
    }

    /// <summary>
    /// Test hook: the next <paramref name="count"/> requests (any path, in arrival order, in the same
    /// queue as <see cref="FailNext"/>) get no answer: the connection is dropped, so the client sees a
    /// connection failure (on a socket or in process).
    /// </summary>
    /// <param name="count">How many requests (at least 1).</param>
    /// <exception cref="AttestoValidationException">The count is below 1.</exception>
    public void DropNextConnection(int count = 1)
    {
        AttestoArguments.Require(count >= 1, nameof(count), $"must be at least 1; got {count}.");
        _faults.AddFailure(new MockFailure(0, null, null, DropsConnection: true), count);
    }

    /// <summary>Test hook: delays the next <paramref name="count"/> requests (any path, in arrival order) by <paramref name="delay"/> on the options' clock.</summary>
    /// <param name="delay">The delay (not negative).</param>
    /// <param name="count">How many requests (at least 1).</param>
    /// <exception cref="AttestoValidationException">The delay is negative or the count is below 1.</exception>
    public void DelayNext(TimeSpan delay, int count = 1)
    {
        AttestoArguments.Require(delay >= TimeSpan.Zero, nameof(delay), "must not be negative.");
        AttestoArguments.Require(count >= 1, nameof(count), $"must be at least 1; got {count}.");
        _faults.AddDelay(delay, count);
    }

    /// <summary>Test hook: while true, every /v2 request is answered 426 protocol mismatch.</summary>
    public bool SimulateProtocolMismatch
    {
        get => _faults.ProtocolMismatch;
        set => _faults.ProtocolMismatch = value;
    }

    /// <summary>Stops the HTTP server, if started.</summary>
    /// <returns>A task that completes when the port is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (MockError ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
