using BenchmarkDotNet.Attributes;
using Lucairn;
using Lucairn.Testing;

namespace Benchmarks.Lucairn;

/// <summary>
/// Client overhead per call (validation, Refit, bounded read, deserialisation) against the
/// emulator's in-process handler, so no socket time is measured.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*ClientRoundTrip*' --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ClientRoundTripBenchmarks
{
    private LucairnEmulator _emulator = null!;
    private LucairnClient _client = null!;
    private string _requestId = null!;
    private readonly ProxyMessagesRequest _request = new()
    {
        PromptTemplate = "Reply to {email}",
        Context = new Dictionary<string, string> { ["email"] = "alice@example.com" },
    };

    [GlobalSetup]
    public async Task Setup()
    {
        _emulator = LucairnEmulator.Start();
        _client = new LucairnClient(
            new LucairnClientOptions { ApiKey = _emulator.ProApiKey, BaseUrl = _emulator.BaseUrl, MaxRetries = 0 },
            new HttpClient(_emulator.CreateHandler()));
        var sync = (ProxySyncResponse)await _client.SendMessagesAsync(_request);
        _requestId = sync.RequestId!;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Description = "SendMessagesAsync")]
    public Task<ProxyResponse> Messages() => _client.SendMessagesAsync(_request);

    [Benchmark(Description = "GetCertificateAsync (fetch + parse, 4 claims)")]
    public Task<VeilCertificate> GetCertificate() => _client.GetCertificateAsync(_requestId);

    [Benchmark(Description = "GetCertificateAsync + VerifyCertificate (v3)")]
    public async Task<VerifyCertificateResult> GetAndVerify() =>
        _client.VerifyCertificate(await _client.GetCertificateAsync(_requestId), _emulator.VerifyKeys, SignableVersion.V3);
}
