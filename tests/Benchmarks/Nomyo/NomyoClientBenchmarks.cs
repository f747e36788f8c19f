using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using Nomyo;
using Nomyo.Http;
using Nomyo.Testing;
using Refit;
using Shared.Crypto;

namespace Benchmarks.Nomyo;

/// <summary>
/// Client-side cost of one NOMYO call with keys ready: encrypt the request (serialize, AES-GCM,
/// RSA-OAEP wrap to the cached server key) and decrypt a response (RSA-OAEP unwrap with the
/// client's RSA-4096 key, AES-GCM, parse); and a full call against the loopback emulator.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*Nomyo*' --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NomyoClientBenchmarks
{
    private static readonly RsaPrivateKey ClientKey = RsaPrivateKey.Generate();
    private static readonly RsaPrivateKey ServerKey = RsaPrivateKey.Generate();

    private NomyoEmulator _inProcess = null!;
    private NomyoEmulator _loopback = null!;
    private SecureCompletionClient _client = null!;
    private SecureChatCompletion _endToEnd = null!;
    private JObject _payload = null!;
    private byte[] _response = null!;
    private string _payloadId = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _inProcess = NomyoEmulator.CreateInProcess(new NomyoEmulatorOptions { ServerKey = ServerKey });
        _client = new SecureCompletionClient(
            new NomyoClientOptions { BaseUrl = _inProcess.BaseUrl, AllowHttp = true, ClientKey = ClientKey },
            new HttpClient(_inProcess.CreateHandler()));
        _payload = new JObject
        {
            ["model"] = "Qwen/Qwen3-0.6B",
            ["messages"] = new JArray(new JObject { ["role"] = "user", ["content"] = "What is the capital of France? Answer in one sentence." }),
            ["temperature"] = 0.7,
        };

        // One real answer from the emulator, encrypted to the client key, to decrypt repeatedly.
        _payloadId = Guid.NewGuid().ToString();
        byte[] package = await _client.EncryptPayloadAsync(_payload);
        var api = RestService.For<INomyoApi>(new HttpClient(_inProcess.CreateHandler()) { BaseAddress = _inProcess.BaseUrl });
        var content = new ByteArrayContent(package);
        content.Headers.ContentType = new("application/octet-stream");
        using var answer = await api.PostSecureCompletionAsync(content, _payloadId, Uri.EscapeDataString(ClientKey.PublicKey.ToPem()), null, null);
        _response = await answer.Content.ReadAsByteArrayAsync();

        _loopback = NomyoEmulator.Start(new NomyoEmulatorOptions { ServerKey = ServerKey });
        _endToEnd = new SecureChatCompletion(new NomyoClientOptions { BaseUrl = _loopback.BaseUrl, AllowHttp = true, ClientKey = ClientKey });
        await _endToEnd.CreateAsync("m", [ChatMessage.User("warm up")]);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _endToEnd.Dispose();
        await _loopback.DisposeAsync();
    }

    /// <summary>Encrypt one request and decrypt one response (no server work).</summary>
    [Benchmark]
    public async Task<JObject> ClientSideEncryptAndDecrypt()
    {
        _ = await _client.EncryptPayloadAsync(_payload);
        return _client.DecryptResponse(_response, _payloadId);
    }

    /// <summary>Only the request side.</summary>
    [Benchmark]
    public Task<byte[]> EncryptRequest() => _client.EncryptPayloadAsync(_payload);

    /// <summary>Only the response side (RSA-4096 private-key unwrap dominates).</summary>
    [Benchmark]
    public JObject DecryptResponse() => _client.DecryptResponse(_response, _payloadId);

    /// <summary>A full call against the emulator on 127.0.0.1 (includes the emulator's own RSA unwrap).</summary>
    [Benchmark]
    public Task<ChatCompletion> EndToEndLoopback() => _endToEnd.CreateAsync("Qwen/Qwen3-0.6B", [ChatMessage.User("What is the capital of France?")]);
}
