using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>SHA-256 of a Merkle-node-sized input (18-byte domain prefix + two 32-byte children): the per-call cost dominates.</summary>
public class SmallHashBenchmarks
{
    private readonly byte[] _prefix = System.Text.Encoding.ASCII.GetBytes("attesto.v2.window\0");
    private readonly byte[] _left = new byte[32];
    private readonly byte[] _right = new byte[32];
    private readonly byte[] _digest = new byte[32];
    private readonly IncrementalHash _incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    [Benchmark(Baseline = true)]
    public void MultiPart() => Hashes.Sha256(_prefix, _left, _right, _digest);

    [Benchmark]
    public void OneShotConcatenated()
    {
        Span<byte> buffer = stackalloc byte[128];
        _prefix.CopyTo(buffer);
        _left.CopyTo(buffer[_prefix.Length..]);
        _right.CopyTo(buffer[(_prefix.Length + 32)..]);
        SHA256.HashData(buffer[..(_prefix.Length + 64)], _digest);
    }

    [Benchmark]
    public void IncrementalConcatenated()
    {
        Span<byte> buffer = stackalloc byte[128];
        _prefix.CopyTo(buffer);
        _left.CopyTo(buffer[_prefix.Length..]);
        _right.CopyTo(buffer[(_prefix.Length + 32)..]);
        _incremental.AppendData(buffer[..(_prefix.Length + 64)]);
        _incremental.GetHashAndReset(_digest);
    }
}
