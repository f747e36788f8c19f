using BenchmarkDotNet.Attributes;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>SHA-256 of 1 MiB through the platform implementation.</summary>
public class HashBenchmarks
{
    private readonly byte[] _data = new byte[1024 * 1024];
    private readonly byte[] _digest = new byte[32];

    [Benchmark]
    public void Sha256OneMiB() => Hashes.Sha256(_data, _digest);
}
