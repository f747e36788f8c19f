using Attesto;
using Attesto.Testing;
using BenchmarkDotNet.Attributes;

namespace Benchmarks.Attesto;

/// <summary>
/// The Proofstream speed target (issue 5): logging batches of 1,000 events against MockAttesto on
/// loopback with receipt verification and file head-store persistence on; target ≥ 3,000 events/s
/// end to end. One operation = one event.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*ProofstreamBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ProofstreamBenchmarks
{
    private const int BatchSize = 1000;
    private MockAttesto _mock = null!;
    private AttestoV2Client _client = null!;
    private string _directory = null!;
    private string _streamId = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _mock = MockAttesto.Start();
        _directory = Path.Combine(Path.GetTempPath(), "attesto-bench-" + Guid.NewGuid().ToString("N"));
        _client = new AttestoV2Client(
            new AttestoClientOptions(_mock.ApiKey)
            {
                BaseUrl = _mock.BaseUrl,
                MaxRetries = 0,
                Timeout = TimeSpan.FromMinutes(1),
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = _mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new FileHeadStore(Path.Combine(_directory, "heads.json")) },
            });
        _streamId = _client.CreateStreamAsync("bench", "pol").GetAwaiter().GetResult().StreamId!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _mock.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task<StreamEventBatchResult> LogEventsBatchOf1000()
    {
        int start = _next;
        _next += BatchSize;
        return _client.LogEventsAsync(_streamId, Enumerable.Range(start, BatchSize).Select(i => new StreamEventInput($"bench-{i}", new { n = i, label = "decision" }) { EventType = "ai.model_decision" }));
    }
}
