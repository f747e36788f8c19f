using BenchmarkDotNet.Attributes;
using Lucairn;
using Shared.Crypto;

namespace Benchmarks.Lucairn;

/// <summary>
/// Bulk verification of the real v3 production certificate: the same batch on one worker and on
/// every core, in one run, so the scaling ratio (target ≥ 0.85 × cores) comes from one machine state.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*BulkCertificate*' --job short
/// </summary>
[MemoryDiagnoser]
public class BulkCertificateBenchmarks
{
    private string[] _batch = null!;
    private VerifyCertificateKeys _keys = null!;

    /// <summary>The batch size (10^3 and 10^4 show how the cost grows).</summary>
    [Params(1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string vectors = LucairnVectors.Directory;
        string json = File.ReadAllText(Path.Combine(vectors, "cert-real-v3-production.json"));
        _keys = new VerifyCertificateKeys("witness_v1", File.ReadAllText(Path.Combine(vectors, "production-witness-pubkey.hex")).Trim());
        _batch = Enumerable.Repeat(json, Documents).ToArray();
    }

    [Benchmark(Baseline = true, Description = "sequential Verify loop")]
    public int Sequential()
    {
        int ok = 0;
        foreach (string certificate in _batch)
        {
            ok += CertificateVerifier.Verify(certificate, _keys).CertificateId.Length > 0 ? 1 : 0;
        }

        return ok;
    }

    [Benchmark(Description = "VerifyManyAsync, 1 worker")]
    public Task<int> OneWorker() => Drain(1);

    [Benchmark(Description = "VerifyManyAsync, every core")]
    public Task<int> AllCores() => Drain(Environment.ProcessorCount);

    private async Task<int> Drain(int workers)
    {
        int ok = 0;
        var options = new BulkOptions { MaxDegreeOfParallelism = workers };
        await foreach (BulkResult<VerifyCertificateResult> result in CertificateVerifier.VerifyManyAsync(_batch, _keys, options: options))
        {
            ok += result.Succeeded ? 1 : 0;
        }

        return ok;
    }
}
