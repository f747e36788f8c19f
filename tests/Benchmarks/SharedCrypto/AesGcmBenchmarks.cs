using BenchmarkDotNet.Attributes;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>AES-256-GCM throughput at 1 KiB and 1 MiB (separate tag).</summary>
[MemoryDiagnoser]
public class AesGcmBenchmarks
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _tag = new byte[16];
    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private byte[] _output = [];

    [Params(1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plaintext = new byte[Size];
        new Random(1).NextBytes(_plaintext);
        _ciphertext = new byte[Size];
        _output = new byte[Size];
        AesGcmCipher.Encrypt(_key, _nonce, _plaintext, _ciphertext, _tag);
    }

    [Benchmark]
    public void Encrypt() => AesGcmCipher.Encrypt(_key, _nonce, _plaintext, _ciphertext, _tag);

    [Benchmark]
    public void Decrypt() => AesGcmCipher.Decrypt(_key, _nonce, _ciphertext, _tag, _output);
}
